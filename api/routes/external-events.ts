// Events received from outside, for managers: above all the ones no journey took (`unmatched`).
import { Router } from 'express';
import { z } from 'zod';
import { requireRole } from '../auth/authenticate';
import { READERS } from '../auth/roles';
import { listQuerySchema, pageArgs, parseListQuery, sendPage } from '../list-query';
import { externalEvent } from '../contract/records';
import { operations } from '../openapi/operation';
import type { ApiDeps } from '../app';

const filter = z.object({ source: z.string(), journeyId: z.string(), type: z.string(), unmatched: z.literal(true) });
const sort = ['receivedAt', 'source', 'type'] as const;

export const externalEventOperations = operations({
  method: 'get',
  path: '/api/external-events',
  summary: 'What payment and e-signature providers sent, above all what no journey took',
  access: READERS.externalEvents,
  list: true,
  query: listQuerySchema(filter, sort),
  responses: { 200: z.array(externalEvent) },
});

export function externalEventRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.get('/external-events', requireRole(...READERS.externalEvents), async (req, res) => {
    const q = parseListQuery(req.query, filter, sort, ['receivedAt', 'DESC']);
    const { unmatched, ...rest } = q.filter;
    const where = { ...rest, ...(unmatched && { appliedAt: null }) };
    await sendPage(res, 'external-events', q, deps.db.externalEvent.findMany({ where, ...pageArgs(q) }), deps.db.externalEvent.count({ where }));
  });
  return router;
}
