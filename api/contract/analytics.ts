// What the analytics routes answer (api/analytics/): pure zod, for the OpenAPI document and the
// admin UI's types. Rates and shares are fractions (0-1), null where nothing was counted.
import { z } from 'zod';

const rate = z.number().min(0).max(1).nullable();
const hours = z.number().nonnegative();
const period = { from: z.iso.datetime(), to: z.iso.datetime() };

export const funnelReport = z.looseObject({
  kind: z.string(),
  ...period,
  totals: z.object({ started: z.int(), running: z.int(), completed: z.int(), lost: z.int(), cancelled: z.int(), failed: z.int() }),
  stages: z.array(
    z.looseObject({
      stage: z.string(),
      label: z.string(),
      owner: z.string(),
      reached: z.int(),
      /** The next stage in map order, or COMPLETED after the last. */
      next: z.string(),
      convertedToNext: z.int(),
      conversion: rate,
      inStageNow: z.int(),
      droppedOff: z.int(),
      dropOffReasons: z.array(z.object({ status: z.string(), reason: z.string(), journeys: z.int() })),
    }),
  ),
  targets: z.array(
    z.looseObject({
      label: z.string(),
      from: z.string(),
      to: z.string(),
      low: z.number(),
      high: z.number(),
      reached: z.int(),
      converted: z.int(),
      rate,
      verdict: z.enum(['below', 'in', 'above']).nullable(),
    }),
  ),
});

const spread = { journeys: z.int(), p50Hours: hours, p90Hours: hours };
const waited = { waits: z.int(), open: z.int(), p50Hours: hours.nullable(), p90Hours: hours.nullable(), totalHours: hours };

export const cycleTimesReport = z.looseObject({
  kind: z.string(),
  ...period,
  stages: z.array(z.looseObject({ stage: z.string(), ...spread })),
  byMonth: z.array(z.looseObject({ month: z.string().regex(/^\d{4}-\d{2}$/), stage: z.string(), ...spread })),
  byWaitKind: z.array(z.looseObject({ waitKind: z.string(), ...waited })),
  byRole: z.array(z.looseObject({ role: z.string(), ...waited })),
});

const figures = { waits: z.int(), hours, overdue: z.int() };
const ranked = { ...figures, previous: z.object(figures), change: z.object({ hours: z.number(), overdue: z.int() }) };

export const bottlenecksReport = z.looseObject({
  kind: z.string().nullable(),
  ...period,
  previousFrom: z.iso.datetime(),
  stages: z.array(z.looseObject({ kind: z.string(), stage: z.string().nullable(), label: z.string(), ...ranked })),
  roles: z.array(z.looseObject({ role: z.string(), ...ranked })),
});

const minutes = z.number().nonnegative().nullable();
const supportFigures = {
  tickets: z.int(),
  closed: z.int(),
  firstResponse: z.object({ p50Minutes: minutes, p90Minutes: minutes, withinTarget: rate }),
  resolution: z.object({ p50Minutes: minutes, p90Minutes: minutes, withinTarget: rate }),
  slaAttainment: rate,
  csat: z.object({ ratings: z.int(), average: z.number().min(1).max(5).nullable(), satisfied: rate }),
};

export const supportReport = z.looseObject({
  ...period,
  overall: z.looseObject(supportFigures),
  byPriority: z.array(z.looseObject({ priority: z.string(), firstResponseTargetMinutes: z.int(), resolutionTargetMinutes: z.int(), ...supportFigures })),
  deflection: z.object({ deflected: z.int(), ticketsRaised: z.int(), rate }),
});

export const journeyMapReport = z.looseObject({
  kind: z.string(),
  ...period,
  stages: z.array(
    z.looseObject({
      stage: z.string(),
      label: z.string(),
      owner: z.string(),
      next: z.array(z.string()),
      inStageNow: z.int(),
      overdueNow: z.int(),
      visits: z.int(),
      /** The median time a journey of the period spent in the stage, its visits summed. */
      medianHours: hours.nullable(),
    }),
  ),
  /** Where visits that left `from` went: `share` of them went to `to`. */
  edges: z.array(z.looseObject({ from: z.string(), to: z.string(), visits: z.int(), share: rate })),
});

export type FunnelReport = z.infer<typeof funnelReport>;
export type CycleTimesReport = z.infer<typeof cycleTimesReport>;
export type BottlenecksReport = z.infer<typeof bottlenecksReport>;
export type SupportReport = z.infer<typeof supportReport>;
export type JourneyMapReport = z.infer<typeof journeyMapReport>;

const targetStep = z.looseObject({
  key: z.string(),
  label: z.string(),
  low: z.number(),
  high: z.number(),
  /** The clients the rate is over, and those that met it. */
  counted: z.int(),
  met: z.int(),
  rate,
  verdict: z.enum(['below', 'in', 'above']).nullable(),
});

export const retentionReport = z.looseObject({
  ...period,
  clients: z.int(),
  targets: z.array(targetStep),
  /** Per currency, in its minor units: invoices paid less refunds, per client of the cohort with invoices. */
  lifetimeValue: z.array(z.looseObject({ currency: z.string(), customers: z.int(), averageMinor: z.int(), medianMinor: z.int(), totalMinor: z.int() })),
  nps: z.looseObject({ answers: z.int(), promoters: z.int(), passives: z.int(), detractors: z.int(), score: z.int().min(-100).max(100).nullable() }),
  health: z.looseObject({
    accounts: z.int(),
    atRisk: z.int(),
    unscored: z.int(),
    bands: z.array(z.object({ from: z.int(), to: z.int(), accounts: z.int() })),
  }),
});

export type RetentionReport = z.infer<typeof retentionReport>;
