// One table of error codes and their HTTP statuses; handlers throw AppError, the middleware
// turns it (and zod, body-parser and Temporal errors) into a JSON answer naming what was wrong.
import type { ErrorRequestHandler } from 'express';
import { z } from 'zod';
import { isDatabaseUnavailable } from '../platform/db';
import type { Logger } from '../platform/logger';

const STATUS = {
  validation_failed: 400,
  invalid_json: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  /** Answered by the HTTP server itself (api/http-server.ts), as are headers_too_large. */
  request_timeout: 408,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  headers_too_large: 431,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof STATUS;
export type FieldError = { field: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { fields?: FieldError[]; [k: string]: unknown },
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return STATUS[this.code];
  }
}

// A missing field reads "Required" rather than zod's "expected string, received undefined".
z.config({ customError: (issue) => (issue.input === undefined ? 'Required' : undefined) });

/** One entry per bad field; an unknown key is reported under its own name. */
export function fieldErrors(error: z.ZodError, prefix: string[] = []): FieldError[] {
  return error.issues.flatMap((i) => {
    const at = (path: PropertyKey[]) => [...prefix, ...path.map(String)].join('.') || '(body)';
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ field: at([...i.path, k]), message: 'Unknown field' }));
    return [{ field: at(i.path), message: i.message }];
  });
}

/** Parses `input` with `schema` or throws a 400 naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, prefix: string[] = []): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('validation_failed', 'The request is invalid', { fields: fieldErrors(parsed.error, prefix) });
  }
  return parsed.data;
}

/** How long a client should wait before retrying after a 503 (a dependency down or slow). */
export const RETRY_AFTER_SECONDS = 5;

type HttpError = Error & { status: number; expose?: boolean; type?: string };

/** Errors Express and body-parser raise about the request itself (http-errors with a 4xx status). */
function isClientHttpError(err: unknown): err is HttpError {
  const status = (err as HttpError | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * Their 4xx in our shape: an unsupported charset or Content-Encoding (415), too many form fields
 * (413), malformed percent-encoding in the path, an aborted body (400), …
 */
function fromHttpError(err: HttpError): AppError {
  const code: ErrorCode = err.status === 413 ? 'payload_too_large' : err.status === 415 ? 'unsupported_media_type' : 'bad_request';
  return new AppError(code, err.expose === false ? 'The request could not be read' : err.message);
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let appError: AppError;
    if (err instanceof AppError) appError = err;
    else if (err?.type === 'entity.parse.failed') appError = new AppError('invalid_json', 'The body is not valid JSON');
    else if (err?.type === 'entity.too.large') appError = new AppError('payload_too_large', 'The body is too large');
    else if (isClientHttpError(err)) appError = fromHttpError(err);
    else if (isDatabaseUnavailable(err)) {
      log.warn({ err: (err as Error).message, method: req.method, url: req.originalUrl }, 'database unavailable');
      appError = new AppError('unavailable', 'The database is not answering. Try again shortly.');
    } else {
      log.error({ err, method: req.method, url: req.originalUrl }, 'unhandled error');
      appError = new AppError('internal', 'Something went wrong on our side');
    }
    if (appError.code === 'unauthenticated') res.set('WWW-Authenticate', 'Bearer');
    if (appError.code === 'unavailable') res.set('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(appError.status).json({ error: { code: appError.code, message: appError.message, ...appError.details } });
  };
}
