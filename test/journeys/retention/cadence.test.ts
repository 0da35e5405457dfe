// The retention cadence over hand-picked accounts: every date below is worked out by hand in the
// comments (day counts from clientSince, month ends, leap years), not by the code under test.
import { addMonths, clientPhase, nextCheckIn, type Account, type EarlyCadence } from '../../../workflows/retention/cadence';
import { renewalTimes, renewedUntil } from '../../../workflows/retention/renewals';

const at = (iso: string) => new Date(iso);
const account = (clientSince: string, earlyCadence: EarlyCadence, onboardedAt: string | null = clientSince): Account => ({
  clientSince: at(clientSince),
  onboardedAt: onboardedAt === null ? null : at(onboardedAt),
  earlyCadence,
});

/** The first `count` check-ins, each asked for after the one before, as `kind date`. */
function walk(a: Account, count: number): string[] {
  const seen: string[] = [];
  let after = a.clientSince;
  while (seen.length < count) {
    const next = nextCheckIn(a, after);
    seen.push(`${next.kind} ${next.dueAt.toISOString()}`);
    after = next.dueAt;
  }
  return seen;
}

describe('the schedule', () => {
  it('checks in every 14 days until the first quarterly review, from a month end', () => {
    expect(walk(account('2026-01-31T09:00:00.000Z', 'biweekly'), 12)).toEqual([
      'check-in 2026-02-14T09:00:00.000Z', // day 14: Jan 31 + 14
      'check-in 2026-02-28T09:00:00.000Z', // day 28 (February 2026 has 28 days)
      'check-in 2026-03-14T09:00:00.000Z', // day 42: Feb 28 + 1 = Mar 1, + 13
      'check-in 2026-03-28T09:00:00.000Z', // day 56
      'check-in 2026-04-11T09:00:00.000Z', // day 70: Mar 28 + 3 = Mar 31, + 11
      'check-in 2026-04-25T09:00:00.000Z', // day 84; day 98 (May 9) would be after month 3
      'quarterly-review 2026-04-30T09:00:00.000Z', // month 3: April has no 31st; day 28 + 31 + 30 = 89
      'quarterly-review 2026-07-31T09:00:00.000Z', // month 6, from Jan 31 (not chained from Apr 30)
      'quarterly-review 2026-10-31T09:00:00.000Z', // month 9
      'annual-review 2027-01-31T09:00:00.000Z', // month 12
      'annual-review 2028-01-31T09:00:00.000Z', // month 24
      'annual-review 2029-01-31T09:00:00.000Z', // month 36
    ]);
  });

  it('checks in monthly on the month end the month has', () => {
    expect(walk(account('2026-01-31T23:30:00.000Z', 'monthly'), 6)).toEqual([
      'check-in 2026-02-28T23:30:00.000Z', // month 1: no Feb 31 or 29 in 2026; the time of day kept
      'check-in 2026-03-31T23:30:00.000Z', // month 2: from Jan 31, so the 31st again
      'quarterly-review 2026-04-30T23:30:00.000Z', // month 3 replaces the third monthly check-in
      'quarterly-review 2026-07-31T23:30:00.000Z',
      'quarterly-review 2026-10-31T23:30:00.000Z',
      'annual-review 2027-01-31T23:30:00.000Z',
    ]);
  });

  it('counts leap days: Feb 29 in 14-day steps, and a Feb 29 client reviewed on Feb 28 in common years', () => {
    expect(walk(account('2028-02-01T10:00:00.000Z', 'biweekly'), 3)).toEqual([
      'check-in 2028-02-15T10:00:00.000Z', // day 14
      'check-in 2028-02-29T10:00:00.000Z', // day 28: 2028 is a leap year
      'check-in 2028-03-14T10:00:00.000Z', // day 42: Feb 29 + 1 = Mar 1, + 13
    ]);
    expect(walk(account('2028-01-31T10:00:00.000Z', 'monthly'), 1)).toEqual(['check-in 2028-02-29T10:00:00.000Z']);
    const leapling = account('2028-02-29T10:00:00.000Z', 'monthly');
    expect(walk(leapling, 7)).toEqual([
      'check-in 2028-03-29T10:00:00.000Z',
      'check-in 2028-04-29T10:00:00.000Z',
      'quarterly-review 2028-05-29T10:00:00.000Z',
      'quarterly-review 2028-08-29T10:00:00.000Z',
      'quarterly-review 2028-11-29T10:00:00.000Z',
      'annual-review 2029-02-28T10:00:00.000Z', // 2029 has no Feb 29
      'annual-review 2030-02-28T10:00:00.000Z',
    ]);
    expect(nextCheckIn(leapling, at('2031-03-01T00:00:00.000Z')).dueAt).toEqual(at('2032-02-29T10:00:00.000Z')); // month 48, a leap year again
  });

  it('keeps its dates when a check-in is late, and finds its place when asked years on', () => {
    const a = account('2026-01-31T09:00:00.000Z', 'biweekly');
    // The day-42 check-in (Mar 14) done on Mar 20: the next is still day 56, Mar 28.
    expect(nextCheckIn(a, at('2026-03-20T16:00:00.000Z'))).toEqual({ kind: 'check-in', dueAt: at('2026-03-28T09:00:00.000Z') });
    // Strictly after: asked at a check-in's own instant, the answer is the one after it.
    expect(nextCheckIn(a, at('2026-02-14T09:00:00.000Z')).dueAt).toEqual(at('2026-02-28T09:00:00.000Z'));
    // Handed over in August: the next is the month-9 review.
    expect(nextCheckIn(a, at('2026-08-15T00:00:00.000Z'))).toEqual({ kind: 'quarterly-review', dueAt: at('2026-10-31T09:00:00.000Z'), periodStart: at('2026-07-31T09:00:00.000Z') }); // its report: since month 6
    // Eleven years on: month 132, Jan 31 2037.
    expect(nextCheckIn(a, at('2036-06-01T00:00:00.000Z'))).toEqual({ kind: 'annual-review', dueAt: at('2037-01-31T09:00:00.000Z'), periodStart: at('2036-01-31T09:00:00.000Z') }); // its report: the year since month 120
  });

  it('has the first quarterly review a little after day 90 when the months are long', () => {
    // Mar 1 + 3 months = Jun 1: 31 (Mar) + 30 (Apr) + 31 (May) = day 92. Day 84 is May 24; day 98 (Jun 7) is past Jun 1.
    const a = account('2026-03-01T00:00:00.000Z', 'biweekly');
    expect(nextCheckIn(a, at('2026-05-24T00:00:00.000Z'))).toEqual({ kind: 'quarterly-review', dueAt: at('2026-06-01T00:00:00.000Z'), periodStart: at('2026-03-01T00:00:00.000Z') }); // its report: the first quarter
    expect(clientPhase(a, at('2026-06-01T00:00:00.000Z'))).toBe('CLIENT_90_DAYS_1_YEAR');
  });
});

