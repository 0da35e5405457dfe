// Support for the tickets raised in the period (and segment), per priority and overall: first
// response and resolution in business minutes (as each ticket's journey stored them when its
// clock stopped) against the SUPPORT_SLA targets, SLA attainment (closed tickets no clock
// breached; spam and duplicates left out), CSAT (1-5 ratings), and deflection (requests a
// suggested article answered, over those plus tickets raised).
import type { Db } from '../../platform/db';
import type { SlaPolicy } from '../../workflows/support/sla';
import type { Period, Segment } from './params';
import { Prisma } from '../../prisma/generated/client';
import { inSegment } from './segment';
import { share } from './targets';

type Row = {
  priority: string | null;
  tickets: number;
  closed: number;
  counted: number;
  unbreached: number;
  firstP50: number | null;
  firstP90: number | null;
  firstMet: number;
  firstTimed: number;
  resolutionP50: number | null;
  resolutionP90: number | null;
  resolutionMet: number;
  resolutionTimed: number;
  rated: number;
  csat: number | null;
  satisfied: number;
};

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export async function supportFigures(db: Db, policy: SlaPolicy, period: Period, segment: Segment) {
  const priorities = Object.keys(policy) as (keyof SlaPolicy)[];
  const firstTargets = priorities.map((p) => policy[p].firstResponse);
  const resolutionTargets = priorities.map((p) => policy[p].resolution);
  const [rows, [deflection]] = await Promise.all([
    db.$queryRaw<Row[]>`
      WITH t AS (
        SELECT t.*, target.first AS first_target, target.resolution AS resolution_target
        FROM "SupportTicket" t
        JOIN unnest(${priorities}::text[], ${firstTargets}::int[], ${resolutionTargets}::int[]) AS target(priority, first, resolution) ON target.priority = t.priority::text
        WHERE t."createdAt" >= ${period.from} AND t."createdAt" < ${period.to}
          AND ${inSegment(Prisma.sql`t."customerId"`, Prisma.sql`t."createdAt"`, segment)})
      SELECT CASE WHEN grouping(priority) = 0 THEN priority::text END AS priority,
             count(*)::int AS tickets,
             count(*) FILTER (WHERE "closedAt" IS NOT NULL)::int AS closed,
             count(*) FILTER (WHERE "closedAt" IS NOT NULL AND "closeReason" NOT IN ('spam', 'duplicate'))::int AS counted,
             count(*) FILTER (WHERE "closedAt" IS NOT NULL AND "closeReason" NOT IN ('spam', 'duplicate') AND breaches = 0)::int AS unbreached,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY "firstResponseMinutes")::float8 AS "firstP50",
             percentile_cont(0.9) WITHIN GROUP (ORDER BY "firstResponseMinutes")::float8 AS "firstP90",
             count(*) FILTER (WHERE "firstResponseMinutes" <= first_target)::int AS "firstMet",
             count("firstResponseMinutes")::int AS "firstTimed",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY "resolutionMinutes")::float8 AS "resolutionP50",
             percentile_cont(0.9) WITHIN GROUP (ORDER BY "resolutionMinutes")::float8 AS "resolutionP90",
             count(*) FILTER (WHERE "resolutionMinutes" <= resolution_target)::int AS "resolutionMet",
             count("resolutionMinutes")::int AS "resolutionTimed",
             count(satisfaction)::int AS rated,
             avg(satisfaction)::float8 AS csat,
             count(*) FILTER (WHERE satisfaction >= 4)::int AS satisfied
      FROM t GROUP BY GROUPING SETS ((priority), ())`,
    db.$queryRaw<{ deflected: number }[]>`
      SELECT count(*)::int AS deflected FROM "SupportDeflection" d
      WHERE d."createdAt" >= ${period.from} AND d."createdAt" < ${period.to}
        AND ${inSegment(Prisma.sql`d."customerId"`, Prisma.sql`d."createdAt"`, segment)}`,
  ]);

  const figures = (r: Row) => ({
    tickets: r.tickets,
    closed: r.closed,
    firstResponse: { p50Minutes: round1(r.firstP50), p90Minutes: round1(r.firstP90), withinTarget: share(r.firstMet, r.firstTimed) },
    resolution: { p50Minutes: round1(r.resolutionP50), p90Minutes: round1(r.resolutionP90), withinTarget: share(r.resolutionMet, r.resolutionTimed) },
    slaAttainment: share(r.unbreached, r.counted),
    csat: { ratings: r.rated, average: r.csat === null ? null : Math.round(r.csat * 100) / 100, satisfied: share(r.satisfied, r.rated) },
  });
  const overall = rows.find((r) => r.priority === null);
  const tickets = overall?.tickets ?? 0;
  const empty: Row = { priority: null, tickets: 0, closed: 0, counted: 0, unbreached: 0, firstP50: null, firstP90: null, firstMet: 0, firstTimed: 0, resolutionP50: null, resolutionP90: null, resolutionMet: 0, resolutionTimed: 0, rated: 0, csat: null, satisfied: 0 };
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    overall: figures(overall ?? empty),
    byPriority: priorities.map((p) => ({
      priority: p,
      firstResponseTargetMinutes: policy[p].firstResponse,
      resolutionTargetMinutes: policy[p].resolution,
      ...figures(rows.find((r) => r.priority === p) ?? { ...empty, priority: p }),
    })),
    deflection: { deflected: deflection!.deflected, ticketsRaised: tickets, rate: share(deflection!.deflected, deflection!.deflected + tickets) },
  };
}

export type SupportFigures = Awaited<ReturnType<typeof supportFigures>>;
