// The rows a cohort's reports read (the query's CTE `c`: journeys of `kind` started in `period`,
// in the segment), each kept with its journey's kind and start so the planner reads a cohort's
// rows as one index range, from the index alone: its stage times (the StageTime rollup: per
// journey and stage reached, its visits, where they went and the time spent there), and its waits.
import { Prisma } from '../../prisma/generated/client';
import type { JourneyKind } from '../../workflows/kinds';
import type { Period, Segment } from './params';
import { segmented } from './segment';

/** Holds for the rows `alias` (a table with the column `kindColumn` and "journeyStartedAt") of the cohort before its segment. */
export const ofCohort = (alias: string, kindColumn: 'kind' | 'journeyKind', kind: JourneyKind, period: Period) => {
  const [k, s] = [Prisma.raw(`${alias}."${kindColumn}"`), Prisma.raw(`${alias}."journeyStartedAt"`)];
  return Prisma.sql`${k} = ${kind} AND ${s} >= ${period.from} AND ${s} < ${period.to}`;
};

/** Rows of `table` (as `alias`) of the cohort: all of its kind and start unless a segment leaves some of them out. */
const rowsOf = (table: string, alias: string, kindColumn: 'kind' | 'journeyKind', kind: JourneyKind, period: Period, segment: Segment) =>
  segmented(segment)
    ? Prisma.sql`c JOIN ${Prisma.raw(`"${table}" ${alias}`)} ON ${Prisma.raw(`${alias}."journeyId"`)} = c.id AND ${ofCohort(alias, kindColumn, kind, period)}`
    : Prisma.sql`${Prisma.raw(`"${table}" ${alias}`)} WHERE ${ofCohort(alias, kindColumn, kind, period)}`;

/** The cohort's stage times `t`: "journeyId", stage, "firstEnteredAt", visits, "visitsLeft", "nextVisits", seconds (null: no visit left). */
export const stageTimes = (kind: JourneyKind, period: Period, segment: Segment) => Prisma.sql`
  SELECT t."journeyId", t.stage, t."firstEnteredAt", t.visits, t."visitsLeft", t."nextVisits", t.seconds
  FROM ${rowsOf('StageTime', 't', 'kind', kind, period, segment)}`;

export const waits = (kind: JourneyKind, period: Period, segment: Segment) => Prisma.sql`
  SELECT w.kind, w.role, w.since, w."endedAt" FROM ${rowsOf('JourneyWait', 'w', 'journeyKind', kind, period, segment)}`;
