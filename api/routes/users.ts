// People and API tokens. Everyone signed in can see who is who (to read an assignee); only
// admins create users and issue or revoke tokens. A token is shown once, at creation.
import { isUniqueViolation } from '../../platform/db';
import type { Prisma } from '../../prisma/generated/client';
import { Router } from 'express';
import { z } from 'zod';
import { text } from '../../workflows/runtime/storable-text';
import { requireRole, type Authenticator } from '../auth/authenticate';
import { hashPassword, hashToken, newPassword, newToken } from '../auth/credentials';
import { ROLES } from '../auth/roles';
import { AppError, parseOrThrow } from '../errors';
import { isUuid } from '../ids';
import { listQuerySchema, pageArgs, parseListQuery, sendPage } from '../list-query';
import { apiToken, issuedApiToken, user } from '../contract/records';
import { operations } from '../openapi/operation';
import type { ApiDeps } from '../app';

const roles = z.array(z.enum(ROLES)).min(1, 'Give at least one role');
const newUser = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email()).meta({ format: 'email' }),
    name: text(200),
    roles,
    password: newPassword,
  })
  .strict();
const userChange = z
  .object({ name: text(200), roles, active: z.boolean(), password: newPassword })
  .partial()
  .strict();
const newApiToken = z.object({ name: text(100), roles }).strict();
const userFilter = z.object({ role: z.enum(ROLES), active: z.boolean() });
const userSort = ['name', 'email', 'createdAt'] as const;

const sameRoles = (a: readonly string[], b: readonly string[]) => new Set(a).size === new Set(b).size && a.every((r) => b.includes(r));

/** Deletes the user's sessions; their token hashes, for the caller to forget from the cache. */
async function endSessions(tx: Prisma.TransactionClient, userId: string): Promise<string[]> {
  const sessions = await tx.session.findMany({ where: { userId }, select: { tokenHash: true } });
  await tx.session.deleteMany({ where: { userId } });
  return sessions.map((s) => s.tokenHash);
}

const publicUser = { id: true, email: true, name: true, roles: true, active: true, createdAt: true } as const;

export const userOperations = operations(
  { method: 'get', path: '/api/users', summary: 'Who is who (to read an assignee)', access: 'signed-in', list: true, query: listQuerySchema(userFilter, userSort), responses: { 200: z.array(user) } },
  { method: 'post', path: '/api/users', summary: 'Create a user', access: ['admin'], body: newUser, responses: { 201: user } },
  { method: 'patch', path: '/api/users/:id', summary: "Change a user's name, roles, password or active flag (ends their sessions when their rights change)", access: ['admin'], body: userChange, responses: { 200: user } },
  { method: 'get', path: '/api/api-tokens', summary: 'API tokens (without the tokens)', access: ['admin'], list: true, responses: { 200: z.array(apiToken) } },
  { method: 'post', path: '/api/api-tokens', summary: 'Issue an API token: the token is in this answer only', access: ['admin'], body: newApiToken, responses: { 201: issuedApiToken } },
  { method: 'delete', path: '/api/api-tokens/:id', summary: 'Revoke an API token', access: ['admin'], responses: { 204: null } },
);

export function userRoutes(deps: ApiDeps, auth: Authenticator): Router {
  const router = Router();

  router.get('/users', requireRole(), async (req, res) => {
    const q = parseListQuery(req.query, userFilter, userSort, ['name', 'ASC']);
    const { role, ...rest } = q.filter;
    const where = { ...rest, ...(role && { roles: { has: role } }) };
    await sendPage(res, 'users', q, deps.db.user.findMany({ where, select: publicUser, ...pageArgs(q) }), deps.db.user.count({ where }));
  });

  router.post('/users', requireRole('admin'), async (req, res) => {
    const { password, ...user } = parseOrThrow(newUser, req.body);
    try {
      const created = await deps.db.user.create({ data: { ...user, passwordHash: await hashPassword(password) }, select: publicUser });
      res.status(201).json(created);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('conflict', `A user with email ${user.email} exists`);
      throw err;
    }
  });

  router.patch('/users/:id', requireRole('admin'), async (req, res) => {
    const { password, ...change } = parseOrThrow(userChange, req.body);
    if (!isUuid(req.params.id)) throw new AppError('not_found', `No user ${req.params.id}`);
    const id = req.params.id;
    const data = { ...change, ...(password && { passwordHash: await hashPassword(password) }) };
    const ended = await deps.db.$transaction(async (tx) => {
      const before = await tx.user.findUnique({ where: { id }, select: { roles: true } });
      if (!before) throw new AppError('not_found', `No user ${id}`);
      await tx.user.update({ where: { id }, data });
      // Sessions hold no rights of their own, but a session resolved moments ago is cached with
      // the rights it had: whatever changes what the user may do ends them, as logging out would.
      const rolesChanged = change.roles !== undefined && !sameRoles(before.roles, change.roles);
      return change.active === false || password || rolesChanged ? endSessions(tx, id) : [];
    });
    await Promise.all(ended.map((tokenHash) => auth.forget(tokenHash)));
    res.json(await deps.db.user.findUnique({ where: { id }, select: publicUser }));
  });

  router.get('/api-tokens', requireRole('admin'), async (_req, res) => {
    const rows = await deps.db.apiToken.findMany({ omit: { tokenHash: true }, orderBy: { createdAt: 'desc' } });
    res.set('Content-Range', `api-tokens 0-${Math.max(rows.length - 1, 0)}/${rows.length}`).json(rows);
  });

  router.post('/api-tokens', requireRole('admin'), async (req, res) => {
    const body = parseOrThrow(newApiToken, req.body);
    const token = newToken('api');
    try {
      const created = await deps.db.apiToken.create({
        data: { ...body, tokenHash: hashToken(deps.config.auth.secret, token) },
        omit: { tokenHash: true },
      });
      res.status(201).json({ ...created, token });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('conflict', `A token named ${body.name} exists`);
      throw err;
    }
  });

  router.delete('/api-tokens/:id', requireRole('admin'), async (req, res) => {
    const token = isUuid(req.params.id) ? await deps.db.apiToken.findUnique({ where: { id: req.params.id } }) : null;
    if (!token || token.revokedAt) throw new AppError('not_found', `No active API token ${req.params.id}`);
    await deps.db.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await auth.forget(token.tokenHash);
    res.status(204).end();
  });

  return router;
}