describe('the phase', () => {
  // Client since Jan 31 2026 09:00, onboarded Feb 10.
  const a = account('2026-01-31T09:00:00.000Z', 'biweekly', '2026-02-10T12:00:00.000Z');

  it('is onboarding until onboarding is done', () => {
    expect(clientPhase(a, at('2026-02-10T11:59:59.999Z'))).toBe('ONBOARDING');
    expect(clientPhase(account('2025-01-01T00:00:00.000Z', 'monthly', null), at('2026-02-10T00:00:00.000Z'))).toBe('ONBOARDING');
    expect(clientPhase(a, at('2026-02-10T12:00:00.000Z'))).toBe('CLIENT_0_90_DAYS');
  });

  it('turns at 90 and 365 days to the millisecond', () => {
    // Day 89, the month-3 review's day (Apr 30): still the first 90 days.
    expect(clientPhase(a, at('2026-04-30T09:00:00.000Z'))).toBe('CLIENT_0_90_DAYS');
    // Day 90: 28 (Feb) + 31 (Mar) + 30 (Apr) + 1 = May 1, 09:00.
    expect(clientPhase(a, at('2026-05-01T08:59:59.999Z'))).toBe('CLIENT_0_90_DAYS');
    expect(clientPhase(a, at('2026-05-01T09:00:00.000Z'))).toBe('CLIENT_90_DAYS_1_YEAR');
    // Day 365: 2026 is a common year, so Jan 31 2027, the annual review's day.
    expect(clientPhase(a, at('2027-01-31T08:59:59.999Z'))).toBe('CLIENT_90_DAYS_1_YEAR');
    expect(clientPhase(a, at('2027-01-31T09:00:00.000Z'))).toBe('ESTABLISHED');
  });

  it('counts 365 days, not a calendar year, across a leap day', () => {
    // Mar 1 2027 + 365 days = Feb 29 2028 (the year to Mar 1 2028 has 366 days); the annual review is Mar 1 2028.
    const leap = account('2027-03-01T00:00:00.000Z', 'monthly');
    expect(clientPhase(leap, at('2028-02-28T23:59:59.999Z'))).toBe('CLIENT_90_DAYS_1_YEAR');
    expect(clientPhase(leap, at('2028-02-29T00:00:00.000Z'))).toBe('ESTABLISHED');
    expect(nextCheckIn(leap, at('2028-02-29T00:00:00.000Z'))).toEqual({ kind: 'annual-review', dueAt: at('2028-03-01T00:00:00.000Z'), periodStart: at('2027-03-01T00:00:00.000Z') }); // its report: their first year
  });

  it('takes a clientSince a little ahead of the clock as the first 90 days', () => {
    expect(clientPhase(a, at('2026-01-31T08:00:00.000Z'))).toBe('ONBOARDING'); // not onboarded yet either
    const early = account('2026-01-31T09:00:00.000Z', 'monthly', '2026-01-31T08:00:00.000Z');
    expect(clientPhase(early, at('2026-01-31T08:30:00.000Z'))).toBe('CLIENT_0_90_DAYS');
  });
});

