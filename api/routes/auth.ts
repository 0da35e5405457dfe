// Logging in and out. A session is an opaque random token: the admin UI holds it in an httpOnly,
// SameSite=Strict cookie (out of reach of scripts, never sent cross-site); scripts may use the
// same token as a Bearer header.
import { Router } from 'express';
import { z } from 'zod';
import { SESSION_COOKIE, principal, requireRole, type Authenticator } from '../auth/authenticate';
import { hashPassword, hashToken, newToken, verifyPassword } from '../auth/credentials';
import { AppError, parseOrThrow } from '../errors';
import type { ApiDeps } from '../app';
import { principal as principalSchema, session } from '../contract/records';
import { operations } from '../openapi/operation';
import { loginLimits } from '../rate-limits';

const loginBody = z.object({ email: z.string().trim().toLowerCase().pipe(z.email()).meta({ format: 'email' }), password: z.string().min(1) }).strict();

export const authOperations = operations(
  { method: 'post', path: '/api/auth/login', summary: 'Log in: a session token (also set as the pf_session cookie)', access: 'public', body: loginBody, responses: { 200: session } },
  { method: 'post', path: '/api/auth/logout', summary: 'End this session', access: 'signed-in', responses: { 204: null } },
  { method: 'get', path: '/api/auth/me', summary: 'Who the caller is', access: 'signed-in', responses: { 200: principalSchema } },
);

export function authRoutes(deps: ApiDeps, auth: Authenticator): Router {
  const router = Router();
  // Compared against when the email is unknown, so both failures take the same time.
  const decoy = hashPassword('decoy-password-for-unknown-users');

  router.post('/auth/login', ...loginLimits(deps), async (req, res) => {
    const { email, password } = parseOrThrow(loginBody, req.body);
    const user = await deps.db.user.findUnique({ where: { email } });
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoy));
    if (!user || !ok || !user.active) throw new AppError('unauthenticated', 'Wrong email or password');
    const token = newToken('session');
    const expiresAt = new Date(Date.now() + deps.config.auth.sessionTtlMs);
    await deps.db.session.create({ data: { tokenHash: hashToken(deps.config.auth.secret, token), userId: user.id, expiresAt } });
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.config.auth.secureCookies,
      path: '/',
      expires: expiresAt,
    });
    deps.log.info({ userId: user.id }, 'user logged in');
    res.json({ user: { id: user.id, email: user.email, name: user.name, roles: user.roles }, token, expiresAt });
  });

  router.post('/auth/logout', requireRole(), async (req, res) => {
    const token = auth.tokenOf(req);
    if (token) {
      const tokenHash = hashToken(deps.config.auth.secret, token);
      await deps.db.session.deleteMany({ where: { tokenHash } });
      await auth.forget(tokenHash);
    }
    res.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).end();
  });

  router.get('/auth/me', requireRole(), (req, res) => {
    res.json(principal(req));
  });

  return router;
}
