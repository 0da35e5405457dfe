// Where journeys wait longest: the waits (human tasks, signatures, payments, customer answers,
// timers) that began in the period, by the stage their journey was in when each began and by the
// role it waited on, ranked by hours waited (counted up to the wait's end or the period's end,
// whichever is first) with how many ran past their deadline; beside each, the same figures for the
// previous period of equal length, and the change.
import { Prisma } from '../../prisma/generated/client';
import type { Db } from '../../platform/db';
import type { JourneyKind } from '../../workflows/kinds';
import { previousPeriod, type Period, type Segment } from './params';
import { inSegment, segmented } from './segment';
import { stageLabel } from './stage-maps';
import { waitRole } from './wait-role';
import { reportQuery } from './report-query';

type Row = { kind: string | null; stage: string | null; role: string | null; period: 'current' | 'previous'; waits: number; seconds: number; overdue: number };
type Figures = { waits: number; hours: number; overdue: number };

const hours = (seconds: number) => Math.round(seconds / 36) / 100;
const none: Figures = { waits: 0, hours: 0, overdue: 0 };
const DAY_MS = 86_400_000;

/** Each wait's figures (`kind`, `stage`, `role`, `period`, `waits`, `seconds`, `overdue`) summed by stage and by role; `ctes` go before. */
const summed = (parts: Prisma.Sql, ctes = Prisma.empty) => Prisma.sql`
  WITH ${ctes} w AS (${parts})
  SELECT CASE WHEN grouping(kind, stage) = 0 THEN kind END AS kind, CASE WHEN grouping(kind, stage) = 0 THEN nullif(stage, '') END AS stage,
         CASE WHEN grouping(role) = 0 THEN role END AS role, period,
         sum(waits)::int AS waits, sum(seconds)::float8 AS seconds, sum(overdue)::int AS overdue
  FROM w GROUP BY GROUPING SETS ((kind, stage, period), (role, period))`;

/** One wait begun in a period, counted up to `until`: itself, its seconds, whether it ran past its deadline by then. */
const counted = (until: Prisma.Sql) => Prisma.sql`1 AS waits, extract(epoch FROM ${until} - w.since)::float8 AS seconds, coalesce((w.deadline < ${until})::int, 0) AS overdue`;

/** A segment's waits, from the waits themselves (a segment is a property of each journey's lead). */
function fromWaits(kind: JourneyKind | undefined, current: Period, previous: Period, segment: Segment) {
  const until = Prisma.sql`least(coalesce(w."endedAt", 'infinity'), CASE WHEN w.since >= ${current.from} THEN ${current.to}::timestamp ELSE ${previous.to}::timestamp END)`;
  return summed(Prisma.sql`
    SELECT j.kind, coalesce(w.stage, '') AS stage, ${waitRole} AS role,
           CASE WHEN w.since >= ${current.from} THEN 'current' ELSE 'previous' END AS period, ${counted(until)}
    FROM "JourneyWait" w JOIN "Journey" j ON j.id = w."journeyId"
    WHERE w.since >= ${previous.from} AND w.since < ${current.to}
      ${kind ? Prisma.sql`AND j.kind = ${kind}` : Prisma.empty}
      AND ${inSegment(Prisma.sql`j."customerId"`, Prisma.sql`j."startedAt"`, segment)}`);
}

/** [since, endedAt) of a wait `w`, as the span index has it. */
const span = Prisma.sql`tsrange(w.since, CASE WHEN w."endedAt" IS NOT NULL THEN greatest(w."endedAt", w.since) END)`;

/**
 * Every wait, from the WaitDay rollup for the whole UTC days of each period (the waits ended, at
 * full length), corrected from the waits themselves: those still open at the period's end (index:
 * its span contains the instant), counted up to it, less their full length where the days counted
 * them; and those begun in the part days at either end, ended by then. The same figures as
 * `fromWaits`, from a few thousand rows where that reads every wait of both periods.
 */
function fromRollup(kind: JourneyKind | undefined, periods: Record<'current' | 'previous', Period>) {
  const values = Object.entries(periods).map(([name, { from, to }]) => {
    let [wholeFrom, wholeTo] = [Math.ceil(from.getTime() / DAY_MS) * DAY_MS, Math.floor(to.getTime() / DAY_MS) * DAY_MS];
    if (wholeFrom >= wholeTo) wholeFrom = wholeTo = to.getTime(); // no whole day: all of it is a part day
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    return Prisma.sql`(${name}, ${from}::timestamp, ${to}::timestamp, ${new Date(wholeFrom)}::timestamp, ${new Date(wholeTo)}::timestamp, ${day(wholeFrom)}::date, ${day(wholeTo)}::date)`;
  });
  const ofKind = (column: Prisma.Sql) => (kind ? Prisma.sql`AND ${column} = ${kind}` : Prisma.empty);
  const wait = Prisma.sql`coalesce(w."journeyKind", '') AS kind, coalesce(w.stage, '') AS stage, ${waitRole} AS role, p.name AS period`;
  const partDay = (from: Prisma.Sql, to: Prisma.Sql) => Prisma.sql`
      SELECT ${wait}, ${counted(Prisma.sql`w."endedAt"`)}
      FROM p JOIN "JourneyWait" w ON w.since >= ${from} AND w.since < ${to} AND w."endedAt" <= p.t ${ofKind(Prisma.sql`w."journeyKind"`)}`;
  // Of a wait open at the period's end, what the days counted (its full length, if it has ended since).
  const inDays = Prisma.sql`(w."endedAt" IS NOT NULL AND w.since >= p.whole_from AND w.since < p.whole_to)`;
  const less = (figure: Prisma.Sql) => Prisma.sql`CASE WHEN ${inDays} THEN ${figure} ELSE 0 END`;
  return summed(
    Prisma.sql`
      SELECT d."journeyKind" AS kind, d.stage, d.role, p.name AS period, d.waits, d.seconds, d.overdue
      FROM p JOIN "WaitDay" d ON d.day >= p.first_day AND d.day < p.end_day ${ofKind(Prisma.sql`d."journeyKind"`)}
      UNION ALL
      SELECT ${wait}, 1 - ${less(Prisma.sql`1`)},
             extract(epoch FROM p.t - w.since)::float8 - ${less(Prisma.sql`extract(epoch FROM w."endedAt" - w.since)::float8`)},
             coalesce((w.deadline < p.t)::int, 0) - ${less(Prisma.sql`coalesce((w.deadline < w."endedAt")::int, 0)`)}
      FROM p JOIN "JourneyWait" w ON ${span} @> p.t AND w.since >= p.f AND w.since < p.t ${ofKind(Prisma.sql`w."journeyKind"`)}
      UNION ALL ${partDay(Prisma.sql`p.f`, Prisma.sql`p.whole_from`)}
      UNION ALL ${partDay(Prisma.sql`p.whole_to`, Prisma.sql`p.t`)}`,
    Prisma.sql`p (name, f, t, whole_from, whole_to, first_day, end_day) AS (VALUES ${Prisma.join(values)}),`,
  );
}

export async function bottlenecks(db: Db, kind: JourneyKind | undefined, period: Period, segment: Segment, opts: { rollup?: boolean } = {}) {
  const previous = previousPeriod(period);
  const rollup = opts.rollup ?? !segmented(segment);
  const rows = await reportQuery<Row>(db, rollup ? fromRollup(kind, { current: period, previous }) : fromWaits(kind, period, previous, segment));

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
