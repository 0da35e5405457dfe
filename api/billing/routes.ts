// Billing for finance: the invoices (open, overdue, paid), with their lines and balance.
import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '../../prisma/generated/client';
import type { ApiDeps } from '../app';
import { requireRole } from '../auth/authenticate';
import { READERS } from '../auth/roles';
import { listQuerySchema, pageArgs, parseListQuery, sendPage } from '../list-query';
import { invoiceRow } from '../contract/records';
import { operations } from '../openapi/operation';

const invoiceFilter = z.object({
  status: z.enum(['DRAFT', 'OPEN', 'PARTIALLY_PAID', 'PAID', 'VOID']),
  kind: z.string(),
  journeyId: z.string(),
  customerId: z.uuid(),
  projectId: z.uuid(),
  /** Due date passed with something still owed. */
  overdue: z.literal(true),
  /** Anything still owed (open or partly paid). */
  unpaid: z.literal(true),
});

const invoiceSort = ['dueAt', 'issuedAt', 'totalMinor', 'number'] as const;

export const billingOperations = operations({
  method: 'get',
  path: '/api/invoices',
  summary: 'Invoices with their lines and balance',
  access: READERS.invoices,
  list: true,
  query: listQuerySchema(invoiceFilter, invoiceSort),
  responses: { 200: z.array(invoiceRow) },
});

export function billingRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.get('/invoices', requireRole(...READERS.invoices), async (req, res) => {
    const q = parseListQuery(req.query, invoiceFilter, invoiceSort, ['dueAt', 'ASC']);
    const { overdue, unpaid, ...rest } = q.filter;
    // Conditions combine: {status: 'OPEN', overdue: true} is open and overdue, not either.
    const where: Prisma.InvoiceWhereInput = {
      AND: [
        rest,
        ...(overdue || unpaid ? [{ status: { in: ['OPEN' as const, 'PARTIALLY_PAID' as const] } }] : []),
        ...(overdue ? [{ dueAt: { lt: new Date() } }] : []),
      ],
    };
    const include = { customer: { select: { companyName: true } }, lines: { orderBy: { position: 'asc' as const } } };
    const rows = deps.db.invoice.findMany({ where, include, ...pageArgs(q) }).then((list) => list.map((i) => ({ ...i, balanceMinor: i.totalMinor - i.paidMinor })));
    await sendPage(res, 'invoices', q, rows, deps.db.invoice.count({ where }));
  });

  return router;
}
