// A customer's lifecycle phase (seed 003's client experience journey), derived from facts the
// activities keep on the customer (activities/runtime/customer-facts.ts) and the time of asking.
// Journeys keep their own outcomes: a client's new inquiry, or its declined quote, changes no fact
// that makes them a client. Phases that pass with time (a client's first 90 days, the first year, a
// relationship gone quiet) are worked out when read, here and in lifecycleWhere's SQL conditions,
// so they are right on the day without anything rewriting rows.
import type { Prisma } from '../../prisma/generated/client';

import { LIFECYCLE_PHASES } from '../contract/records';
import { CLIENT_PERIODS, clientPeriod, type ClientPeriod } from '../../workflows/retention/cadence';

export { LIFECYCLE_PHASES };
export type LifecyclePhase = (typeof LIFECYCLE_PHASES)[number];

/** The Customer columns the phase is derived from (see prisma/schema.prisma). */
export type LifecycleFacts = {
  createdAt: Date;
  clientSince: Date | null;
  onboardedAt: Date | null;
  activeSince: Date | null;
  lastEndedAt: Date | null;
  /** When they left (their retention journey ended); cleared when a journey of theirs starts again. */
  leftAt: Date | null;
};

/** `formerAfterDays`: how long a client with no journey running stays one (CUSTOMER_FORMER_AFTER_DAYS). */
export type LifecycleRules = { formerAfterDays: number };

const DAY = 86_400_000;

const after = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
const latest = (...dates: Array<Date | null>) => new Date(Math.max(...dates.filter((d): d is Date => d !== null).map((d) => d.getTime())));

/**
 * The phase at `now` and since when:
 * - never won: ACTIVE_LEAD while a journey (their acquisition) runs, else PROSPECT (a lost lead
 *   stays a prospect);
 * - won, and left (a manager recorded it, or the relationship went quiet): FORMER_CLIENT since then;
 * - won, nothing running, and the last journey ended `formerAfterDays` ago or more: FORMER_CLIENT;
 * - won, no project kicked off yet: ONBOARDING;
 * - otherwise by time since they became a client: 0-90 days, 90 days-1 year, ESTABLISHED.
 * A former client who comes back is in their client period again from the day they came back.
 */
export function lifecycleOf(f: LifecycleFacts, now: Date, rules: LifecycleRules): { lifecycle: LifecyclePhase; lifecycleSince: Date } {
  if (!f.clientSince) {
    return f.activeSince
      ? { lifecycle: 'ACTIVE_LEAD', lifecycleSince: f.activeSince }
      : { lifecycle: 'PROSPECT', lifecycleSince: f.lastEndedAt ?? f.createdAt };
  }
  if (f.leftAt) return { lifecycle: 'FORMER_CLIENT', lifecycleSince: f.leftAt };
  const formerFrom = f.lastEndedAt && after(f.lastEndedAt, rules.formerAfterDays);
  if (!f.activeSince && formerFrom && formerFrom <= now) return { lifecycle: 'FORMER_CLIENT', lifecycleSince: formerFrom };
  // Running again after a gap that made them a former client: back from that day.
  const returned = f.activeSince && formerFrom && formerFrom <= f.activeSince ? f.activeSince : null;
  if (!f.onboardedAt) return { lifecycle: 'ONBOARDING', lifecycleSince: latest(f.clientSince, returned) };
  const period = clientPeriod(f.clientSince, now);
  return { lifecycle: period.phase, lifecycleSince: latest(after(f.clientSince, period.fromDays), f.onboardedAt, returned) };
}

/** The customers in `phase` at `now`: lifecycleOf's rules as conditions on the fact columns. */
export function lifecycleWhere(phase: LifecyclePhase, now: Date, rules: LifecycleRules): Prisma.CustomerWhereInput {
  const formerCutoff = after(now, -rules.formerAfterDays);
  const client = { clientSince: { not: null }, leftAt: null };
  const notFormer = { OR: [{ activeSince: { not: null } }, { lastEndedAt: null }, { lastEndedAt: { gt: formerCutoff } }] };
  const onboarded = { ...client, onboardedAt: { not: null }, ...notFormer };
  /** Clients from the period's first day to the next period's first day. */
  const clientFor = (phase: ClientPeriod['phase']) => {
    const at = CLIENT_PERIODS.findIndex((p) => p.phase === phase);
    const fromDays = CLIENT_PERIODS[at]!.fromDays;
    const toDays = CLIENT_PERIODS[at - 1]?.fromDays;
    return {
      ...onboarded,
      clientSince: { not: null, ...(fromDays > 0 && { lte: after(now, -fromDays) }), ...(toDays !== undefined && { gt: after(now, -toDays) }) },
    };
  };
  switch (phase) {
    case 'PROSPECT':
      return { clientSince: null, activeSince: null };
    case 'ACTIVE_LEAD':
      return { clientSince: null, activeSince: { not: null } };
    case 'FORMER_CLIENT':
      return { clientSince: { not: null }, OR: [{ leftAt: { not: null } }, { activeSince: null, lastEndedAt: { lte: formerCutoff } }] };
    case 'ONBOARDING':
      return { ...client, onboardedAt: null, ...notFormer };
    case 'CLIENT_0_90_DAYS':
    case 'CLIENT_90_DAYS_1_YEAR':
    case 'ESTABLISHED':
      return clientFor(phase);
  }
}
