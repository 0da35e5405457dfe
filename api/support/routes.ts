// Support for staff and external systems (a chatbot, an email gateway, with an API token of a
// support role): raise a ticket for a customer, the support inbox sorted by the nearest breach,
// a ticket with its conversation, and the Updates that move it: replies and internal notes,
// triage (priority, queue, assignee) and closing as spam or a duplicate.
import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '../../prisma/generated/client';
import { text } from '../../workflows/runtime/storable-text';
import { closeTicketUpdate, staffReplyUpdate, triageTicketUpdate } from '../../workflows/support/messages';
import { PRIORITIES } from '../../workflows/support/sla';
import type { ApiDeps } from '../app';
import { actor, principal, requireRole } from '../auth/authenticate';
import { READERS, type Role } from '../auth/roles';
import { ticket, ticketAttachment, ticketDetail, ticketStatus, timeEntry } from '../contract/records';
import { onTicket, recordTimeEntry, timeWorked } from '../delivery/time-entries';
import { AppError, parseOrThrow } from '../errors';
import { executeJourneyUpdate } from '../journey-calls';
import { listQuerySchema, pageArgs, parseListQuery, sendPage } from '../list-query';
import { operations } from '../openapi/operation';
import { attach, readUpload, sendAttachment, uploadForm } from './attachments';
import { raiseTicket } from './raise-ticket';

const SUPPORT_ROLES: Role[] = [...READERS.tickets];
const category = z.string().trim().min(1).max(60).regex(/^[a-z0-9-]+$/, 'Lower-case letters, digits and dashes');
const queue = category;

const raiseBody = z
  .object({
    customerId: z.uuid(),
    subject: text(200).refine((s) => s.trim().length > 0, 'Say what it is about'),
    description: text(20_000).refine((s) => s.trim().length > 0, 'Describe the problem'),
    category,
    priority: z.enum(PRIORITIES).default('normal'),
    projectId: z.uuid().optional(),
  })
  .strict();

const replyBody = z
  .object({
    /** The message's id, chosen by the client: a reply sent twice is recorded (and emailed) once. */
    id: z.uuid(),
    body: text(20_000).refine((s) => s.trim().length > 0, 'Write something'),
    /** An internal note: staff only, not emailed, no SLA effect. */
    internal: z.boolean().default(false),
    /** Where the reply leaves the ticket (default: waiting on the customer). */
    then: z.enum(['open', 'waiting-on-customer', 'resolved']).optional(),
  })
  .strict()
  .refine((b) => !(b.internal && b.then), { path: ['then'], message: 'An internal note does not move the ticket' });

const triageBody = z
  .object({ priority: z.enum(PRIORITIES).optional(), queue: queue.optional(), assigneeId: z.uuid().nullable().optional(), reason: text(1000).refine((s) => s.trim().length >= 3, 'Say why') })
  .strict()
  .refine((b) => b.priority || b.queue || b.assigneeId !== undefined, { path: ['priority'], message: 'Change the priority, the queue or the assignee' });

const closeBody = z
  .object({ as: z.enum(['spam', 'duplicate']), mergeInto: z.uuid().optional(), reason: text(1000).optional() })
  .strict()
  .refine((b) => b.as !== 'duplicate' || b.mergeInto, { path: ['mergeInto'], message: 'A duplicate names the ticket it duplicates' });

export const ticketFilter = z.object({
  status: z.string().max(40),
  priority: z.enum(PRIORITIES),
  queue,
  category,
  assigneeId: z.uuid(),
  customerId: z.uuid(),
  /** The ticket of a journey (the journey page's). */
  journeyId: z.string().max(200),
  /** Not closed. */
  open: z.boolean(),
  /** A clock has breached. */
  breached: z.boolean(),
});
export const ticketSort = ['nextBreachAt', 'createdAt', 'number', 'priority'] as const;
const raisedTicket = z.object({ journeyId: z.string() });

