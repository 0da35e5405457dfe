// Which activity failures are worth retrying. Temporal retries every failed activity, which is right
// for an outage (PostgreSQL restarting, a provider down) and wrong for a database error no retry can
// fix: a value PostgreSQL refuses, a query our code built wrongly, a row that must exist and, after
// a few tries, still does not. Those fail the activity for good, so the journey fails visibly
// (JourneyRuntime.run records it FAILED and alerts managers) instead of retrying every minute in
// silence. Every failed attempt is logged with the activity, its journey and the attempt, and
// counted (`pivotal_activity_failures_total`, by activity type, failure kind and whether it
// was final) through the Temporal runtime's metric meter: the worker's Prometheus endpoint serves it
// beside the SDK's own metrics (platform/temporal-runtime.ts, WORKER_METRICS_PORT).
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityExecuteInput, ActivityInterceptorsFactory, Next, ActivityInboundCallsInterceptor } from '@temporalio/worker';
import { Prisma } from '../prisma/generated/client';

export const FailureKinds = {
  /** The data cannot be stored as it is: retrying sends the same data. */
  unstorable: 'UnstorableData',
  /** A record the activity needs is missing, or a key it writes is taken, beyond a passing race. */
  inconsistent: 'InconsistentRecords',
} as const;

/** Attempts given to "missing row" errors, which a write still in flight elsewhere can cause briefly. */
export const INCONSISTENT_ATTEMPTS = 5;

/** Prisma's codes for values and queries PostgreSQL refuses whatever the moment. */
const UNSTORABLE_CODES = new Set(['P2000', 'P2005', 'P2006', 'P2007', 'P2011', 'P2012', 'P2019', 'P2020', 'P2023']);
/** Record-not-found, foreign key and unique-key errors: a race for a moment, a bug if they persist. */
const INCONSISTENT_CODES = new Set(['P2002', 'P2003', 'P2018', 'P2025']);
/** The driver adapter's kinds for the same two families. */
const UNSTORABLE_KINDS = new Set(['LengthMismatch', 'ValueOutOfRange', 'InvalidInputValue', 'NullConstraintViolation']);
const INCONSISTENT_KINDS = new Set(['UniqueConstraintViolation', 'ForeignKeyConstraintViolation', 'RestrictViolation']);

type AdapterCause = { kind?: string; originalCode?: string; code?: string; originalMessage?: string; message?: string };

/** The SQLSTATE and message PostgreSQL answered with, however Prisma wrapped them. */
function postgresCause(err: unknown): AdapterCause | undefined {
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    return (err.meta?.driverAdapterError as { cause?: AdapterCause } | undefined)?.cause;
  }
  if (err instanceof Error && err.name === 'DriverAdapterError') return (err as Error & { cause?: AdapterCause }).cause;
  return undefined;
}

/** The failure kind and a short reason (never the query or its values), or undefined if retrying may help. */
export function classifyDatabaseError(err: unknown): { kind: string; reason: string } | undefined {
  if (err instanceof Prisma.PrismaClientValidationError) return { kind: FailureKinds.unstorable, reason: 'the query was invalid (a value of the wrong type or range)' };
  // A string Prisma cannot even serialise (an unpaired surrogate) fails before reaching PostgreSQL.
  if (err instanceof Prisma.PrismaClientUnknownRequestError && /JSON Error|unpaired surrogate/i.test(err.message)) {
    return { kind: FailureKinds.unstorable, reason: 'text that cannot be stored (an unpaired surrogate)' };
  }
  const pg = postgresCause(err);
  if (pg) {
    const sqlState = pg.originalCode ?? pg.code ?? '';
    const reason = `PostgreSQL refused the data (${sqlState || pg.kind}): ${pg.originalMessage ?? pg.message ?? ''}`.slice(0, 300);
    // Class 22 is "data exception" (bad encoding, out of range…), 23 "integrity constraint violation".
    if (UNSTORABLE_KINDS.has(pg.kind ?? '') || sqlState.startsWith('22') || sqlState === '23502' || sqlState === '23514') {
      return { kind: FailureKinds.unstorable, reason };
    }
    if (INCONSISTENT_KINDS.has(pg.kind ?? '') || sqlState.startsWith('23')) return { kind: FailureKinds.inconsistent, reason };
  }
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    const reason = `database error ${err.code}${err.meta?.modelName ? ` on ${String(err.meta.modelName)}` : ''}`;
    if (UNSTORABLE_CODES.has(err.code)) return { kind: FailureKinds.unstorable, reason };
    if (INCONSISTENT_CODES.has(err.code)) return { kind: FailureKinds.inconsistent, reason: err.code === 'P2025' ? `a required ${String(err.meta?.modelName ?? 'record')} was not found` : reason };
  }
  return undefined;
}

/** No-op unless the runtime exports metrics. Created per activity: the meter carries its tags. */
const failureCounter = (ctx: Parameters<ActivityInterceptorsFactory>[0]) =>
  ctx.metricMeter.createCounter('pivotal_activity_failures', '1', 'Failed activity attempts, by activity type, failure kind and whether the failure was final');

export const activityFailures: ActivityInterceptorsFactory = (ctx) => {
  const inbound: ActivityInboundCallsInterceptor = {
    async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>) {
      try {
        return await next(input);
      } catch (err) {
        const { activityType, attempt, workflowExecution } = ctx.info;
        const failure = classifyDatabaseError(err);
        const final = failure && (failure.kind === FailureKinds.unstorable || attempt >= INCONSISTENT_ATTEMPTS);
        ctx.log[final ? 'error' : 'warn'](final ? 'activity failed for good' : 'activity failed; Temporal will retry it', {
          activityType,
          attempt,
          journeyId: workflowExecution?.workflowId,
          error: failure?.reason ?? (err instanceof Error ? err.message.slice(0, 500) : String(err)),
        });
        failureCounter(ctx).add(1, { failure_kind: failure?.kind ?? 'Retryable', final: String(Boolean(final)) });
        if (!final) throw err;
        throw ApplicationFailure.create({ type: failure.kind, message: failure.reason, nonRetryable: true });
      }
    },
  };
  return { inbound };
};
