// Reminders and escalations addressed to the caller, or to a queue the caller works.
import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '../../prisma/generated/client';
import { principal, requireRole } from '../auth/authenticate';
import type { Principal } from '../auth/roles';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { listQuerySchema, pageArgs, parseListQuery, sendPage } from '../list-query';
import { notification } from '../contract/records';
import { operations } from '../openapi/operation';
import type { ApiDeps } from '../app';

const notificationFilter = z.object({ unread: z.literal(true) });
const notificationSort = ['createdAt'] as const;

export const notificationOperations = operations(
  { method: 'get', path: '/api/notifications', summary: "Reminders and escalations for the caller or their queues", access: 'signed-in', list: true, query: listQuerySchema(notificationFilter, notificationSort), responses: { 200: z.array(notification) }, links: [{ to: 'POST /api/notifications/:id/read', id: '$response.body#/0/id' }] },
  { method: 'post', path: '/api/notifications/:id/read', summary: 'Mark a notification read', access: 'signed-in', responses: { 204: null } },
);

const addressedTo = (p: Principal): Prisma.NotificationWhereInput => ({
  OR: [{ recipientUserId: p.id }, { recipientRole: { in: p.roles } }],
});

export function notificationRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.use('/notifications', requireRole());

  router.get('/notifications', async (req, res) => {
    const p = principal(req);
    const q = parseListQuery(req.query, notificationFilter, notificationSort, ['createdAt', 'DESC']);
    const where = { AND: [addressedTo(p), q.filter.unread ? { readAt: null } : {}] };
    await sendPage(res, 'notifications', q, deps.db.notification.findMany({ where, ...pageArgs(q) }), deps.db.notification.count({ where }));
  });

  router.post('/notifications/:id/read', async (req, res) => {
    const p = principal(req);
    const where = { AND: [{ id: req.params.id }, addressedTo(p)] };
    const { count } = isUuid(req.params.id)
      ? await deps.db.notification.updateMany({ where: { ...where, AND: [...where.AND, { readAt: null }] }, data: { readAt: new Date() } })
      : { count: 0 };
    const row = count || !isUuid(req.params.id) ? null : await deps.db.notification.findFirst({ where });
    if (!count && !row) throw new AppError('not_found', `No notification ${req.params.id}`);
    res.status(204).end();
  });

  return router;
}
