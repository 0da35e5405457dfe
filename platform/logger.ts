// Structured JSON logs (pino). Each module takes a child logger named after itself. Credentials
// never reach a log line: request logs carry headers, so tokens and cookies are redacted.
import pino, { type Logger } from 'pino';

export type { Logger };

const SECRETS = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'];

export function createLogger(level: string, name = 'pivotal-flow', destination?: pino.DestinationStream): Logger {
  const options = {
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: SECRETS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
