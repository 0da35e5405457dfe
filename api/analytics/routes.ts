// GET /api/analytics/{funnel,cycle-times,bottlenecks,support,retention,journey-map}: managers' figures, computed in SQL
// from what journeys recorded. Each report declares its query, its answer and its tables once: the
// router, the OpenAPI document and the CSV export (`?format=csv&table=…`, or `Accept: text/csv`)
// are all made from that declaration.
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { JourneyKind } from '../../workflows/kinds';
import { requireRole } from '../auth/authenticate';
import type { ApiDeps } from '../app';
import { bottlenecksReport, cycleTimesReport, funnelReport, journeyMapReport, retentionReport, supportReport } from '../contract/analytics';
import { AppError, parseOrThrow } from '../errors';
import { operations } from '../openapi/operation';
import { bottlenecks } from './bottlenecks';
import { toCsv } from '../csv';
import { cycleTimes } from './cycle-times';
import { funnel } from './funnel';
import { journeyMap } from './journey-map';
import { kindPeriodQuery, periodQuery, resolvePeriod, type Period, type Segment } from './params';
import { retentionFigures } from './retention';
import { supportFigures } from './support';

type Query = Segment & { kind?: JourneyKind };
type Report<R> = {
  name: string;
  summary: string;
  query: typeof periodQuery | typeof kindPeriodQuery;
  answer: z.ZodType;
  compute: (deps: ApiDeps, q: Query, period: Period) => Promise<R>;
  /** The tables `format=csv` can give, the first by default. */
  tables: Record<string, (r: R) => object[]>;
};
const report = <R>(r: Report<R>) => r as Report<unknown>;

const reports = [
  report({
    name: 'funnel',
    summary: "A kind's funnel: journeys reaching each stage, conversion to the next, seed 000's targets, drop-off reasons",
    query: kindPeriodQuery,
    answer: funnelReport,
    compute: ({ db }, q, period) => funnel(db, q.kind ?? 'acquisition', period, q),
    tables: {
      stages: (r) => r.stages,
      targets: (r) => r.targets,
      'drop-offs': (r) => r.stages.flatMap((s) => s.dropOffReasons.map((d) => ({ stage: s.stage, ...d }))),
    },
  }),
  report({
    name: 'cycle-times',
    summary: "A kind's time per stage and end to end (p50, p90, by month), and its waiting per wait kind and role",
    query: kindPeriodQuery,
    answer: cycleTimesReport,
    compute: ({ db }, q, period) => cycleTimes(db, q.kind ?? 'acquisition', period, q),
    tables: { stages: (r) => r.stages, 'by-month': (r) => r.byMonth, 'wait-kinds': (r) => r.byWaitKind, roles: (r) => r.byRole },
  }),
  report({
    name: 'bottlenecks',
    summary: 'Stages and roles ranked by hours waited and overdue waits, against the previous period of equal length',
    query: kindPeriodQuery,
    answer: bottlenecksReport,
    compute: ({ db }, q, period) => bottlenecks(db, q.kind, period, q),
    tables: { stages: (r) => r.stages, roles: (r) => r.roles },
  }),
  report({
    name: 'support',
    summary: 'Support: first response and resolution in business minutes, SLA attainment, CSAT, deflection',
    query: periodQuery,
    answer: supportReport,
    compute: ({ db, config }, q, period) => supportFigures(db, config.support.policy, period, q),
    tables: { priorities: (r) => [{ priority: 'all', ...r.overall }, ...r.byPriority], deflection: (r) => [r.deflection] },
  }),
  report({
    name: 'retention',
    summary: "Retention of the period's new clients against seed 000's bands (payment → retention, repeat business, long-term), lifetime value, NPS, the health of open accounts",
    query: periodQuery,
    answer: retentionReport,
    compute: ({ db }, q, period) => retentionFigures(db, period, q, new Date()),
    tables: {
      targets: (r) => r.targets,
      'lifetime-value': (r) => r.lifetimeValue,
      nps: (r) => [r.nps],
      health: (r) => r.health.bands,
    },
  }),
  report({
    name: 'journey-map',
    summary: "A kind's live map: running journeys in each stage now and those overdue, median time per visit, each edge's share",
    query: kindPeriodQuery,
    answer: journeyMapReport,
    compute: ({ db }, q, period) => journeyMap(db, q.kind ?? 'acquisition', period, q),
    tables: { stages: (r) => r.stages.map(({ next, ...s }) => ({ ...s, next: next.join(' ') })), edges: (r) => r.edges },
  }),
];

const MANAGERS = ['manager'] as const;
const queryOf = (r: Report<unknown>) => r.query.extend({ table: z.enum(Object.keys(r.tables) as [string, ...string[]]).optional().meta({ description: 'The table `format=csv` gives.' }) });

export const analyticsOperations = operations(
  ...reports.map((r) => ({
    method: 'get' as const,
    path: `/api/analytics/${r.name}`,
    summary: r.summary,
    access: MANAGERS,
    query: queryOf(r),
    responses: { 200: r.answer },
    binary: 'text/csv',
  })),
);

const wantsCsv = (req: Request, format?: string) => format === 'csv' || (format === undefined && req.accepts(['application/json', 'text/csv']) === 'text/csv');

export function analyticsRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.use('/analytics', requireRole(...MANAGERS));
  for (const r of reports) {
    const schema = queryOf(r);
    router.get(`/analytics/${r.name}`, async (req, res) => {
      const q = parseOrThrow(schema, req.query, ['query']);
      const period = resolvePeriod(q, new Date());
      if ('field' in period) throw new AppError('validation_failed', 'The request is invalid', { fields: [{ field: `query.${period.field}`, message: period.message }] });
      const answer = await r.compute(deps, q, period);
      if (!wantsCsv(req, q.format)) return void res.json(answer);
      const table = q.table ?? Object.keys(r.tables)[0]!;
      res
        .type('text/csv; charset=utf-8')
        .attachment(`${r.name}-${table}-${period.from.toISOString().slice(0, 10)}-${period.to.toISOString().slice(0, 10)}.csv`)
        .send(toCsv(r.tables[table]!(answer)));
    });
  }
  return router;
}
