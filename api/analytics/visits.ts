// Stage visits (the StageVisit rollup recordStage keeps) of a cohort's journeys (the query's CTE
// `c`, of `kind` started in `period`): when each left the stage (the next stage's entry, or the
// journey's end; null while it is still there) and where it went (null: it ended there, or has
// not left). The kind and start are repeated on the visits so the planner can read the cohort's
// visits as one index range.
import { Prisma } from '../../prisma/generated/client';
import type { JourneyKind } from '../../workflows/kinds';
import type { Period } from './params';

/** Holds for the visits `v` of journeys of `kind` started in `period` (the cohort before its segment). */
export const visitOfCohort = (kind: JourneyKind, period: Period) =>
  Prisma.sql`v.kind = ${kind} AND v."journeyStartedAt" >= ${period.from} AND v."journeyStartedAt" < ${period.to}`;

export const stageVisits = (kind: JourneyKind, period: Period) => Prisma.sql`
  SELECT v."journeyId", v.stage, v."enteredAt" AS at, coalesce(v."leftAt", c."endedAt") AS left_at, v."nextStage" AS next_stage
  FROM c JOIN "StageVisit" v ON v."journeyId" = c.id AND ${visitOfCohort(kind, period)}`;
