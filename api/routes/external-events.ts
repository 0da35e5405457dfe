// Events received from outside, for managers: above all the ones no journey took (`unmatched`).
import { Router } from 'express';
import { z } from 'zod';
import { requireRole } from '../auth/authenticate';
import { READERS } from '../auth/roles';
import { pageArgs, parseListQuery, sendPage } from '../list-query';
import type { ApiDeps } from '../app';

const filter = z.object({ source: z.string(), journeyId: z.string(), type: z.string(), unmatched: z.literal(true) });

export function externalEventRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.get('/external-events', requireRole(...READERS.externalEvents), async (req, res) => {
    const q = parseListQuery(req.query, filter, ['receivedAt', 'source', 'type'], ['receivedAt', 'DESC']);
    const { unmatched, ...rest } = q.filter;
    const where = { ...rest, ...(unmatched && { appliedAt: null }) };
    await sendPage(res, 'external-events', q, deps.db.externalEvent.findMany({ where, ...pageArgs(q) }), deps.db.externalEvent.count({ where }));
  });
  return router;
}
