// The query every analytics route takes: a period (journeys started in [from, to), or for
// bottlenecks the waits begun in it), a journey kind where the figure is per kind, and a segment
// (the lead behind the journey: its project type, budget range, source, salesperson). Every value is
// checked here, so a bad one is a 400 naming its field, never a query PostgreSQL refuses.
import { z } from 'zod';
import { JOURNEY_KINDS } from '../../workflows/kinds';
import { text } from '../../workflows/runtime/storable-text';

const DAY_MS = 86_400_000;
/** Ten years: far more than any report, and a bound on what one query scans. */
const MAX_PERIOD_DAYS = 3_660;
/** Dates PostgreSQL and JavaScript agree on, without centuries nobody reports on. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

const instant = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .transform((s) => new Date(s))
  .refine((d) => d.getTime() >= EARLIEST && d.getTime() < LATEST, 'Must be between 2000-01-01 and 2100-01-01')
  .meta({ description: 'An ISO date (`2026-01-01`, midnight UTC) or date-time with its offset.' });

/**
 * `new`: a first inquiry (the customer was not yet a client when it came); `returning`: a client's;
 * `referral`: one sent with a client's referral code (new or returning alike).
 */
export const SOURCES = ['new', 'returning', 'referral'] as const;

export const segmentQuery = {
  projectType: text(200).optional(),
  budgetRange: text(200).optional(),
  source: z.enum(SOURCES).optional(),
  /** The user id of the salesperson who holds (or completed) the lead's first sales task. */
  salesperson: z.uuid().optional(),
};

const periodShape = {
  from: instant.optional().meta({ description: 'Start of the period (inclusive); default: 90 days before `to`.' }),
  to: instant.optional().meta({ description: 'End of the period (exclusive); default: now.' }),
  ...segmentQuery,
  format: z.enum(['json', 'csv']).optional().meta({ description: '`csv`: each table as CSV (also with `Accept: text/csv`).' }),
};

export const periodQuery = z.object(periodShape).strict();
export const kindPeriodQuery = z
  .object({ ...periodShape, kind: z.enum(JOURNEY_KINDS).optional().meta({ description: 'A declared journey kind; without it the funnel, cycle times and map are of `acquisition`, the bottlenecks of every kind.' }) })
  .strict();

export type Segment = { projectType?: string; budgetRange?: string; source?: (typeof SOURCES)[number]; salesperson?: string };
export type Period = { from: Date; to: Date };

/** The period with its defaults, refused when inverted or longer than anyone reports on. */
export function resolvePeriod(q: { from?: Date; to?: Date }, now: Date): Period | { field: 'from' | 'to'; message: string } {
  const to = q.to ?? now;
  const from = q.from ?? new Date(to.getTime() - 90 * DAY_MS);
  if (from >= to) return { field: q.from ? 'from' : 'to', message: '`from` must be before `to`' };
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) return { field: 'from', message: `At most ${MAX_PERIOD_DAYS} days` };
  return { from, to };
}

/** The period of equal length just before this one, which bottlenecks compare against. */
export const previousPeriod = ({ from, to }: Period): Period => ({ from: new Date(2 * from.getTime() - to.getTime()), to: from });
