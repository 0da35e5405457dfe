// Secrets at rest: passwords with bcrypt (slow on purpose), session and API tokens as an HMAC
// under AUTH_SECRET (they are 256-bit random, so a fast keyed hash is enough and lookups stay
// indexable). A leaked database yields neither passwords nor usable tokens.
import { createHmac, randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';

const BCRYPT_COST = 10;

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
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
