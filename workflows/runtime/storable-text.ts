// Text as PostgreSQL can store it. JSON can carry a NUL character ("\u0000") and an unpaired UTF-16
// surrogate ("\ud800"), but a text or jsonb column cannot hold either, so a journey handed one fails
// on its first write. This is the one rule for text from outside: zod schemas use `text()`, and
// the API's edge guard (api/input-guard.ts) applies `isStorableText` to every string it receives.
import { z } from 'zod';

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const EVERY_UNSTORABLE = new RegExp(UNSTORABLE.source, 'g');

export const UNSTORABLE_TEXT = 'Contains a NUL character or an unpaired surrogate, which cannot be stored';

export function isStorableText(s: string): boolean {
  return !UNSTORABLE.test(s);
}

/** Replaces what cannot be stored with U+FFFD, for text that must be kept as received (provider events). */
export function toStorableText(s: string): string {
  return s.replace(EVERY_UNSTORABLE, '\ufffd');
}

/** A parsed JSON value with every string (keys too) made storable: a provider's event is kept, not refused. */
export function toStorableJson<T>(value: T): T {
  if (typeof value === 'string') return toStorableText(value) as T;
  if (Array.isArray(value)) return value.map(toStorableJson) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [toStorableText(k), toStorableJson(v)])) as T;
  }
  return value;
}

/** Text a person or system typed: trimmed, storable, 1 to `max` characters. */
export const text = (max: number) => z.string().trim().min(1, 'Required').max(max).refine(isStorableText, UNSTORABLE_TEXT);

/** The same, where it may be left out or empty. */
export const optionalText = (max: number) => z.string().trim().max(max).refine(isStorableText, UNSTORABLE_TEXT).optional();
