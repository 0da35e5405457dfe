// Routes the Temporal SDK's own logs (worker lifecycle, workflow and activity logs) into pino.
// Only warnings and errors unless LOG_LEVEL asks for more: the SDK is chatty at INFO.
import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import type { Logger } from './logger';

const toPino: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

let installed = false;

/** `shutdownSignals: []` when the caller stops its workers itself (the one-process platform). */
export function installTemporalLogging(log: Logger, opts: { shutdownSignals?: NodeJS.Signals[] } = {}): void {
  if (installed) return;
  installed = true;
  const level: LogLevel = log.levelVal <= 20 ? 'DEBUG' : 'WARN';
  Runtime.install({
    ...opts,
    logger: new DefaultLogger(level, (entry) => {
      log[toPino[entry.level]]({ ...entry.meta }, entry.message);
    }),
  });
}
