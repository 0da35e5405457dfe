// Invoice arithmetic: rounding half up to the minor unit, splits that add back up exactly, tax on
// work only. Expected figures are worked out by hand in the comments.
import { allocate, basisPoints, invoiceTotals, lateFee, timeAmount } from '../../../workflows/billing/billing-math';

it('rounds percentages and time half up to the minor unit', () => {
  expect(basisPoints(333_333, 2000)).toBe(66_667); // 66,666.6
  expect(basisPoints(892_506, 2000)).toBe(178_501); // 178,501.2
  expect(basisPoints(5, 1000)).toBe(1); // 0.5 rounds up
  expect(basisPoints(4, 1000)).toBe(0); // 0.4 rounds down
  expect(timeAmount(75, 9_999)).toBe(12_499); // 1.25 h × 99.99 = 124.9875
  expect(timeAmount(90, 1)).toBe(2); // 1.5 → 2
  expect(lateFee(233_333, 150)).toBe(3_500); // 3,499.995
  expect(lateFee(0, 150)).toBe(0);
  expect(lateFee(-10, 150)).toBe(0);
});

it('splits an amount in proportion, to the unit, adding back up exactly', () => {
  expect(allocate(360_002, [333_333, 700_007, 166_667])).toEqual([100_000, 210_002, 50_000]);
  expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]); // ties go to the earliest
  expect(allocate(0, [5, 5])).toEqual([0, 0]);
  expect(allocate(7, [0, 0])).toEqual([7, 0]); // nothing to weigh by: the first takes it
  expect(allocate(10, [0, 3, 0, 1])).toEqual([0, 8, 0, 2]); // 7.5 and 2.5: the tie goes to the earlier
  const cases: Array<[number, number[]]> = [
    [999_999, [1, 2, 3, 4, 5, 6, 7]],
    [1, [10, 10, 10]],
    [123_457, [99_999, 1, 50_000]],
  ];
  for (const [total, weights] of cases) {
    const parts = allocate(total, weights);
    expect(parts.reduce((a, b) => a + b)).toBe(total);
    parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]!) / weights.reduce((a, b) => a + b))).toBeLessThan(1));
  }
});

it('taxes work but not credits or fees', () => {
  const totals = invoiceTotals(
    [
      { kind: 'milestone', description: 'Build', amountMinor: 700_007 },
      { kind: 'change-order', description: 'Gift cards', amountMinor: 150_000 },
      { kind: 'time', description: 'Time', amountMinor: 42_499 },
      { kind: 'deposit-credit', description: 'Deposit', amountMinor: -210_002 },
      { kind: 'late-fee', description: 'Late fee', amountMinor: 1_234 },
    ],
    2000,
  );
  // Work 892,506; VAT 178,501 (178,501.2); less 210,002; plus 1,234.
  expect(totals).toEqual({ subtotalMinor: 892_506, taxMinor: 178_501, creditsMinor: -210_002, feesMinor: 1_234, totalMinor: 862_239 });
});
