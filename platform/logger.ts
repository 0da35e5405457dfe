// Structured JSON logs (pino). Each module takes a child logger named after itself.
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, name = 'pivotal-flow'): Logger {
  return pino({ name, level, base: { service: name }, timestamp: pino.stdTimeFunctions.isoTime });
}
