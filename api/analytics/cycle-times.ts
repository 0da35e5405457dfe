// How long journeys of one kind take, for the journeys started in the period (and segment): each
// stage (its stage times: from entering it to the next stage or the end, summed over a journey's
// visits; visits still open are left out), end to end (completed journeys, start to end), both by month too; and
// where they waited (the waiting-on index): per wait kind and per role.
import { Prisma } from '../../prisma/generated/client';
import type { Db } from '../../platform/db';
import type { JourneyKind } from '../../workflows/kinds';
import type { Period, Segment } from './params';
import { cohort } from './segment';
import { stageOrder } from './stage-maps';
import { stageTimes, waits as cohortWaits } from './cohort-rows';
import { waitRole } from './wait-role';
import { reportQuery } from './report-query';

/** The end-to-end row among the stages'. */
export const END_TO_END = 'end-to-end';

/** `p`: the p50 and p90 (null where nothing was timed). */
type SpanRow = { stage: string; month: Date | null; journeys: number; p: [number, number] };
type WaitRow = { kind: string | null; role: string | null; waits: number; open: number; p: [number | null, number | null]; total: number };

const hours = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 36) / 100);
// Both from one sort of each group's values.
const PERCENTILES = Prisma.sql`percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY seconds) AS p`;

export async function cycleTimes(db: Db, kind: JourneyKind, period: Period, segment: Segment) {
  const journeys = cohort(kind, period.from, period.to, segment);
  const [spanRows, waitRows] = await Promise.all([
    reportQuery<SpanRow>(db, Prisma.sql`
      WITH c AS (${journeys}),
      t AS (${stageTimes(kind, period, segment)}),
      spans AS (
        SELECT t.stage, date_trunc('month', t."firstEnteredAt") AS month, t.seconds FROM t WHERE t.seconds IS NOT NULL
        UNION ALL
        SELECT ${END_TO_END}, date_trunc('month', c."startedAt"), extract(epoch FROM c."endedAt" - c."startedAt")::float8
        FROM c WHERE c.status = 'COMPLETED')
      SELECT stage, CASE WHEN grouping(month) = 0 THEN month END AS month, count(*)::int AS journeys, ${PERCENTILES}
      FROM spans GROUP BY GROUPING SETS ((stage), (stage, month))`),
    reportQuery<WaitRow>(db, Prisma.sql`
      WITH c AS (${journeys}),
      w AS (
        SELECT w.kind::text AS kind, ${waitRole} AS role, w."endedAt" IS NULL AS open,
               extract(epoch FROM w."endedAt" - w.since)::float8 AS seconds
        FROM (${cohortWaits(kind, period, segment)}) w)
      SELECT CASE WHEN grouping(kind) = 0 THEN kind END AS kind, CASE WHEN grouping(role) = 0 THEN role END AS role,
             count(*)::int AS waits, count(*) FILTER (WHERE open)::int AS open, ${PERCENTILES},
             coalesce(sum(seconds), 0)::float8 AS total
      FROM w GROUP BY GROUPING SETS ((kind), (role))`),
  ]);

  const order = [...stageOrder(kind), END_TO_END];
  const figures = (r: SpanRow) => ({ journeys: r.journeys, p50Hours: hours(r.p[0])!, p90Hours: hours(r.p[1])! });
  const waits = (r: WaitRow) => ({ waits: r.waits, open: r.open, p50Hours: hours(r.p?.[0] ?? null), p90Hours: hours(r.p?.[1] ?? null), totalHours: hours(r.total)! });
  return {
    kind,
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    stages: spanRows
      .filter((r) => r.month === null)
      .sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage))
      .map((r) => ({ stage: r.stage, ...figures(r) })),
    byMonth: spanRows
      .filter((r): r is SpanRow & { month: Date } => r.month !== null)
      .sort((a, b) => a.month.getTime() - b.month.getTime() || order.indexOf(a.stage) - order.indexOf(b.stage))
      .map((r) => ({ month: r.month.toISOString().slice(0, 7), stage: r.stage, ...figures(r) })),
    byWaitKind: waitRows.filter((r) => r.kind !== null).sort((a, b) => b.total - a.total).map((r) => ({ waitKind: r.kind!, ...waits(r) })),
    byRole: waitRows.filter((r) => r.role !== null).sort((a, b) => b.total - a.total).map((r) => ({ role: r.role!, ...waits(r) })),
  };
}

export type CycleTimes = Awaited<ReturnType<typeof cycleTimes>>;
