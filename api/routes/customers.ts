// Customers, for the admin UI: each with their lifecycle phase as of the request.
import { Router } from 'express';
import { z } from 'zod';
import { principal, requireRole } from '../auth/authenticate';
import { endReasonParts } from '../domain/end-reason';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { listQuerySchema, pageArgs, parseListQuery, sendPage } from '../list-query';
import { customer, customerDetail } from '../contract/records';
import { operations } from '../openapi/operation';
import { LIFECYCLE_PHASES, lifecycleOf, lifecycleWhere, type LifecycleFacts } from '../domain/customer-lifecycle';
import type { ApiDeps } from '../app';

export const customerFilter = z.object({
  lifecycle: z.enum(LIFECYCLE_PHASES),
  email: z.string(),
});
export const customerSort = ['createdAt', 'companyName', 'clientSince'] as const;

export const customerOperations = operations(
  { method: 'get', path: '/api/customers', summary: 'Customers, each with their lifecycle phase', access: 'signed-in', list: true, query: listQuerySchema(customerFilter, customerSort), responses: { 200: z.array(customer) }, links: [{ to: 'GET /api/customers/:id', id: '$response.body#/0/id' }] },
  { method: 'get', path: '/api/customers/:id', summary: 'A customer with their journeys', access: 'signed-in', responses: { 200: customerDetail } },
);

export function customerRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.use('/customers', requireRole());
  const rules = deps.config.customers;
  const withLifecycle = <C extends LifecycleFacts>(customer: C, now: Date) => ({ ...customer, ...lifecycleOf(customer, now, rules) });

  router.get('/customers', async (req, res) => {
    const q = parseListQuery(req.query, customerFilter, customerSort, ['createdAt', 'DESC']);
    const { lifecycle, ...filter } = q.filter;
    // One clock for the filter and the phases shown, so every row shown is in the phase asked for.
    const now = new Date();
    const where = { ...filter, ...(lifecycle && lifecycleWhere(lifecycle, now, rules)) };
    const rows = deps.db.customer.findMany({ where, ...pageArgs(q) }).then((page) => page.map((c) => withLifecycle(c, now)));
    await sendPage(res, 'customers', q, rows, deps.db.customer.count({ where }));
  });

  router.get('/customers/:id', async (req, res) => {
    const customer = isUuid(req.params.id)
      ? await deps.db.customer.findUnique({
          where: { id: req.params.id },
          include: { journeys: { orderBy: { startedAt: 'desc' } }, projects: { select: { id: true, name: true, signedOffAt: true, createdAt: true }, orderBy: { createdAt: 'desc' } } },
        })
      : null;
    if (!customer) throw new AppError('not_found', `No customer ${req.params.id}`);
    const viewer = principal(req);
    const journeys = await Promise.all(
      customer.journeys.map(async (j) => ({ ...j, endReasonParts: j.endReason ? await endReasonParts(deps.db, viewer, j.endReason) : null })),
    );
    res.json(withLifecycle({ ...customer, journeys }, new Date()));
  });

  return router;
}
