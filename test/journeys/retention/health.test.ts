// The health score over hand-made signals; each figure is worked out by hand in the comments from
// the table in workflows/retention/health.ts.
import { healthOf, type HealthSignals } from '../../../workflows/retention/health';

const quiet: HealthSignals = { csatRatings: [], nps: null, tickets: 0, breaches: 0, overdueInvoices: 0, missedCheckIns: 0, lastSentiment: null };
const penalties = (s: Partial<HealthSignals>) => Object.fromEntries(healthOf({ ...quiet, ...s }, 60).contributions.map((c) => [c.input, c.penalty]));

it('starts a new account at 100, every signal unknown', () => {
  expect(healthOf(quiet, 60)).toEqual({
    score: 100,
    atRisk: false,
    contributions: [
      { input: 'csat', value: null, penalty: 0, maxPenalty: 20 },
      { input: 'nps', value: null, penalty: 0, maxPenalty: 20 },
      { input: 'tickets', value: 0, penalty: 0, maxPenalty: 10 },
      { input: 'breaches', value: 0, penalty: 0, maxPenalty: 15 },
      { input: 'overdueInvoices', value: 0, penalty: 0, maxPenalty: 15 },
      { input: 'missedCheckIns', value: 0, penalty: 0, maxPenalty: 10 },
      { input: 'sentiment', value: null, penalty: 0, maxPenalty: 10 },
    ],
  });
});

// Ratings 4, 4, 3, 3, 2: sum 16, average 3.2, CSAT 5 × 1.8 = 9; NPS 7, a passive: 8; 4 tickets,
// 2 beyond the first 2: 4; one breach 5, one overdue invoice 5, one missed check-in 5; neutral 4.
// 9 + 8 + 4 + 5 + 5 + 5 + 4 = 40 off: 60, on the threshold and so not at risk.
const mixed: HealthSignals = { csatRatings: [4, 4, 3, 3, 2], nps: 7, tickets: 4, breaches: 1, overdueInvoices: 1, missedCheckIns: 1, lastSentiment: 'neutral' };

it('shows what each signal took off, and is at risk only below the threshold', () => {
  const health = healthOf(mixed, 60);
  expect(health.contributions.map((c) => [c.input, c.value, c.penalty])).toEqual([
    ['csat', 3.2, 9],
    ['nps', 7, 8],
    ['tickets', 4, 4],
    ['breaches', 1, 5],
    ['overdueInvoices', 1, 5],
    ['missedCheckIns', 1, 5],
    ['sentiment', 'neutral', 4],
  ]);
  expect(health).toMatchObject({ score: 60, atRisk: false });
  // A fifth ticket takes 2 more: 58, at risk.
  expect(healthOf({ ...mixed, tickets: 5 }, 60)).toMatchObject({ score: 58, atRisk: true });
  // The same account against a threshold of 61: at risk at 60.
  expect(healthOf(mixed, 61)).toMatchObject({ score: 60, atRisk: true });
  // The check-in held, positive: 5 and 4 back, 69.
  expect(healthOf({ ...mixed, missedCheckIns: 0, lastSentiment: 'positive' }, 60)).toMatchObject({ score: 69, atRisk: false });
});

it('rounds the CSAT share to the nearest point, halves up', () => {
  expect(penalties({ csatRatings: [5, 4] }).csat).toBe(3); // average 4.5: 5 × 0.5 = 2.5 → 3
  expect(penalties({ csatRatings: [5, 5, 4] }).csat).toBe(2); // 14 / 3: 5 × 1/3 = 1.67 → 2
  expect(penalties({ csatRatings: [5, 5, 5, 4] }).csat).toBe(1); // 4.75: 5 × 0.25 = 1.25 → 1
  expect(penalties({ csatRatings: [5, 5, 5, 5, 5, 5, 5, 5, 5, 4] }).csat).toBe(1); // 4.9: 0.5 → 1, not 0
  expect(penalties({ csatRatings: [5] }).csat).toBe(0);
  expect(penalties({ csatRatings: [1, 1] }).csat).toBe(20); // 5 × 4
});

it('counts NPS by category: detractors 0-6, passives 7-8, promoters 9-10', () => {
  expect([0, 6, 7, 8, 9, 10].map((nps) => penalties({ nps }).nps)).toEqual([20, 20, 8, 8, 0, 0]);
});

it('lets two tickets pass and caps each share', () => {
  expect([0, 1, 2, 3, 6, 7, 30].map((tickets) => penalties({ tickets }).tickets)).toEqual([0, 0, 0, 2, 8, 10, 10]);
  expect([2, 3, 4].map((breaches) => penalties({ breaches }).breaches)).toEqual([10, 15, 15]);
  expect([2, 3, 9].map((overdueInvoices) => penalties({ overdueInvoices }).overdueInvoices)).toEqual([10, 15, 15]);
  expect([2, 5].map((missedCheckIns) => penalties({ missedCheckIns }).missedCheckIns)).toEqual([10, 10]);
});

it('reaches 0 with every share taken, and never below', () => {
  // 20 + 20 + 10 + 15 + 15 + 10 + 10 = 100.
  const worst = { csatRatings: [1, 1, 1], nps: 0, tickets: 40, breaches: 12, overdueInvoices: 6, missedCheckIns: 4, lastSentiment: 'negative' } as const;
  expect(healthOf(worst, 60)).toMatchObject({ score: 0, atRisk: true });
});
