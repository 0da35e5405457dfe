// Resolves the caller of every /api request from a session cookie (the admin UI) or an
// `Authorization: Bearer` token (external systems, scripts, tests), then lets routes demand roles.
// Resolved tokens are cached briefly: the inbox is polled, and a lookup per poll is waste. A
// credential forgotten (logout, revocation, a user changed) is forgotten by every API process that
// listens for it (auth-events.ts); one that does not (tests' extra apps) forgets it within 30 s.
import type { RequestHandler } from 'express';
import { parse as parseCookies } from 'cookie';
import type { Db } from '../../platform/db';
import { announceForget, type AuthEvents } from './auth-events';
import { AppError } from '../errors';
import { hashToken } from './credentials';
import { hasRole, type Principal, type Role } from './roles';

export const SESSION_COOKIE = 'pf_session';
const CACHE_TTL_MS = 30_000;
const CACHE_MAX = 10_000;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      principal?: Principal;
    }
  }
}

export type Authenticator = {
  middleware: RequestHandler;
  /** Forgets a token at once (logout, revocation), here and on every API process listening. */
  forget: (tokenHash: string) => Promise<void>;
  tokenOf: (req: { headers: Record<string, string | string[] | undefined> }) => string | undefined;
};

export function createAuthenticator(deps: { db: Db; secret: string; events?: AuthEvents }): Authenticator {
  const cache = new Map<string, { principal: Principal | null; until: number }>();
  // Counts forgets: a lookup that overlapped one may have read what was just ended, so it is not cached.
  let forgets = 0;
  const forgetHere = (tokenHash: string) => {
    forgets++;
    cache.delete(tokenHash);
  };
  deps.events?.subscribe({
    forget: forgetHere,
    reset: () => {
      forgets++;
      cache.clear();
    },
  });
  /** Not while forgets from other processes go unheard. */
  const mayCache = () => !deps.events || deps.events.listening();

  function tokenOf(req: { headers: Record<string, string | string[] | undefined> }): string | undefined {
    const auth = req.headers.authorization;
    if (typeof auth === 'string' && auth.startsWith('Bearer ')) return auth.slice(7).trim() || undefined;
    const cookies = typeof req.headers.cookie === 'string' ? parseCookies(req.headers.cookie) : {};
    return cookies[SESSION_COOKIE] || undefined;
  }

  async function lookup(tokenHash: string, now: Date): Promise<Principal | null> {
    const session = await deps.db.session.findUnique({ where: { tokenHash }, include: { user: true } });
    if (session) {
      if (session.expiresAt <= now || !session.user.active) return null;
      const { user } = session;
      return { kind: 'user', id: user.id, name: user.name, roles: user.roles };
    }
    const token = await deps.db.apiToken.findUnique({ where: { tokenHash } });
    if (!token || token.revokedAt) return null;
    void deps.db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } }).catch(() => undefined);
    return { kind: 'token', id: token.id, name: token.name, roles: token.roles };
  }

  const middleware: RequestHandler = async (req, _res, next) => {
    const token = tokenOf(req);
    if (!token) return next();
    const tokenHash = hashToken(deps.secret, token);
    const now = Date.now();
    let hit = cache.get(tokenHash);
    if (!hit || hit.until <= now) {
      const forgetsBefore = forgets;
      hit = { principal: await lookup(tokenHash, new Date(now)), until: now + CACHE_TTL_MS };
      if (forgets === forgetsBefore && mayCache()) {
        if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
        cache.set(tokenHash, hit);
      }
    }
    req.principal = hit.principal ?? undefined;
    next();
  };

  const forget = async (tokenHash: string) => {
    forgetHere(tokenHash);
    await announceForget(deps.db, tokenHash);
  };
  return { middleware, forget, tokenOf };
}

/** 401 without a valid credential; 403 unless the caller holds one of `roles` (any role if none given). */
// Generic so that, placed before a handler, it keeps the route's typed params.
export function requireRole<P = any>(...roles: Role[]): RequestHandler<P> {
  return (req, _res, next) => {
    const p = req.principal;
    if (!p) throw new AppError('unauthenticated', 'Log in or send a valid API token');
    if (roles.length && !hasRole(p, ...roles)) {
      throw new AppError('forbidden', `This needs one of the roles: ${roles.join(', ')}`);
    }
    next();
  };
}

/** The caller, for handlers mounted behind requireRole. */
export function principal(req: { principal?: Principal }): Principal {
  if (!req.principal) throw new AppError('unauthenticated', 'Log in or send a valid API token');
  return req.principal;
}

/** Who acted, as a journey records it: the id to audit and the name to show. */
export function actor(req: { principal?: Principal }): { id: string; name: string } {
  const { id, name } = principal(req);
  return { id, name };
}
