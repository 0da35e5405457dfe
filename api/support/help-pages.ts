// The customer's "get help" page (its link ends every email to a client): their tickets, open ones
// first, each linking to its own page, and a form to raise a new one about a project of theirs or
// anything else. Before it is sent, the page suggests published knowledge-base articles for what
// they wrote (seed 001's "self resolving"): one that answers it is recorded as a deflection and no
// ticket is raised. The form's nonce keys the request, so a form posted twice raises one ticket.
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
import { suggestArticles, type ArticleSuggestion } from './knowledge';
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
    /** The page's steps: `suggest` shows articles first; `deflected` (with `articleId`) says one answered it; otherwise the ticket is raised. */
    step: z.enum(['suggest', 'deflected', 'raise']).default('raise'),
    articleId: z.uuid().optional(),
  })
  .strict()
  .refine((b) => b.step !== 'deflected' || b.articleId, { path: ['articleId'], message: 'Say which article answered it' });

export const helpPageOperations = operations(
  { method: 'get', path: '/customer/help/:token', summary: "The customer's tickets and a form to raise one", access: 'customer-link', html: true, responses: { 200: customerPageJson } },
  { method: 'get', path: '/customer/help/:token/articles/:articleId', summary: 'A published knowledge-base article, for the customer', access: 'customer-link', html: true, responses: { 200: customerPageJson } },
  {
    method: 'post',
    path: '/customer/help/:token',
    summary: "Raise a ticket (Idempotency-Key header, or the form's nonce: a repeat raises one); `step: suggest` answers suggested articles first, `step: deflected` records that one answered it",
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

type RaiseForm = z.infer<typeof raiseBody>;

/** The form's fields again, hidden: the customer sends the same request on, or says which article answered it. */
const hiddenFields = (form: RaiseForm) =>
  (['subject', 'description', 'category', 'priority', 'projectId', 'nonce'] as const)
    .map((k) => (form[k] ? `<input type="hidden" name="${k}" value="${escape(String(form[k]))}">` : ''))
    .join('');

/** Suggested articles for what the customer wrote, before their request goes out. */
function suggestionsPage(helpPath: string, form: RaiseForm, suggestions: ArticleSuggestion[]): string {
  const items = suggestions
    .map((a) => {
      const excerpt = a.excerpt.map((p) => (p.match ? `<mark>${escape(p.text)}</mark>` : escape(p.text))).join('');
      return `<div class="msg"><h3><a href="${escape(`${helpPath}/articles/${a.id}`)}">${escape(a.title)}</a></h3><p>${excerpt}</p>
<form method="post">${hiddenFields(form)}<input type="hidden" name="step" value="deflected"><input type="hidden" name="articleId" value="${a.id}"><button>This answers my question</button></form></div>`;
    })
    .join('');
  return page(
    'Before you send it',
    `<h1>Before you send it</h1><p>These articles may already answer "${escape(form.subject)}".</p>${items}
<form method="post">${hiddenFields(form)}<input type="hidden" name="step" value="raise"><button>None of these: send my request</button></form>`,
  );
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
<form method="post"><input type="hidden" name="nonce" value="${randomUUID()}"><input type="hidden" name="step" value="suggest">
<label for="subject">Subject</label><input id="subject" name="subject" maxlength="200" required>
<label for="description">What happened, and what did you expect?</label><textarea id="description" name="description" rows="8" maxlength="20000" required></textarea>
<label for="category">About</label><select id="category" name="category">${options(CUSTOMER_CATEGORIES, (v) => v[0]!.toUpperCase() + v.slice(1))}</select>
<label for="priority">How urgent</label><select id="priority" name="priority">${options(PRIORITIES, (v) => PRIORITY_TEXT[v as (typeof PRIORITIES)[number]], 'normal')}</select>
${projects}<button>Continue</button></form>`,
        ),
      );
    } catch (err) {
      sendError(req, res, err);
    }
  });

  router.get('/help/:token/articles/:articleId', async (req, res) => {
    try {
      await customerForLink(deps, req.params.token);
      const id = req.params.articleId;
      const article = /^[0-9a-f-]{36}$/i.test(id) ? await deps.db.knowledgeArticle.findFirst({ where: { id, published: true }, select: { title: true, body: true, updatedAt: true } }) : null;
      if (!article) throw new AppError('not_found', 'No such article');
      if (wantsJson(req)) return void res.json(article);
      res.type('html').send(page(article.title, `<h1>${escape(article.title)}</h1><p class="note">Updated ${article.updatedAt.toISOString().slice(0, 10)}</p><p>${escape(article.body)}</p>`));
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
      const requestKey = `customer:${c.id}:${key}`;
      if (body.step === 'suggest') {
        const suggestions = await suggestArticles(deps.db, `${body.subject}\n${body.description}`, { category: body.category });
        if (suggestions.length) {
          if (wantsJson(req)) return void res.json({ suggestions });
          return void res.type('html').send(suggestionsPage(req.baseUrl + req.path, body, suggestions));
        }
      }
      if (body.step === 'deflected') {
        const article = await deps.db.knowledgeArticle.findFirst({ where: { id: body.articleId, published: true }, select: { id: true } });
        if (!article) throw new AppError('validation_failed', 'No such article', { fields: [{ field: 'articleId', message: 'One of the suggested articles' }] });
        await deps.db.supportDeflection.createMany({ data: [{ key: requestKey, customerId: c.id, articleId: article.id, subject: body.subject.trim() }], skipDuplicates: true });
        await recordLinkAction(deps, req, 'support-help', { action: 'answered-by-article' });
        if (wantsJson(req)) return void res.json({ deflected: true });
        return void res.type('html').send(page('Glad it helped', '<h1>Glad it helped</h1><p>Nothing was sent. Come back here whenever you need us.</p>'));
      }
      await recordLinkAction(deps, req, 'support-help', { action: 'raise-ticket' });
      const raised = await raiseTicket(
        deps,
        c.id,
        { subject: body.subject.trim(), description: body.description.trim(), category: body.category, priority: body.priority, projectId, raisedBy: 'customer', channel: 'customer-link' },
        requestKey,
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
