// Journeys: the manager's list (from the projection) and one journey in full.
import { Router } from 'express';
import { z } from 'zod';
import { parseListQuery, sendPage } from '../list-query';
import { describeJourney } from '../domain/describe-journey';
import type { ApiDeps } from '../app';

const journeyFilter = z.object({
  status: z.enum(['RUNNING', 'COMPLETED', 'LOST', 'CANCELLED', 'FAILED']),
  kind: z.string(),
  stage: z.string(),
  customerId: z.uuid(),
});

export function journeyRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.get('/journeys', async (req, res) => {
    const q = parseListQuery(req.query, journeyFilter, ['startedAt', 'stageSince', 'updatedAt', 'stage', 'status'], [
      'startedAt',
      'DESC',
    ]);
    const [rows, total] = await Promise.all([
      deps.db.journey.findMany({
        where: q.filter,
        orderBy: [q.orderBy, { id: 'asc' }],
        skip: q.skip,
        take: q.take,
        include: { customer: { select: { companyName: true, contactName: true } } },
      }),
      deps.db.journey.count({ where: q.filter }),
    ]);
    sendPage(res, 'journeys', rows, q.skip, total);
  });

  router.get('/journeys/:id', async (req, res) => {
    res.json(await describeJourney(deps, req.params.id));
  });

  return router;
}
