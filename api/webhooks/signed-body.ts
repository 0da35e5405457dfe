// What both provider webhooks check before they read an event: an HMAC over the raw body, then
// that the body is JSON. Each refusal names its own cause (no header, wrong signature, stale
// timestamp, not JSON), so whoever reads the provider's delivery log knows what to fix.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors';

/** Whether any of `candidates` is the HMAC-SHA256 of `payload` under `key`, compared in constant time. */
export function hmacMatches(key: string, payload: Buffer | string, encoding: 'hex' | 'base64', candidates: string[]): boolean {
  const expected = Buffer.from(createHmac('sha256', key).update(payload).digest(encoding));
  return candidates.some((c) => {
    const given = Buffer.from(c);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** A 400 on a signature header: `message` says what is wrong, the field names the header. */
export function signatureRefused(header: string, message: string, fieldMessage: string): AppError {
  return new AppError('validation_failed', message, { fields: [{ field: header, message: fieldMessage }] });
}

/** The raw body as JSON, or a 400 saying it is not (after the signature matched: the sender is genuine). */
export function jsonBody(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError('invalid_json', 'The body is correctly signed but is not JSON');
  }
}
