// Routes the Temporal SDK's logs into pino: journey code's (workflow `log`, an activity's context
// logger) from INFO, the SDK's own (worker lifecycle; its Rust core, such as a workflow task failed
// on non-determinism, which names the run) only from WARN unless LOG_LEVEL asks for more: the SDK
// is chatty at INFO.
import { DefaultLogger, Runtime, type LogEntry, type LogLevel } from '@temporalio/worker';
import type { Logger } from './logger';

const toPino: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/** What our own code logs through the SDK (the SDK never logs under these components itself). */
const JOURNEY_COMPONENTS = new Set(['workflow', 'activity']);

/**
 * Forwards one SDK log entry to pino. Workflow and activity entries carry their workflow id, which
 * is the journey id: it goes on the message as `journey=<id>`, readable in a terminal and easy to
 * grep, and stays a field (`journeyId`) for log tools. The task token is an opaque blob: left out.
 * An error goes under `err`, where pino prints its message and stack.
 */
export function forwardTemporalLog(log: Logger): (entry: LogEntry) => void {
  const sdkDetail = log.levelVal <= 20; // debug or trace
  return (entry) => {
    const { workflowId, sdkComponent, error, ...meta } = entry.meta ?? {};
    delete meta.taskToken;
    const ours = JOURNEY_COMPONENTS.has(sdkComponent);
    if (!ours && !sdkDetail && (entry.level === 'INFO' || entry.level === 'DEBUG' || entry.level === 'TRACE')) return;
    const journeyId = typeof workflowId === 'string' ? workflowId : undefined;
    log[toPino[entry.level]](
      { ...meta, sdkComponent, ...(error !== undefined && { [isErrorLike(error) ? 'err' : 'error']: error }), ...(journeyId && { journeyId }) },
      journeyId ? `${entry.message} journey=${journeyId}` : entry.message,
    );
  };
}

/** The least severe level pino would print (its levels are 10 trace … 50 error), so nothing is built only to be dropped. */
const sdkLevel = (levelVal: number): LogLevel => (levelVal <= 10 ? 'TRACE' : levelVal <= 20 ? 'DEBUG' : levelVal <= 30 ? 'INFO' : levelVal <= 40 ? 'WARN' : 'ERROR');

/** Errors from workflow code come from another realm (the workflow sandbox): `instanceof Error` is false for them. */
const isErrorLike = (e: unknown) => typeof (e as { message?: unknown } | null)?.message === 'string';

let installed = false;

export type TemporalRuntimeOptions = {
  /** `[]` when the caller stops its workers itself (the one-process platform). */
  shutdownSignals?: NodeJS.Signals[];
  /**
   * `host:port` where the runtime serves the worker's metrics in Prometheus format (`/metrics`):
   * the SDK's own (task slots, poll and schedule-to-start latencies, workflow and activity
   * outcomes, sticky cache) and ours made with its metric meter (workers/activity-failures.ts).
   * Unset: no exporter. No authentication: bind it where only Prometheus reaches it.
   */
  metricsBindAddress?: string;
};

/** Installs the process's Temporal runtime once (it cannot be replaced): logs, and metrics when asked. */
export function installTemporalLogging(log: Logger, opts: TemporalRuntimeOptions = {}): void {
  if (installed) return;
  installed = true;
  Runtime.install({
    shutdownSignals: opts.shutdownSignals,
    logger: new DefaultLogger(sdkLevel(log.levelVal), forwardTemporalLog(log)),
    telemetryOptions: {
      // Core logs come here rather than straight to stderr in a format of their own.
      logging: { forward: {}, filter: { core: log.levelVal <= 20 ? 'DEBUG' : 'WARN', other: 'ERROR' } },
      ...(opts.metricsBindAddress && {
        metrics: { prometheus: { bindAddress: opts.metricsBindAddress, countersTotalSuffix: true, useSecondsForDurations: true } },
      }),
    },
  });
  if (opts.metricsBindAddress) log.info({ metrics: `http://${opts.metricsBindAddress}/metrics` }, 'worker metrics served');
}
