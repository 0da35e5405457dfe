// The customer's "get help" page (its link ends every email to a client): their tickets, open ones
// first, each linking to its own page, and a form to raise a new one about a project of theirs or
// anything else. The form's nonce keys the request, so a form posted twice raises one ticket.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { createLinkToken } from '../../platform/customer-links';
import { text } from '../../workflows/runtime/storable-text';
import { PRIORITIES } from '../../workflows/support/sla';
import type { ApiDeps } from '../app';
import { CUSTOMER_TICKET_CATEGORIES as CUSTOMER_CATEGORIES, customerPageJson } from '../contract/records';
import { escape, page, sendError, wantsJson } from '../customer-pages';
import { linkOf } from '../domain/links';
import { recordLinkAction } from '../domain/link-audit';
import { AppError, parseOrThrow } from '../errors';
import { operations } from '../openapi/operation';
import { raiseTicket } from './raise-ticket';

const PRIORITY_TEXT: Record<(typeof PRIORITIES)[number], string> = {
  urgent: 'Urgent: something is down',
  high: 'High: it blocks our work',
  normal: 'Normal',
  low: 'Low: when you have time',
};
const TICKET_LINK_DAYS = 2 * 365;

const raiseBody = z
  .object({
    subject: text(200).refine((s) => s.trim().length > 0, 'Say what it is about'),
    description: text(20_000).refine((s) => s.trim().length > 0, 'Describe the problem'),
    category: z.enum(CUSTOMER_CATEGORIES).default('question'),
    priority: z.enum(PRIORITIES).default('normal'),
    /** A project of theirs, or empty for none. */
    projectId: z.union([z.uuid(), z.literal('')]).optional(),
    nonce: z.string().min(8).max(100).optional(),
  })
  .strict();

export const helpPageOperations = operations(
  { method: 'get', path: '/customer/help/:token', summary: "The customer's tickets and a form to raise one", access: 'customer-link', html: true, responses: { 200: customerPageJson } },
  {
    method: 'post',
    path: '/customer/help/:token',
    summary: 'Raise a ticket (Idempotency-Key header, or the form\'s nonce: a repeat raises one)',
    access: 'customer-link',
    html: true,
    body: raiseBody,
    formBody: true,
    headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
    responses: { 200: customerPageJson, 201: customerPageJson },
  },
);

async function customerForLink(deps: ApiDeps, token: string) {
  const { subject } = linkOf(deps.config, token, 'support-help');
  const customer = await deps.db.customer.findUnique({
    where: { id: subject },
    include: { tickets: { orderBy: [{ closedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }], take: 50 }, projects: { orderBy: { createdAt: 'desc' } } },
  });
  if (!customer) throw new AppError('not_found', 'This link is not valid');
  return customer;
}

export function helpPages(deps: ApiDeps) {
  const router = Router();
  const ticketUrl = (t: { id: string; journeyId: string }) =>
    `/customer/tickets/${createLinkToken(deps.config.auth.secret, { purpose: 'support-ticket', journeyId: t.journeyId, subject: t.id, exp: Date.now() + TICKET_LINK_DAYS * 24 * 60 * 60 * 1000 })}`;

  router.get('/help/:token', async (req, res) => {
    try {
      const c = await customerForLink(deps, req.params.token);
      if (wantsJson(req)) {
        return void res.json({
          companyName: c.companyName,
          tickets: c.tickets.map((t) => ({ number: t.number, subject: t.subject, status: t.status, url: ticketUrl(t) })),
          projects: c.projects.map((p) => ({ id: p.id, name: p.name })),
          categories: CUSTOMER_CATEGORIES,
          priorities: PRIORITIES,
        });
      }
      const rows = c.tickets
        .map((t) => `<tr><td><a href="${escape(ticketUrl(t))}">T-${t.number}</a></td><td>${escape(t.subject)}</td><td>${escape(t.status.replace(/-/g, ' '))}</td></tr>`)
        .join('');
      const options = (values: readonly string[], label: (v: string) => string, selected?: string) =>
        values.map((v) => `<option value="${escape(v)}"${v === selected ? ' selected' : ''}>${escape(label(v))}</option>`).join('');
      const projects = c.projects.length
        ? `<label for="projectId">Project</label><select id="projectId" name="projectId"><option value="">None in particular</option>${c.projects.map((p) => `<option value="${p.id}">${escape(p.name)}</option>`).join('')}</select>`
        : '';
      res.type('html').send(
        page(
          'Get help',
          `<h1>Get help</h1><p class="note">${escape(c.companyName)}</p>
${rows ? `<h2>Your requests</h2><table><thead><tr><th>Ticket</th><th>About</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
<h2>Ask us something new</h2>
<form method="post"><input type="hidden" name="nonce" value="${randomUUID()}">
<label for="subject">Subject</label><input id="subject" name="subject" maxlength="200" required>
<label for="description">What happened, and what did you expect?</label><textarea id="description" name="description" rows="8" maxlength="20000" required></textarea>
<label for="category">About</label><select id="category" name="category">${options(CUSTOMER_CATEGORIES, (v) => v[0]!.toUpperCase() + v.slice(1))}</select>
<label for="priority">How urgent</label><select id="priority" name="priority">${options(PRIORITIES, (v) => PRIORITY_TEXT[v as (typeof PRIORITIES)[number]], 'normal')}</select>
${projects}<button>Send</button></form>`,
        ),
      );
    } catch (err) {
      sendError(req, res, err);
    }
  });

  router.post('/help/:token', async (req, res) => {
    try {
      const body = parseOrThrow(raiseBody, req.body);
      const key = req.header('idempotency-key') ?? body.nonce;
      if (!key) throw new AppError('validation_failed', 'Say which request this is', { fields: [{ field: 'Idempotency-Key', message: 'Required (or a nonce field)' }] });
      const c = await customerForLink(deps, req.params.token);
      const projectId = body.projectId || undefined;
      if (projectId && !c.projects.some((p) => p.id === projectId)) {
        throw new AppError('validation_failed', 'Not a project of yours', { fields: [{ field: 'projectId', message: 'Choose one of your projects' }] });
      }
      await recordLinkAction(deps, req, 'support-help', { action: 'raise-ticket' });
      const raised = await raiseTicket(
        deps,
        c.id,
        { subject: body.subject.trim(), description: body.description.trim(), category: body.category, priority: body.priority, projectId, raisedBy: 'customer', channel: 'customer-link' },
        `customer:${c.id}:${key}`,
      );
      if (wantsJson(req)) return void res.status(raised.created ? 201 : 200).json({ journeyId: raised.journeyId });
      res
        .status(raised.created ? 201 : 200)
        .type('html')
        .send(page('Thank you', '<h1>Thank you</h1><p>We have your request and have emailed you its link, where you can follow it and reply.</p>'));
    } catch (err) {
      sendError(req, res, err);
    }
  });

  return router;
}
