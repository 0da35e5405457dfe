// The live journey map of one kind: its declared stages in map order with how many running
// journeys are in each now and how many of those are past a deadline (an open wait overdue),
// and, for the journeys started in the period, how often each stage was visited, the median time
// a journey spent in it (its visits summed: the cycle times' p50 of the stage), and where journeys
// went from it: each edge's share of the visits that left the stage (to another stage, or by
// ending there).
import { Prisma } from '../../prisma/generated/client';
import type { Db } from '../../platform/db';
import type { JourneyKind } from '../../workflows/kinds';
import type { Period, Segment } from './params';
import { cohort, inSegment } from './segment';
import { stageLabel, stageMap, stageOrder } from './stage-maps';
import { stageTimes } from './cohort-rows';
import { reportQuery } from './report-query';

type NowRow = { stage: string; journeys: number; overdue: number };
type StageRow = { stage: string; visits: number; left: number; median: number | null };
type EdgeRow = { stage: string; next: string; visits: number };

const hours = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 36) / 100);

export async function journeyMap(db: Db, kind: JourneyKind, period: Period, segment: Segment) {
  const times = Prisma.sql`c AS (${cohort(kind, period.from, period.to, segment)}), t AS (${stageTimes(kind, period, segment)})`;
  const [nowRows, stageRows, edgeRows] = await Promise.all([
    db.$queryRaw<NowRow[]>`
      WITH overdue AS (SELECT DISTINCT w."journeyId" FROM "JourneyWait" w WHERE w."endedAt" IS NULL AND w.deadline < now())
      SELECT j.stage, count(*)::int AS journeys, count(o."journeyId")::int AS overdue
      FROM "Journey" j LEFT JOIN overdue o ON o."journeyId" = j.id
      WHERE j.kind = ${kind} AND j.status = 'RUNNING' AND ${inSegment(Prisma.sql`j."customerId"`, Prisma.sql`j."startedAt"`, segment)}
      GROUP BY j.stage`,
    reportQuery<StageRow>(db, Prisma.sql`
      WITH ${times}
      SELECT stage, sum(visits)::int AS visits, sum("visitsLeft")::int AS left, percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds)::float8 AS median
      FROM t GROUP BY stage`),
    db.$queryRaw<EdgeRow[]>`
      WITH ${times}
      SELECT t.stage, e.key AS next, sum(e.value::int)::int AS visits FROM t CROSS JOIN jsonb_each_text(t."nextVisits") e GROUP BY 1, 2`,
  ]);

  const order = stageOrder(kind);
  const map = stageMap(kind);
  const of = (stage: string) => stageRows.find((r) => r.stage === stage);
  return {
    kind,
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    stages: order.map((stage) => {
      const now = nowRows.find((r) => r.stage === stage);
      return {
        stage,
        label: stageLabel(kind, stage),
        owner: map.stages[stage]!.owner,
        next: [...map.stages[stage]!.next],
        inStageNow: now?.journeys ?? 0,
        overdueNow: now?.overdue ?? 0,
        visits: of(stage)?.visits ?? 0,
        medianHours: hours(of(stage)?.median ?? null),
      };
    }),
    edges: edgeRows
      .sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage) || order.indexOf(a.next) - order.indexOf(b.next))
      .map((r) => ({ from: r.stage, to: r.next, visits: r.visits, share: r.visits / of(r.stage)!.left })),
  };
}

export type JourneyMapReport = Awaited<ReturnType<typeof journeyMap>>;
