// Long-term contracts' renewals (seed 000 journey 4, phase 3: repeat business): a signed contract
// with a last day (a service agreement) gets a renewal task for the account owner a notice period
// before that day; renewed, it runs on for the months agreed, and the next renewal follows from the
// new last day. Pure: the workflow, the activities and the API share the date arithmetic.
import { addMonths } from './cadence';

const DAY = 86_400_000;

/** A contract's day (`YYYY-MM-DD`, a UTC calendar day) as the instant it begins, and back. */
export const dayStart = (iso: string) => new Date(`${iso}T00:00:00Z`);
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A contract whose renewal is ahead: its id and its last day (`YYYY-MM-DD`, a UTC calendar day). */
export type RenewalDue = { contractId: string; endsOn: string };

/** Keys the renewal's wait and task: a new last day is a new renewal. */
export const renewalKey = (r: RenewalDue) => `renewal:${r.contractId}:${r.endsOn}`;

/** When the renewal task opens (`noticeDays` before the last day begins) and when the contract has ended (the day after it begins). */
export function renewalTimes(endsOn: string, noticeDays: number): { noticeAt: number; endsAt: number } {
  const lastDay = dayStart(endsOn).getTime();
  return { noticeAt: lastDay - noticeDays * DAY, endsAt: lastDay + DAY };
}

/** The new last day of a contract ending on `endsOn`, renewed for `months` from the day after it (Feb 28 2027 + 12 → Feb 29 2028). */
export function renewedUntil(endsOn: string, months: number): string {
  const next = addMonths(new Date(dayStart(endsOn).getTime() + DAY), months);
  return isoDay(new Date(next.getTime() - DAY));
}
