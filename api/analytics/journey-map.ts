// The live journey map of one kind: its declared stages in map order with how many running
// journeys are in each now and how many of those are past a deadline (an open wait overdue),
// and, for the journeys started in the period, the median time of a visit to each stage and
// where journeys went from it: each edge's share of the visits that left the stage (to another
// stage, or by ending there).
import { Prisma } from '../../prisma/generated/client';
import type { Db } from '../../platform/db';
import type { JourneyKind } from '../../workflows/kinds';
import type { Period, Segment } from './params';
import { cohort, inSegment } from './segment';
import { stageLabel, stageMap, stageOrder } from './stage-maps';
import { stageVisits } from './visits';
import { reportQuery } from './report-query';

type NowRow = { stage: string; journeys: number; overdue: number };
type VisitRow = { stage: string; next: string | null; whole: boolean; visits: number; left: number; median: number | null };

const hours = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 36) / 100);

export async function journeyMap(db: Db, kind: JourneyKind, period: Period, segment: Segment) {
  const [nowRows, visitRows] = await Promise.all([
    db.$queryRaw<NowRow[]>`
      SELECT j.stage, count(*)::int AS journeys,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "JourneyWait" w WHERE w."journeyId" = j.id AND w."endedAt" IS NULL AND w.deadline < now()))::int AS overdue
      FROM "Journey" j
      WHERE j.kind = ${kind} AND j.status = 'RUNNING' AND ${inSegment(Prisma.sql`j."customerId"`, Prisma.sql`j."startedAt"`, segment)}
      GROUP BY j.stage`,
    reportQuery<VisitRow>(db, Prisma.sql`
      WITH c AS (${cohort(kind, period.from, period.to, segment)}), v AS (${stageVisits(kind, period)})
      SELECT stage, next_stage AS next, grouping(next_stage) = 1 AS whole, count(*)::int AS visits, count(left_at)::int AS left,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM left_at - at))::float8 AS median
      FROM v GROUP BY GROUPING SETS ((stage, next_stage), (stage))`),
  ]);

  const order = stageOrder(kind);
  const map = stageMap(kind);
  const whole = (stage: string) => visitRows.find((r) => r.whole && r.stage === stage);
  return {
    kind,
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    stages: order.map((stage) => {
      const now = nowRows.find((r) => r.stage === stage);
      const visited = whole(stage);
      return {
        stage,
        label: stageLabel(kind, stage),
        owner: map.stages[stage]!.owner,
        next: [...map.stages[stage]!.next],
        inStageNow: now?.journeys ?? 0,
        overdueNow: now?.overdue ?? 0,
        visits: visited?.visits ?? 0,
        medianHours: hours(visited?.median ?? null),
      };
    }),
    edges: visitRows
      .filter((r): r is VisitRow & { next: string } => !r.whole && r.next !== null)
      .sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage) || order.indexOf(a.next) - order.indexOf(b.next))
      .map((r) => ({ from: r.stage, to: r.next, visits: r.visits, share: r.visits / whole(r.stage)!.left })),
  };
}

export type JourneyMapReport = Awaited<ReturnType<typeof journeyMap>>;
