// Delivery and billing for the people running projects: change requests raised on a delivery
// journey (through its `raiseChangeRequest` Update, answered once recorded), time entries per
// milestone that feed its invoice, and the finance view of invoices (open, overdue, paid).
import { Router } from 'express';
import { z } from 'zod';
import { text } from '../../workflows/runtime/storable-text';
import type { Prisma } from '../../prisma/generated/client';
import { raiseChangeRequestUpdate } from '../../workflows/runtime/definitions';
import { principal, requireRole } from '../auth/authenticate';
import { READERS } from '../auth/roles';
import { AppError, parseOrThrow } from '../errors';
import { updateJourney } from '../journey-calls';
import { pageArgs, parseListQuery, sendPage } from '../list-query';
import { isUniqueViolation } from '../../platform/db';
import type { ApiDeps } from '../app';

const minor = z.number().int('Must be a whole number of minor units').nonnegative().max(1_000_000_000);

const changeRequestBody = z
  .object({ title: text(200), description: text(5000), costMinor: minor, days: z.number().int().min(0).max(365) })
  .strict();

const timeEntryBody = z
  .object({
    milestoneId: z.uuid(),
    /** Who worked; the caller when absent. */
    userId: z.uuid().optional(),
    date: z.iso.date('Must be a date, YYYY-MM-DD'),
    hours: z.number().positive().max(24).multipleOf(0.25, 'In quarter hours'),
    rateMinor: minor.positive(),
    description: text(500),
  })
  .strict();

const timeFilter = z.object({ projectId: z.uuid(), milestoneId: z.uuid(), userId: z.uuid(), billed: z.boolean() });

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

export function deliveryRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.post('/journeys/:id/change-requests', requireRole('pm', 'manager'), async (req, res) => {
    const body = parseOrThrow(changeRequestBody, req.body);
    const journey = await deps.db.journey.findUnique({ where: { id: req.params.id } });
    if (!journey) throw new AppError('not_found', `No journey ${req.params.id}`);
    if (journey.kind !== 'delivery' || journey.status !== 'RUNNING') throw new AppError('conflict', 'Change requests are raised on a running delivery journey');
    const { number } = await updateJourney(deps.temporal, journey.id, raiseChangeRequestUpdate, { ...body, raisedBy: principal(req).id }, { ended: 'The journey has ended' });
    const project = await deps.db.project.findUniqueOrThrow({ where: { deliveryJourneyId: journey.id } });
    res.status(201).json(await deps.db.changeRequest.findUniqueOrThrow({ where: { projectId_number: { projectId: project.id, number } } }));
  });

  router.post('/time-entries', requireRole('pm', 'manager'), async (req, res) => {
    const body = parseOrThrow(timeEntryBody, req.body);
    // The caller's key, scoped to the caller: a repeat returns the first entry.
    const header = req.header('idempotency-key');
    const key = header ? `${principal(req).id}:${header}` : undefined;
    const earlier = key && (await deps.db.timeEntry.findUnique({ where: { idempotencyKey: key } }));
    if (earlier) return void res.status(200).json(earlier);
    const milestone = await deps.db.milestone.findUnique({ where: { id: body.milestoneId }, include: { invoice: true } });
    if (!milestone) throw new AppError('validation_failed', 'No such milestone', { fields: [{ field: 'milestoneId', message: 'No such milestone' }] });
    if (milestone.invoice) throw new AppError('conflict', `Milestone ${milestone.position} is already invoiced (${milestone.invoice.number})`);
    const userId = body.userId ?? principal(req).id;
    if (!(await deps.db.user.findUnique({ where: { id: userId } }))) {
      throw new AppError('validation_failed', 'No such user', { fields: [{ field: 'userId', message: 'No such user' }] });
    }
    const data = {
      projectId: milestone.projectId,
      milestoneId: milestone.id,
      userId,
      recordedBy: principal(req).id,
      date: new Date(body.date),
      minutes: Math.round(body.hours * 60),
      rateMinor: body.rateMinor,
      description: body.description,
      idempotencyKey: key,
    };
    const entry = await deps.db.timeEntry.create({ data }).catch(async (err: unknown) => {
      // The same request twice at once: the first one's entry is the answer.
      if (key && isUniqueViolation(err)) return undefined;
      throw err;
    });
    if (!entry) return void res.status(200).json(await deps.db.timeEntry.findUnique({ where: { idempotencyKey: key } }));
    res.status(201).json(entry);
  });

  router.get('/time-entries', requireRole(), async (req, res) => {
    const q = parseListQuery(req.query, timeFilter, ['date', 'createdAt'], ['date', 'DESC']);
    const { billed, ...rest } = q.filter;
    const where: Prisma.TimeEntryWhereInput = { ...rest, ...(billed !== undefined && { invoiceId: billed ? { not: null } : null }) };
    await sendPage(res, 'time-entries', q, deps.db.timeEntry.findMany({ where, ...pageArgs(q) }), deps.db.timeEntry.count({ where }));
  });

  router.get('/invoices', requireRole(...READERS.invoices), async (req, res) => {
    const q = parseListQuery(req.query, invoiceFilter, ['dueAt', 'issuedAt', 'totalMinor', 'number'], ['dueAt', 'ASC']);
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
