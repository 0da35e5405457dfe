// The outbox: every email journeys sent (or, without SMTP, would have sent), customer links redacted.
import { Router } from 'express';
import { z } from 'zod';
import { requireRole } from '../auth/authenticate';
import { emailForStaff } from '../domain/staff-emails';
import { listQuerySchema, pageArgs, parseListQuery, sendPage } from '../list-query';
import { email } from '../contract/records';
import { operations } from '../openapi/operation';
import type { ApiDeps } from '../app';

const emailFilter = z.object({ journeyId: z.string(), status: z.enum(['QUEUED', 'SENT', 'OUTBOX']), to: z.string() });
const emailSort = ['createdAt', 'to', 'status'] as const;

export const emailOperations = operations({
  method: 'get',
  path: '/api/emails',
  summary: 'The outbox: every email journeys sent, customer links hidden',
  access: 'signed-in',
  list: true,
  query: listQuerySchema(emailFilter, emailSort),
  responses: { 200: z.array(email) },
});

export function emailRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.get('/emails', requireRole(), async (req, res) => {
    const q = parseListQuery(req.query, emailFilter, emailSort, ['createdAt', 'DESC']);
    const where = q.filter;
    const emails = deps.db.email.findMany({ where, ...pageArgs(q) }).then((rows) => rows.map(emailForStaff));
    await sendPage(res, 'emails', q, emails, deps.db.email.count({ where }));
  });
  return router;
}
