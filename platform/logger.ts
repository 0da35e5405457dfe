// Structured logs (pino). Each module takes a child logger named after itself. Credentials
// never reach a log line: request logs carry headers, so tokens and cookies are redacted.
// In a terminal the lines are pretty-printed (pino-pretty, in-process); anywhere else, one JSON
// object a line for log tools. A line written while the API handles a request carries its id.
import pino, { type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';
import { currentRequestId } from './request-context';

export type { Logger };

const SECRETS = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'];

export type LogFormat = 'json' | 'pretty';

/** Pretty when a person reads stdout, JSON when a program does. */
export const defaultLogFormat = (): LogFormat => (process.stdout.isTTY ? 'pretty' : 'json');

export function createLogger(level: string, name = 'pivotal-flow', destination?: pino.DestinationStream, format: LogFormat = destination ? 'json' : defaultLogFormat()): Logger {
  const options: pino.LoggerOptions = {
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: SECRETS, censor: '[redacted]' },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  };
  if (format === 'json') return destination ? pino(options, destination) : pino(options);
  // Formatted as each line is written (not in a transport thread): nothing is lost when the process exits.
  const prettify = prettyFactory({ translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' });
  const out = destination ?? pino.destination(1);
  return pino(options, { write: (line: string) => void out.write(prettify(line)) });
}