export const supportOperations = operations(
  {
    method: 'post',
    path: '/api/tickets',
    summary: "Raise a ticket on a customer's behalf (staff, or an external system with a token); idempotent with Idempotency-Key",
    access: SUPPORT_ROLES,
    body: raiseBody,
    headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
    responses: { 200: raisedTicket, 201: raisedTicket },
  },
  { method: 'get', path: '/api/tickets', summary: 'The support inbox: tickets, by default the nearest breach first', access: SUPPORT_ROLES, list: true, query: listQuerySchema(ticketFilter, ticketSort), responses: { 200: z.array(ticket) } },
  { method: 'get', path: '/api/tickets/:id', summary: 'A ticket with its conversation and internal notes', access: SUPPORT_ROLES, responses: { 200: ticketDetail } },
  { method: 'post', path: '/api/tickets/:id/attachments', summary: 'Attach a file to a ticket that is not closed', access: SUPPORT_ROLES, multipart: uploadForm, responses: { 201: ticketAttachment } },
  { method: 'get', path: '/api/tickets/:id/attachments/:attachmentId', summary: 'Download a file of a ticket', access: SUPPORT_ROLES, binary: 'application/octet-stream', responses: { 200: null } },
  { method: 'post', path: '/api/tickets/:id/replies', summary: 'Reply to the customer (emailed), or add an internal note', access: SUPPORT_ROLES, body: replyBody, responses: { 200: ticketStatus } },
  { method: 'post', path: '/api/tickets/:id/triage', summary: "Change a ticket's priority (its SLA targets with it), queue or assignee, with a reason", access: SUPPORT_ROLES, body: triageBody, responses: { 200: ticketStatus } },
  {
    method: 'post',
    path: '/api/tickets/:id/time-entries',
    summary: "Record time worked on an open ticket about a project (billed when it closes, if outside the project's warranty); idempotent with Idempotency-Key",
    access: SUPPORT_ROLES,
    body: timeWorked,
    headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
    responses: { 200: timeEntry, 201: timeEntry },
  },
  { method: 'post', path: '/api/tickets/:id/close', summary: 'Close a ticket as spam, or as a duplicate merged into another', access: SUPPORT_ROLES, body: closeBody, responses: { 200: ticketStatus } },
);

const ended = { ended: 'The ticket is closed' };
/** How many of the customer's other tickets and invoices a ticket's page shows. */
const CONTEXT_ROWS = 5;
/** Who the ticket is for, as lists and pages name them. */
const customerName = { select: { id: true, companyName: true } };