it('adds calendar months at the same UTC time, clamped to the month end', () => {
  expect(addMonths(at('2026-01-31T09:15:30.250Z'), 1)).toEqual(at('2026-02-28T09:15:30.250Z'));
  expect(addMonths(at('2026-12-31T00:00:00.000Z'), 2)).toEqual(at('2027-02-28T00:00:00.000Z')); // across a year end
  expect(addMonths(at('2026-05-31T00:00:00.000Z'), 1)).toEqual(at('2026-06-30T00:00:00.000Z'));
  expect(addMonths(at('2026-05-15T00:00:00.000Z'), 0)).toEqual(at('2026-05-15T00:00:00.000Z'));
});

describe('renewals', () => {
  it('asks a notice period before the last day and ends the day after it', () => {
    const { noticeAt, endsAt } = renewalTimes('2027-06-30', 60);
    // Jun 30 less 30 days is May 31; less 30 more is May 1.
    expect(new Date(noticeAt).toISOString()).toBe('2027-05-01T00:00:00.000Z');
    expect(new Date(endsAt).toISOString()).toBe('2027-07-01T00:00:00.000Z');
  });

  it('runs a renewal on from the day after the last one, month ends and leap days included', () => {
    expect(renewedUntil('2027-06-30', 12)).toBe('2028-06-30'); // Jul 1 2027 + 12 months = Jul 1 2028, less a day
    expect(renewedUntil('2027-02-28', 12)).toBe('2028-02-29'); // Mar 1 2028 less a day: 2028 is a leap year
    expect(renewedUntil('2027-01-31', 1)).toBe('2027-02-28'); // Feb 1 + 1 month = Mar 1, less a day
    expect(renewedUntil('2027-12-31', 6)).toBe('2028-06-30'); // Jan 1 2028 + 6 = Jul 1, less a day
  });
});
