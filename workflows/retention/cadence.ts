// The retention journey's cadence (seed 003, client phases 4-7): which phase a client is in, and
// when their next check-in falls due and what kind it is. Pure and deterministic (every instant is
// an argument; calendar arithmetic on UTC dates), so the workflow runs it as it is and the API can
// show the same answer.
//
// The schedule is fixed from clientSince, never from when the last check-in was done, so a late
// check-in moves none after it and a journey resumed years later finds its place again:
// - `check-in`: every 14 days or every calendar month (the account's early cadence), while before
//   the first quarterly review: days 14, 28, 42, 56, 70 and 84, or months 1 and 2;
// - `quarterly-review` (with a quarter-over-quarter report): months 3, 6 and 9;
// - `annual-review` (a service review with the satisfaction and NPS survey): months 12, 24, 36, …
// "Month n" is the same day of the month n months after clientSince, at the same UTC time; a day
// the month lacks becomes its last day (from Jan 31: Feb 28, or 29 in a leap year, Mar 31, Apr 30).
// Each is counted from clientSince, never from the one before, so Jan 31 gives Mar 31, not Mar 28.
//
// The phase counts 24-hour days from clientSince, as the customer's lifecycle does
// (api/domain/customer-lifecycle.ts reads its periods from here): under 90, under 365, then
// established. Month 3 is 89 to 92 days on, so the first quarterly review may fall a day or two
// before the 90-day boundary: a check-in's kind follows the schedule, not the phase on its day.

export const EARLY_CADENCES = ['biweekly', 'monthly'] as const;
export type EarlyCadence = (typeof EARLY_CADENCES)[number];

/** The lifecycle phases of a client (api/contract/records.ts LIFECYCLE_PHASES names them the same). */
export type ClientPhase = 'ONBOARDING' | ClientPeriod['phase'];
export type CheckInKind = 'check-in' | 'quarterly-review' | 'annual-review';
/** A review also covers a period, for its report: since the review before (or since they became a client). */
export type CheckIn = { kind: CheckInKind; dueAt: Date; periodStart?: Date };

export type Account = {
  /** When they became a client (their first won acquisition). */
  clientSince: Date;
  /**
   * When onboarding was done (the retention journey's checklist); null while it is not. The
   * customer's lifecycle dates it from the first kickoff instead, which comes before a hand-over.
   */
  onboardedAt: Date | null;
  earlyCadence: EarlyCadence;
};

const DAY = 86_400_000;
const BIWEEKLY_DAYS = 14;
const QUARTERLY_MONTHS = [3, 6, 9] as const;
const MONTHS_A_YEAR = 12;

/** Seed 003's client periods by days since clientSince, latest first. */
export const CLIENT_PERIODS = [
  { phase: 'ESTABLISHED', fromDays: 365 },
  { phase: 'CLIENT_90_DAYS_1_YEAR', fromDays: 90 },
  { phase: 'CLIENT_0_90_DAYS', fromDays: 0 },
] as const;
export type ClientPeriod = (typeof CLIENT_PERIODS)[number];

/** The client period at `now`. A clientSince a little ahead of this clock counts as the first. */
export function clientPeriod(clientSince: Date, now: Date): ClientPeriod {
  const age = now.getTime() - clientSince.getTime();
  return CLIENT_PERIODS.find((p) => age >= p.fromDays * DAY) ?? CLIENT_PERIODS[CLIENT_PERIODS.length - 1]!;
}

/** The phase at `now`: onboarding until it is done, then the client period. */
export function clientPhase(account: Pick<Account, 'clientSince' | 'onboardedAt'>, now: Date): ClientPhase {
  if (!account.onboardedAt || account.onboardedAt > now) return 'ONBOARDING';
  return clientPeriod(account.clientSince, now).phase;
}

/** The first check-in of the schedule due strictly after `after` (the schedule never ends). */
export function nextCheckIn(account: Pick<Account, 'clientSince' | 'earlyCadence'>, after: Date): CheckIn {
  for (const checkIn of schedule(account)) {
    if (checkIn.dueAt > after) return checkIn;
  }
  throw new Error('unreachable: the schedule is endless');
}

/** `months` calendar months after `from`, at the same UTC time; past the month's end, its last day. */
export function addMonths(from: Date, months: number): Date {
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const time = from.getTime() - Date.UTC(year, from.getUTCMonth(), from.getUTCDate());
  return new Date(Date.UTC(year, month, Math.min(from.getUTCDate(), lastDay)) + time);
}

function* schedule({ clientSince, earlyCadence }: Pick<Account, 'clientSince' | 'earlyCadence'>): Generator<CheckIn> {
  const firstQuarterly = addMonths(clientSince, QUARTERLY_MONTHS[0]);
  for (let n = 1; ; n++) {
    const dueAt = earlyCadence === 'biweekly' ? new Date(clientSince.getTime() + n * BIWEEKLY_DAYS * DAY) : addMonths(clientSince, n);
    if (dueAt >= firstQuarterly) break;
    yield { kind: 'check-in', dueAt };
  }
  for (const months of QUARTERLY_MONTHS) yield { kind: 'quarterly-review', dueAt: addMonths(clientSince, months), periodStart: addMonths(clientSince, months - 3) };
  // The first annual review reports on the year, as each after it does.
  for (let years = 1; ; years++) yield { kind: 'annual-review', dueAt: addMonths(clientSince, years * MONTHS_A_YEAR), periodStart: addMonths(clientSince, (years - 1) * MONTHS_A_YEAR) };
}
