// Customers, for the admin UI.
import { Router } from 'express';
import { z } from 'zod';
import { requireRole } from '../auth/authenticate';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { pageArgs, parseListQuery, sendPage } from '../list-query';
import type { ApiDeps } from '../app';

const customerFilter = z.object({
  status: z.enum(['LEAD', 'PROSPECT', 'CLIENT', 'LOST']),
  email: z.string(),
});

export function customerRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.use('/customers', requireRole());

  router.get('/customers', async (req, res) => {
    const q = parseListQuery(req.query, customerFilter, ['createdAt', 'companyName', 'status'], ['createdAt', 'DESC']);
    const where = q.filter;
    await sendPage(res, 'customers', q, deps.db.customer.findMany({ where, ...pageArgs(q) }), deps.db.customer.count({ where }));
  });

  router.get('/customers/:id', async (req, res) => {
    const customer = isUuid(req.params.id)
      ? await deps.db.customer.findUnique({
          where: { id: req.params.id },
          include: { journeys: { orderBy: { startedAt: 'desc' } } },
        })
      : null;
    if (!customer) throw new AppError('not_found', `No customer ${req.params.id}`);
    res.json(customer);
  });

  return router;
}
