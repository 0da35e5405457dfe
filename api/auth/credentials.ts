// Secrets at rest: passwords with bcrypt (slow on purpose), session and API tokens as an HMAC
// under AUTH_SECRET (they are 256-bit random, so a fast keyed hash is enough and lookups stay
// indexable). A leaked database yields neither passwords nor usable tokens.
import { createHmac, randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { z } from 'zod';

const BCRYPT_COST = 10;
/** bcrypt reads only this many bytes of a password: anything after them would not count. */
const BCRYPT_MAX_BYTES = 72;

const fitsBcrypt = (password: string) => Buffer.byteLength(password, 'utf8') <= BCRYPT_MAX_BYTES;

/** Every password someone sets: long enough to resist guessing, short enough that all of it counts. */
export const newPassword = z
  .string()
  .min(12, 'At least 12 characters')
  .refine(fitsBcrypt, `At most ${BCRYPT_MAX_BYTES} bytes (UTF-8)`);

export type TokenKind = 'session' | 'api';
const PREFIX: Record<TokenKind, string> = { session: 'pfs_', api: 'pft_' };

/** A fresh random token; the prefix tells a session from an API token at a glance in logs. */
export function newToken(kind: TokenKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

export function hashToken(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

export function hashPassword(password: string): Promise<string> {
  if (!fitsBcrypt(password)) throw new RangeError(`A password is at most ${BCRYPT_MAX_BYTES} bytes`);
  return bcrypt.hash(password, BCRYPT_COST);
}

/**
 * False for a password longer than bcrypt reads, whatever its first 72 bytes are: none can be set
 * now (newPassword), and one set before would otherwise let in anyone with its first 72 bytes.
 * It still costs one comparison, like any other.
 */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const fits = fitsBcrypt(password);
  const matches = await bcrypt.compare(fits ? password : '', hash);
  return fits && matches;
}
