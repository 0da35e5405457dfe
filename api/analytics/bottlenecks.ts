// Where journeys wait longest: the waits (human tasks, signatures, payments, customer answers,
// timers) that began in the period, by the stage their journey was in when each began and by the
// role it waited on, ranked by hours waited (counted up to the wait's end or the period's end,
// whichever is first) with how many ran past their deadline; beside each, the same figures for the
// previous period of equal length, and the change.
import { Prisma } from '../../prisma/generated/client';
import type { Db } from '../../platform/db';
import type { JourneyKind } from '../../workflows/kinds';
import { previousPeriod, type Period, type Segment } from './params';
import { inSegment } from './segment';
import { stageLabel } from './stage-maps';
import { waitRole } from './wait-role';
import { reportQuery } from './report-query';

type Row = { kind: string | null; stage: string | null; role: string | null; period: 'current' | 'previous'; waits: number; seconds: number; overdue: number };
type Figures = { waits: number; hours: number; overdue: number };

const hours = (seconds: number) => Math.round(seconds / 36) / 100;
const none: Figures = { waits: 0, hours: 0, overdue: 0 };

export async function bottlenecks(db: Db, kind: JourneyKind | undefined, period: Period, segment: Segment) {
  const previous = previousPeriod(period);
  const rows = await reportQuery<Row>(db, Prisma.sql`
    WITH w AS (
      SELECT j.kind, ${waitRole} AS role,
             CASE WHEN w.since >= ${period.from} THEN 'current' ELSE 'previous' END AS period,
             least(coalesce(w."endedAt", 'infinity'), CASE WHEN w.since >= ${period.from} THEN ${period.to}::timestamp ELSE ${previous.to}::timestamp END) AS until,
             w.since, w.deadline, w.stage
      FROM "JourneyWait" w JOIN "Journey" j ON j.id = w."journeyId"
      WHERE w.since >= ${previous.from} AND w.since < ${period.to}
        ${kind ? Prisma.sql`AND j.kind = ${kind}` : Prisma.empty}
        AND ${inSegment(Prisma.sql`j."customerId"`, Prisma.sql`j."startedAt"`, segment)})
    SELECT CASE WHEN grouping(kind, stage) = 0 THEN kind END AS kind, CASE WHEN grouping(kind, stage) = 0 THEN stage END AS stage,
           CASE WHEN grouping(role) = 0 THEN role END AS role, period,
           count(*)::int AS waits, sum(extract(epoch FROM until - since))::float8 AS seconds,
           count(*) FILTER (WHERE deadline < until)::int AS overdue
    FROM w GROUP BY GROUPING SETS ((kind, stage, period), (role, period))`);

  const ranking = <K extends string>(keyOf: (r: Row) => K | null) => {
    const groups = new Map<K, { current: Figures; previous: Figures }>();
    for (const r of rows) {
      const key = keyOf(r);
      if (key === null) continue;
      const g = groups.get(key) ?? { current: none, previous: none };
      g[r.period] = { waits: r.waits, hours: hours(r.seconds), overdue: r.overdue };
      groups.set(key, g);
    }
    return [...groups.entries()]
      .map(([key, { current, previous }]) => ({
        key,
        ...current,
        previous,
        change: { hours: Math.round((current.hours - previous.hours) * 100) / 100, overdue: current.overdue - previous.overdue },
      }))
      .sort((a, b) => b.hours - a.hours || b.overdue - a.overdue || a.key.localeCompare(b.key));
  };

  return {
    kind: kind ?? null,
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    previousFrom: previous.from.toISOString(),
    stages: ranking((r) => (r.kind === null ? null : `${r.kind}/${r.stage ?? ''}`)).map(({ key, ...figures }) => {
      const [k, stage] = key.split('/') as [string, string];
      return { kind: k, stage: stage || null, label: stage ? stageLabel(k, stage) : '(before any stage)', ...figures };
    }),
    roles: ranking((r) => r.role).map(({ key, ...figures }) => ({ role: key, ...figures })),
  };
}

export type Bottlenecks = Awaited<ReturnType<typeof bottlenecks>>;