export function supportRoutes(deps: ApiDeps): Router {
  const router = Router();
  const findTicket = async (id: string) => {
    const found = z.uuid().safeParse(id).success ? await deps.db.supportTicket.findUnique({ where: { id } }) : null;
    if (!found) throw new AppError('not_found', `No ticket ${id}`);
    return found;
  };

  router.post('/tickets', requireRole(...SUPPORT_ROLES), async (req, res) => {
    const body = parseOrThrow(raiseBody, req.body);
    if (!(await deps.db.customer.findUnique({ where: { id: body.customerId }, select: { id: true } }))) {
      throw new AppError('validation_failed', 'No such customer', { fields: [{ field: 'customerId', message: 'No customer has this id' }] });
    }
    const p = principal(req);
    const { customerId, ...ticketFields } = body;
    const key = req.header('idempotency-key');
    const raised = await raiseTicket(deps, customerId, { ...ticketFields, raisedBy: p.id, channel: p.kind === 'token' ? 'api' : 'staff' }, key && `${p.kind}:${p.id}:${key}`);
    res
      .status(raised.created ? 201 : 200)
      .location(`/api/journeys/${encodeURIComponent(raised.journeyId)}`)
      .json({ journeyId: raised.journeyId });
  });

  router.get('/tickets', requireRole(...SUPPORT_ROLES), async (req, res) => {
    const q = parseListQuery(req.query, ticketFilter, ticketSort, ['nextBreachAt', 'ASC']);
    const { open, breached, ...rest } = q.filter;
    const where: Prisma.SupportTicketWhereInput = {
      ...rest,
      ...(open !== undefined && (open ? { closedAt: null } : { closedAt: { not: null } })),
      ...(breached !== undefined && (breached ? { breaches: { gt: 0 } } : { breaches: 0 })),
    };
    // Tickets with no running clock (closed, or all paused) after those that can breach.
    const orderBy = q.orderBy.nextBreachAt ? { nextBreachAt: { sort: q.orderBy.nextBreachAt, nulls: 'last' as const } } : q.orderBy;
    await sendPage(
      res,
      'tickets',
      q,
      deps.db.supportTicket.findMany({ where, ...pageArgs(q), orderBy: [orderBy, { id: 'asc' }], omit: { description: true }, include: { customer: customerName } }),
      deps.db.supportTicket.count({ where }),
    );
  });

  router.get('/tickets/:id', requireRole(...SUPPORT_ROLES), async (req, res) => {
    const found = await findTicket(req.params.id);
    const [detail, project, invoice, otherTickets, recentInvoices] = await Promise.all([
      deps.db.supportTicket.findUniqueOrThrow({
        where: { id: found.id },
        include: {
          messages: { orderBy: { createdAt: 'asc' } },
          attachments: { orderBy: { createdAt: 'asc' }, omit: { data: true } },
          timeEntries: { orderBy: [{ date: 'asc' }, { createdAt: 'asc' }] },
          customer: customerName,
        },
      }),
      found.projectId
        ? deps.db.project.findUnique({ where: { id: found.projectId }, select: { id: true, name: true, deliveryJourneyId: true, signedOffAt: true, quote: { select: { currency: true } } } })
        : null,
      deps.db.invoice.findUnique({ where: { ticketId: found.id }, select: { id: true, number: true, journeyId: true, status: true, currency: true, totalMinor: true } }),
      deps.db.supportTicket.findMany({
        where: { customerId: found.customerId, id: { not: found.id } },
        select: { id: true, number: true, subject: true, status: true, createdAt: true },
        orderBy: { createdAt: 'desc' },
        take: CONTEXT_ROWS,
      }),
      deps.db.invoice.findMany({
        where: { customerId: found.customerId, issuedAt: { not: null } },
        select: { id: true, number: true, journeyId: true, status: true, currency: true, totalMinor: true, paidMinor: true, creditedMinor: true, dueAt: true },
        orderBy: { issuedAt: 'desc' },
        take: CONTEXT_ROWS,
      }),
    ]);
    res.json({ ...detail, project: project && { id: project.id, name: project.name, deliveryJourneyId: project.deliveryJourneyId, signedOffAt: project.signedOffAt, currency: project.quote.currency }, invoice, otherTickets, recentInvoices });
  });

  router.post('/tickets/:id/attachments', requireRole(...SUPPORT_ROLES), async (req, res) => {
    const found = await findTicket(req.params.id);
    res.status(201).json(await attach(deps.db, found, await readUpload(req), principal(req).id));
  });

  router.get('/tickets/:id/attachments/:attachmentId', requireRole(...SUPPORT_ROLES), async (req, res) => {
    const found = await findTicket(req.params.id);
    await sendAttachment(deps.db, res, found.id, req.params.attachmentId);
  });

  router.post('/tickets/:id/replies', requireRole(...SUPPORT_ROLES), async (req, res) => {
    const body = parseOrThrow(replyBody, req.body);
    const found = await findTicket(req.params.id);
    res.json(await executeJourneyUpdate(deps.temporal, found.journeyId, staffReplyUpdate, { messageId: body.id, by: actor(req), body: body.body, internal: body.internal, then: body.then }, ended));
  });

  router.post('/tickets/:id/triage', requireRole(...SUPPORT_ROLES), async (req, res) => {
    const body = parseOrThrow(triageBody, req.body);
    const found = await findTicket(req.params.id);
    if (body.assigneeId) {
      const agent = await deps.db.user.findUnique({ where: { id: body.assigneeId } });
      if (!agent?.active || !agent.roles.some((r) => SUPPORT_ROLES.includes(r))) {
        throw new AppError('validation_failed', 'Not someone who works support', { fields: [{ field: 'assigneeId', message: 'An active user with a support role' }] });
      }
    }
    res.json(await executeJourneyUpdate(deps.temporal, found.journeyId, triageTicketUpdate, { ...body, by: actor(req) }, ended));
  });

  router.post('/tickets/:id/time-entries', requireRole(...SUPPORT_ROLES), async (req, res) => {
    const entry = parseOrThrow(timeWorked, req.body);
    const found = await findTicket(req.params.id);
    const recorded = await recordTimeEntry(deps.db, { entry, target: (db) => onTicket(db, found.id), recordedBy: principal(req).id, idempotencyKey: req.header('idempotency-key') });
    res.status(recorded.created ? 201 : 200).json(recorded.entry);
  });

  router.post('/tickets/:id/close', requireRole(...SUPPORT_ROLES), async (req, res) => {
    const body = parseOrThrow(closeBody, req.body);
    const found = await findTicket(req.params.id);
    let mergeIntoJourneyId: string | undefined;
    if (body.mergeInto) {
      const into = await deps.db.supportTicket.findUnique({ where: { id: body.mergeInto } });
      if (!into || into.id === found.id || into.customerId !== found.customerId) {
        throw new AppError('validation_failed', 'Not a ticket this one can be merged into', { fields: [{ field: 'mergeInto', message: "Another ticket of the same customer" }] });
      }
      mergeIntoJourneyId = into.journeyId;
    }
    res.json(await executeJourneyUpdate(deps.temporal, found.journeyId, closeTicketUpdate, { as: body.as, reason: body.reason, mergeIntoJourneyId, by: actor(req) }, ended));
  });

  return router;
}
