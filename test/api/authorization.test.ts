// Who may call what: every /api route without credentials (401 + WWW-Authenticate: Bearer), with
// a garbage token (401), with a role that lacks permission (403) and with the right role (its
// success status). Then the credentials themselves: API tokens (roles, hashing, revocation),
// sessions (logout, expiry, cookie), logins, deactivation and password changes, password hashing,
// and user creation's validation. On a real dev server, worker and PostgreSQL.
import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { createApp } from '../../api/app';
import { ROLES, type Role } from '../../api/auth/roles';
import { DEV_USER_PASSWORD } from '../../platform/config';
import { createLogger } from '../../platform/logger';
import { journeyStateQuery } from '../../workflows/runtime/definitions';
import { bugFailedJourney } from '../support/failed-journey';
import { startHarness, type Harness } from '../support/harness';
import { eventually, request, type JsonResponse } from '../support/http';
import { followUpQualified, lead } from '../support/fixtures';
import { servedRoutes } from '../support/served-routes';
import { buildOpenApiDocument } from '../../api/openapi/document';
import { allOperations } from '../../api/operations';
import { createActivities } from '../../activities/registry';
import type { ReportActivities } from '../../activities/retention/report';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  ctx = await buildContext();
}, 180_000);
afterAll(() => h?.stop());

type Req = { method: string; path: string; body?: unknown; headers?: Record<string, string> };
const call = (token: string | undefined, r: Req) => request(h.baseUrl, r.method, r.path, r.body, token, r.headers ?? {});
const tokenOf = (role: Role) => h.users[role].token;
const unique = (prefix: string) => `${prefix}-${randomUUID()}`;
const PASSWORD = 'correct horse battery staple';

async function login(email: string, password: string): Promise<JsonResponse> {
  return request(h.baseUrl, 'POST', '/api/auth/login', { email, password });
}

/** A new user created by the admin through the API, logged in. */
async function newUser(roles: Role[]): Promise<{ id: string; email: string; token: string }> {
  const email = `${unique('user')}@pivotal.test`;
  const created = await call(tokenOf('admin'), { method: 'POST', path: '/api/users', body: { email, name: 'Test User', roles, password: PASSWORD } });
  if (created.status !== 201) throw new Error(`creating a user failed: ${JSON.stringify(created.body)}`);
  const session = await login(email, PASSWORD);
  if (session.status !== 200) throw new Error(`login failed: ${JSON.stringify(session.body)}`);
  return { id: created.body.id, email, token: session.body.token };
}

/** A fresh lead's journey with its open follow-up task (sales queue). */
async function salesTask(): Promise<{ journeyId: string; customerId: string; taskId: string }> {
  const res = await request(h.baseUrl, 'POST', '/api/leads', lead());
  if (res.status !== 201) throw new Error(`lead failed: ${JSON.stringify(res.body)}`);
  const task = await eventually(
    () => h.db.task.findFirst({ where: { journeyId: res.body.journeyId, status: 'OPEN' } }),
    (t) => t !== null,
  );
  // Settle on the workflow waiting on it too: a completion the moment the row shows is the
  // business of human-tasks.test.ts, not of this file.
  const handle = h.env.client.workflow.getHandle(res.body.journeyId);
  await eventually(() => handle.query(journeyStateQuery), (s) => s.waitingOn.some((w) => w.key === task!.id));
  return { journeyId: res.body.journeyId, customerId: res.body.customerId, taskId: task!.id };
}

async function newApiToken(roles: Role[]): Promise<{ id: string; token: string; name: string }> {
  const res = await call(tokenOf('admin'), { method: 'POST', path: '/api/api-tokens', body: { name: unique('token'), roles } });
  if (res.status !== 201) throw new Error(`token failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

type Ctx = {
  journeyId: string;
  customerId: string;
  taskId: string;
  userId: string;
  tokenId: string;
  notificationId: string;
  deliveryId: string;
  milestoneId: string;
  articleId: string;
  ticketId: string;
  attachmentId: string;
  invoiceId: string;
  contractId: string;
  reportId: string;
  savedViewId: string;
};
let ctx: Ctx;

/** A support ticket of `customerId`, raised by support, once its journey has recorded it. */
async function newTicket(customerId: string): Promise<string> {
  const res = await call(tokenOf('support'), { method: 'POST', path: '/api/tickets', body: { customerId, subject: unique('Ticket'), description: 'Help', category: 'question' } });
  if (res.status !== 201) throw new Error(`ticket failed: ${JSON.stringify(res.body)}`);
  return (await eventually(() => h.db.supportTicket.findUnique({ where: { journeyId: res.body.journeyId } }), Boolean))!.id;
}

/** A saved view of the journeys list, the PM's. */
async function newSavedView(): Promise<string> {
  const res = await call(tokenOf('pm'), { method: 'POST', path: '/api/saved-views', body: { resource: 'journeys', name: unique('View'), filter: { status: 'RUNNING' } } });
  if (res.status !== 201) throw new Error(`saved view failed: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** A knowledge-base article, written by support. */
async function newArticle(): Promise<string> {
  const res = await call(tokenOf('support'), { method: 'POST', path: '/api/knowledge-articles', body: { title: unique('Article'), body: 'How to.' } });
  if (res.status !== 201) throw new Error(`article failed: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/**
 * A running delivery journey without the acquisition before it: its project and quote written
 * directly, the workflow started through the client (the journeys' own tests drive the real path).
 */
async function deliveryJourney(customerId: string, acquisitionId: string): Promise<{ deliveryId: string; milestoneId: string; contractId: string }> {
  const quote = await h.db.quote.create({
    data: {
      journeyId: acquisitionId,
      customerId,
      version: 1,
      status: 'APPROVED',
      currency: 'USD',
      subtotalMinor: 100_000,
      totalMinor: 100_000,
      lineItems: { create: [{ position: 1, description: 'Build', quantity: 1, unitPriceMinor: 100_000, totalMinor: 100_000 }] },
    },
  });
  const contract = await h.db.contract.create({
    data: { journeyId: acquisitionId, quoteId: quote.id, status: 'SIGNED', provider: 'local', envelopeId: unique('local-env'), document: new TextEncoder().encode('%PDF-1.7 test') },
  });
  const project = await h.db.project.create({ data: { journeyId: acquisitionId, customerId, quoteId: quote.id, name: 'Authorization test project' } });
  const deliveryId = `journey:${customerId}:delivery:1`;
  await h.env.client.workflow.start('deliveryJourney', {
    workflowId: deliveryId,
    taskQueue: h.taskQueue,
    args: [{ journeyId: deliveryId, customerId, projectId: project.id, acquisitionJourneyId: acquisitionId }],
  });
  const milestone = await eventually(() => h.db.milestone.findFirst({ where: { projectId: project.id } }), Boolean);
  return { deliveryId, milestoneId: milestone!.id, contractId: contract.id };
}

/** A quarterly review's report for the customer, prepared by the activity on a retention journey written directly. */
async function reviewReport(customerId: string): Promise<string> {
  const journeyId = `journey:${customerId}:retention:1`;
  await h.db.journey.create({ data: { id: journeyId, kind: 'retention', customerId, stage: 'first-year' } });
  const { prepareReport } = createActivities({ db: h.db, config: h.config }) as unknown as ReportActivities;
  return (await prepareReport({ journeyId, customerId, kind: 'quarterly-review', periodStart: '2026-04-01T00:00:00.000Z', periodEnd: '2026-07-01T00:00:00.000Z' })).reportId;
}

/** An invoice paid in full, on an ended billing journey, written directly. */
async function paidInvoice(customerId: string): Promise<string> {
  const journeyId = `journey:${customerId}:billing:${randomUUID()}`;
  await h.db.journey.create({ data: { id: journeyId, kind: 'billing', customerId, stage: 'paid', status: 'COMPLETED' } });
  const invoice = await h.db.invoice.create({
    data: { number: unique('INV'), journeyId, customerId, status: 'PAID', currency: 'USD', subtotalMinor: 10_000, totalMinor: 10_000, paidMinor: 10_000 },
  });
  return invoice.id;
}

async function buildContext(): Promise<Ctx> {
  const t = await salesTask();
  const token = await newApiToken(['support']);
  const notification = await h.db.notification.create({
    data: { key: unique('test-notice'), kind: 'task_reminder', title: 'Test notice', recipientRole: 'sales', journeyId: t.journeyId, taskId: t.taskId },
  });
  const ticketId = await newTicket(t.customerId);
  return {
    ...t,
    userId: h.users.pm.id,
    tokenId: token.id,
    notificationId: notification.id,
    articleId: await newArticle(),
    ticketId,
    attachmentId: (await h.db.ticketAttachment.create({ data: { ticketId, filename: 'a.json', contentType: 'application/json', size: 11, data: new TextEncoder().encode('{"ok":true}'), uploadedBy: 'customer' } })).id,
    invoiceId: await paidInvoice(t.customerId),
    reportId: await reviewReport(t.customerId),
    savedViewId: await newSavedView(),
    ...(await deliveryJourney(t.customerId, t.journeyId)),
  };
}

const enc = encodeURIComponent;

/**
 * One row per protected route. `req` is what the unauthenticated, garbage-token and forbidden calls
 * send (bodies valid, so that only the role can be the reason for a refusal); `ok` is a call by a
 * role that may use the route (on fresh data when it changes something) and the status it must get.
 */
type Row = {
  route: string;
  req: (c: Ctx) => Req;
  forbidden?: Role[];
  /** `error`: the error code a call past the role check still gets (a body the route refuses), if any. */
  ok: { role: Role; status: number; error?: string; req?: (c: Ctx) => Promise<Req>; token?: () => Promise<string> };
};

const rows: Row[] = [
  {
    route: 'POST /api/auth/logout',
    req: () => ({ method: 'POST', path: '/api/auth/logout' }),
    ok: { role: 'finance', status: 204, token: async () => (await login('finance@pivotal.test', DEV_USER_PASSWORD)).body.token },
  },
  { route: 'GET /api/auth/me', req: () => ({ method: 'GET', path: '/api/auth/me' }), ok: { role: 'pm', status: 200 } },
  { route: 'GET /api/tasks', req: () => ({ method: 'GET', path: '/api/tasks' }), ok: { role: 'pm', status: 200 } },
  { route: 'GET /api/tasks/:id', req: (c) => ({ method: 'GET', path: `/api/tasks/${c.taskId}` }), ok: { role: 'sales', status: 200 } },
  {
    route: 'POST /api/tasks/:id/claim',
    req: (c) => ({ method: 'POST', path: `/api/tasks/${c.taskId}/claim` }),
    ok: { role: 'sales', status: 200, req: async () => ({ method: 'POST', path: `/api/tasks/${(await salesTask()).taskId}/claim` }) },
  },
  {
    route: 'POST /api/tasks/:id/unclaim',
    req: (c) => ({ method: 'POST', path: `/api/tasks/${c.taskId}/unclaim` }),
    ok: {
      role: 'sales',
      status: 200,
      req: async () => {
        const { taskId } = await salesTask();
        const claimed = await call(tokenOf('sales'), { method: 'POST', path: `/api/tasks/${taskId}/claim` });
        expect(claimed.status).toBe(200);
        return { method: 'POST', path: `/api/tasks/${taskId}/unclaim` };
      },
    },
  },
  {
    route: 'POST /api/tasks/:id/assign',
    req: (c) => ({ method: 'POST', path: `/api/tasks/${c.taskId}/assign`, body: { assignee: null } }),
    forbidden: ['sales'],
    ok: {
      role: 'manager',
      status: 200,
      req: async () => ({ method: 'POST', path: `/api/tasks/${(await salesTask()).taskId}/assign`, body: { assignee: h.users.sales.id } }),
    },
  },
  {
    route: 'POST /api/tasks/:id/due',
    req: (c) => ({ method: 'POST', path: `/api/tasks/${c.taskId}/due`, body: { dueAt: new Date(Date.now() + 86_400_000).toISOString() } }),
    forbidden: ['sales'],
    ok: {
      role: 'manager',
      status: 200,
      req: async () => ({
        method: 'POST',
        path: `/api/tasks/${(await salesTask()).taskId}/due`,
        body: { dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), reason: 'Client away' },
      }),
    },
  },
  {
    route: 'POST /api/tasks/:id/complete',
    req: (c) => ({ method: 'POST', path: `/api/tasks/${c.taskId}/complete`, body: { result: followUpQualified } }),
    ok: {
      role: 'sales',
      status: 200,
      req: async () => ({ method: 'POST', path: `/api/tasks/${(await salesTask()).taskId}/complete`, body: { result: followUpQualified } }),
    },
  },
  {
    route: 'POST /api/tasks/:id/comments',
    req: (c) => ({ method: 'POST', path: `/api/tasks/${c.taskId}/comments`, body: { body: 'Called, no answer' } }),
    ok: { role: 'sales', status: 201 },
  },
  { route: 'GET /api/task-types', req: () => ({ method: 'GET', path: '/api/task-types' }), ok: { role: 'finance', status: 200 } },
  ...['funnel', 'cycle-times', 'bottlenecks', 'support', 'retention', 'journey-map'].map((report): Row => ({
    route: `GET /api/analytics/${report}`,
    req: () => ({ method: 'GET', path: `/api/analytics/${report}` }),
    forbidden: ['sales', 'pm', 'finance', 'support', 'support_lead', 'success'],
    ok: { role: 'manager', status: 200 },
  })),
  { route: 'GET /api/search', req: () => ({ method: 'GET', path: '/api/search?q=northwind' }), ok: { role: 'success', status: 200 } },
  { route: 'GET /api/journey-kinds', req: () => ({ method: 'GET', path: '/api/journey-kinds' }), ok: { role: 'sales', status: 200 } },
  { route: 'GET /api/journey-kinds/:id', req: () => ({ method: 'GET', path: '/api/journey-kinds/delivery' }), ok: { role: 'pm', status: 200 } },
  { route: 'GET /api/journeys', req: () => ({ method: 'GET', path: '/api/journeys' }), ok: { role: 'support', status: 200 } },
  { route: 'GET /api/journeys/:id', req: (c) => ({ method: 'GET', path: `/api/journeys/${enc(c.journeyId)}` }), ok: { role: 'pm', status: 200 } },
  {
    route: 'POST /api/journeys/:id/cancel',
    req: (c) => ({ method: 'POST', path: `/api/journeys/${enc(c.journeyId)}/cancel`, body: { reason: 'Customer went quiet' } }),
    forbidden: ['sales', 'pm', 'finance', 'support'],
    ok: {
      role: 'manager',
      status: 200,
      req: async () => ({
        method: 'POST',
        path: `/api/journeys/${enc((await salesTask()).journeyId)}/cancel`,
        body: { reason: 'Customer went quiet' },
      }),
    },
  },
  {
    route: 'POST /api/journeys/:id/retry',
    req: (c) => ({ method: 'POST', path: `/api/journeys/${enc(c.journeyId)}/retry`, body: { reason: 'The cause is fixed' } }),
    forbidden: ['sales', 'pm', 'finance', 'support'],
    ok: {
      role: 'manager',
      status: 200,
      req: async () => ({ method: 'POST', path: `/api/journeys/${enc(await bugFailedJourney(h))}/retry`, body: { reason: 'The cause is fixed' } }),
    },
  },
  { route: 'GET /api/waits', req: () => ({ method: 'GET', path: '/api/waits' }), ok: { role: 'finance', status: 200 } },
  { route: 'GET /api/customers', req: () => ({ method: 'GET', path: '/api/customers' }), ok: { role: 'support', status: 200 } },
  { route: 'GET /api/customers/:id', req: (c) => ({ method: 'GET', path: `/api/customers/${c.customerId}` }), ok: { role: 'pm', status: 200 } },
  { route: 'GET /api/users', req: () => ({ method: 'GET', path: '/api/users' }), ok: { role: 'sales', status: 200 } },
  {
    route: 'POST /api/users',
    req: () => ({
      method: 'POST',
      path: '/api/users',
      body: { email: `${unique('intruder')}@pivotal.test`, name: 'Intruder', roles: ['admin'], password: PASSWORD },
    }),
    forbidden: ['sales', 'pm', 'finance', 'support', 'manager'],
    ok: { role: 'admin', status: 201 },
  },
  {
    route: 'PATCH /api/users/:id',
    req: (c) => ({ method: 'PATCH', path: `/api/users/${c.userId}`, body: { roles: ['admin'] } }),
    forbidden: ['sales', 'pm', 'manager'],
    ok: {
      role: 'admin',
      status: 200,
      req: async () => ({ method: 'PATCH', path: `/api/users/${(await newUser(['support'])).id}`, body: { name: 'Renamed' } }),
    },
  },
  {
    route: 'GET /api/api-tokens',
    req: () => ({ method: 'GET', path: '/api/api-tokens' }),
    forbidden: ['sales', 'pm', 'finance', 'support', 'manager'],
    ok: { role: 'admin', status: 200 },
  },
  {
    route: 'POST /api/api-tokens',
    req: () => ({ method: 'POST', path: '/api/api-tokens', body: { name: unique('sneaky'), roles: ['admin'] } }),
    forbidden: ['sales', 'manager'],
    ok: { role: 'admin', status: 201 },
  },
  {
    route: 'DELETE /api/api-tokens/:id',
    req: (c) => ({ method: 'DELETE', path: `/api/api-tokens/${c.tokenId}` }),
    forbidden: ['sales', 'manager'],
    ok: { role: 'admin', status: 204, req: async () => ({ method: 'DELETE', path: `/api/api-tokens/${(await newApiToken(['pm'])).id}` }) },
  },
  {
    route: 'GET /api/external-events',
    req: () => ({ method: 'GET', path: '/api/external-events' }),
    forbidden: ['sales', 'pm', 'finance', 'support'],
    ok: { role: 'manager', status: 200 },
  },
  {
    route: 'POST /api/journeys/:id/change-requests',
    req: (c) => ({ method: 'POST', path: `/api/journeys/${enc(c.deliveryId)}/change-requests`, body: { title: 'More pages', description: 'Two more', costMinor: 100, days: 1 } }),
    forbidden: ['sales', 'finance', 'support'],
    ok: { role: 'pm', status: 201 },
  },
  {
    route: 'POST /api/time-entries',
    req: (c) => ({ method: 'POST', path: '/api/time-entries', body: { milestoneId: c.milestoneId, date: '2026-12-01', hours: 1, rateMinor: 100, description: 'Work' } }),
    forbidden: ['sales', 'finance', 'support'],
    ok: { role: 'manager', status: 201 },
  },
  { route: 'GET /api/time-entries', req: () => ({ method: 'GET', path: '/api/time-entries' }), ok: { role: 'support', status: 200 } },
  {
    route: 'GET /api/invoices',
    req: () => ({ method: 'GET', path: '/api/invoices' }),
    forbidden: ['sales', 'pm', 'support'],
    ok: { role: 'finance', status: 200 },
  },
  {
    route: 'GET /api/contracts/:id/document',
    req: (c) => ({ method: 'GET', path: `/api/contracts/${c.contractId}/document` }),
    forbidden: ['pm', 'support'],
    ok: { role: 'sales', status: 200 },
  },
  {
    route: 'GET /api/invoices/export',
    req: () => ({ method: 'GET', path: '/api/invoices/export' }),
    forbidden: ['sales', 'pm', 'support'],
    ok: { role: 'finance', status: 200 },
  },
  {
    route: 'GET /api/invoices/:id/pdf',
    req: (c) => ({ method: 'GET', path: `/api/invoices/${c.invoiceId}/pdf` }),
    forbidden: ['sales', 'pm', 'support'],
    ok: { role: 'manager', status: 200 },
  },
  {
    route: 'POST /api/invoices/:id/payments',
    req: (c) => ({ method: 'POST', path: `/api/invoices/${c.invoiceId}/payments`, body: { amountMinor: 100, reference: 'BT-1' } }),
    forbidden: ['sales', 'pm', 'support'],
    // Finance may: the invoice is paid, so it is the invoice that refuses.
    ok: { role: 'finance', status: 409, error: 'conflict' },
  },
  {
    route: 'GET /api/invoices/:id',
    req: (c) => ({ method: 'GET', path: `/api/invoices/${c.invoiceId}` }),
    forbidden: ['sales', 'pm', 'support'],
    ok: { role: 'finance', status: 200 },
  },
  {
    route: 'POST /api/invoices/:id/credit-notes',
    req: (c) => ({ method: 'POST', path: `/api/invoices/${c.invoiceId}/credit-notes`, body: { amountMinor: 100, reason: 'Goodwill' }, headers: { 'Idempotency-Key': 'auth-1' } }),
    forbidden: ['sales', 'pm', 'support'],
    // Finance may: the invoice is paid, so it is the invoice that refuses.
    ok: { role: 'finance', status: 409, error: 'conflict' },
  },
  {
    route: 'GET /api/invoices/:id/credit-notes/:creditNoteId/pdf',
    req: (c) => ({ method: 'GET', path: `/api/invoices/${c.invoiceId}/credit-notes/${randomUUID()}/pdf` }),
    forbidden: ['sales', 'pm', 'support'],
    ok: {
      role: 'manager',
      status: 200,
      req: async (c) => {
        const invoice = await h.db.invoice.findUniqueOrThrow({ where: { id: c.invoiceId } });
        const note = await h.db.creditNote.create({ data: { number: `CN-AUTH-${randomUUID()}`, invoiceId: invoice.id, sequence: 1000 + Math.floor(Math.random() * 1e6), amountMinor: 1, currency: invoice.currency, reason: 'Authorization test', idempotencyKey: randomUUID(), issuedBy: 'test' } });
        return { method: 'GET', path: `/api/invoices/${invoice.id}/credit-notes/${note.id}/pdf` };
      },
    },
  },
  {
    route: 'POST /api/invoices/:id/notices',
    req: (c) => ({ method: 'POST', path: `/api/invoices/${c.invoiceId}/notices`, body: { notice: 'reminder' } }),
    forbidden: ['sales', 'pm', 'support'],
    // A manager may: the invoice is paid, so it is the invoice that refuses.
    ok: { role: 'manager', status: 409, error: 'conflict' },
  },
  { route: 'GET /api/knowledge-articles', req: () => ({ method: 'GET', path: '/api/knowledge-articles' }), ok: { role: 'sales', status: 200 } },
  { route: 'GET /api/knowledge-articles/suggestions', req: () => ({ method: 'GET', path: '/api/knowledge-articles/suggestions?q=password' }), ok: { role: 'finance', status: 200 } },
  { route: 'GET /api/knowledge-articles/:id', req: (c) => ({ method: 'GET', path: `/api/knowledge-articles/${c.articleId}` }), ok: { role: 'pm', status: 200 } },
  {
    route: 'POST /api/knowledge-articles',
    req: () => ({ method: 'POST', path: '/api/knowledge-articles', body: { title: 'Intruder', body: 'Not theirs to write.' } }),
    forbidden: ['sales', 'pm', 'finance'],
    ok: { role: 'support_lead', status: 201 },
  },
  {
    route: 'PATCH /api/knowledge-articles/:id',
    req: (c) => ({ method: 'PATCH', path: `/api/knowledge-articles/${c.articleId}`, body: { title: 'Intruder' } }),
    forbidden: ['sales', 'pm', 'finance'],
    ok: { role: 'support', status: 200, req: async (c) => ({ method: 'PATCH', path: `/api/knowledge-articles/${c.articleId}`, body: { published: true } }) },
  },
  {
    route: 'DELETE /api/knowledge-articles/:id',
    req: (c) => ({ method: 'DELETE', path: `/api/knowledge-articles/${c.articleId}` }),
    forbidden: ['sales', 'pm', 'finance'],
    ok: { role: 'manager', status: 200, req: async () => ({ method: 'DELETE', path: `/api/knowledge-articles/${await newArticle()}` }) },
  },
  { route: 'GET /api/tickets', req: () => ({ method: 'GET', path: '/api/tickets' }), forbidden: ['sales', 'pm', 'finance'], ok: { role: 'support', status: 200 } },
  { route: 'GET /api/tickets/:id', req: (c) => ({ method: 'GET', path: `/api/tickets/${c.ticketId}` }), forbidden: ['sales', 'pm', 'finance'], ok: { role: 'support_lead', status: 200 } },
  {
    route: 'GET /api/tickets/:id/attachments/:attachmentId',
    req: (c) => ({ method: 'GET', path: `/api/tickets/${c.ticketId}/attachments/${c.attachmentId}` }),
    forbidden: ['sales', 'pm', 'finance'],
    ok: { role: 'manager', status: 200 },
  },
  {
    route: 'POST /api/tickets',
    req: (c) => ({ method: 'POST', path: '/api/tickets', body: { customerId: c.customerId, subject: 'Help', description: 'Please', category: 'question' } }),
    forbidden: ['sales', 'pm', 'finance'],
    ok: { role: 'support', status: 201 },
  },
  {
    // Past the role check, a JSON body is refused for not being a file: 415.
    route: 'POST /api/tickets/:id/attachments',
    req: (c) => ({ method: 'POST', path: `/api/tickets/${c.ticketId}/attachments`, body: { file: 'x' } }),
    forbidden: ['sales', 'pm', 'finance'],
    ok: { role: 'support', status: 415, error: 'unsupported_media_type' },
  },
  {
    route: 'POST /api/tickets/:id/replies',
    req: (c) => ({ method: 'POST', path: `/api/tickets/${c.ticketId}/replies`, body: { id: randomUUID(), body: 'A note', internal: true } }),
    forbidden: ['sales', 'pm', 'finance'],
    ok: { role: 'support', status: 200 },
  },
  {
    route: 'POST /api/tickets/:id/triage',
    req: (c) => ({ method: 'POST', path: `/api/tickets/${c.ticketId}/triage`, body: { priority: 'low', reason: 'Testing' } }),
    forbidden: ['sales', 'pm', 'finance'],
    ok: { role: 'support_lead', status: 200 },
  },
  {
    // Past the role check, the fixture's ticket is about no project, so it takes no time: 409.
    route: 'POST /api/tickets/:id/time-entries',
    req: (c) => ({ method: 'POST', path: `/api/tickets/${c.ticketId}/time-entries`, body: { date: '2026-12-01', hours: 1, rateMinor: 100, description: 'Work' } }),
    forbidden: ['sales', 'pm', 'finance'],
    ok: { role: 'support', status: 409, error: 'conflict' },
  },
  {
    route: 'POST /api/tickets/:id/close',
    req: (c) => ({ method: 'POST', path: `/api/tickets/${c.ticketId}/close`, body: { as: 'spam' } }),
    forbidden: ['sales', 'pm', 'finance'],
    ok: { role: 'manager', status: 200, req: async (c) => ({ method: 'POST', path: `/api/tickets/${await newTicket(c.customerId)}/close`, body: { as: 'spam' } }) },
  },
  {
    // The fixture's customer has no account (no project was handed over): past the role check, 404.
    route: 'GET /api/customers/:id/account',
    req: (c) => ({ method: 'GET', path: `/api/customers/${c.customerId}/account` }),
    ok: { role: 'sales', status: 404, error: 'not_found' },
  },
  {
    route: 'PATCH /api/customers/:id/account',
    req: (c) => ({ method: 'PATCH', path: `/api/customers/${c.customerId}/account`, body: { earlyCadence: 'monthly' } }),
    forbidden: ['sales', 'pm', 'finance', 'support', 'support_lead'],
    ok: { role: 'success', status: 404, error: 'not_found' },
  },
  {
    route: 'POST /api/customers/:id/account/referral-code',
    req: (c) => ({ method: 'POST', path: `/api/customers/${c.customerId}/account/referral-code` }),
    forbidden: ['sales', 'pm', 'finance', 'support', 'support_lead'],
    ok: { role: 'success', status: 404, error: 'not_found' },
  },
  {
    route: 'POST /api/customers/:id/account/opportunities',
    req: (c) => ({ method: 'POST', path: `/api/customers/${c.customerId}/account/opportunities`, body: { id: '00000000-0000-4000-8000-000000000001', projectType: 'App', budgetRange: '$10K', timeline: 'Soon', description: 'More work', source: 'account' } }),
    forbidden: ['pm', 'finance', 'support_lead'],
    ok: { role: 'sales', status: 404, error: 'not_found' },
  },
  {
    route: 'POST /api/customers/:id/account/end',
    req: (c) => ({ method: 'POST', path: `/api/customers/${c.customerId}/account/end`, body: { reason: 'Leaving' } }),
    forbidden: ['sales', 'pm', 'finance', 'support', 'support_lead', 'success'],
    ok: { role: 'manager', status: 404, error: 'not_found' },
  },
  {
    // Clearing a last day the fixture's signed contract does not have: past the role check, nothing changes.
    route: 'PATCH /api/contracts/:id',
    req: (c) => ({ method: 'PATCH', path: `/api/contracts/${c.contractId}`, body: { endsOn: null } }),
    forbidden: ['pm', 'finance', 'support', 'support_lead'],
    ok: { role: 'sales', status: 200 },
  },
  {
    route: 'GET /api/account-reports/:id',
    req: (c) => ({ method: 'GET', path: `/api/account-reports/${c.reportId}` }),
    forbidden: ['sales', 'pm', 'finance', 'support', 'support_lead'],
    ok: { role: 'success', status: 200 },
  },
  {
    route: 'GET /api/account-reports/:id/pdf',
    req: (c) => ({ method: 'GET', path: `/api/account-reports/${c.reportId}/pdf` }),
    forbidden: ['sales', 'pm', 'finance', 'support', 'support_lead'],
    ok: { role: 'manager', status: 200 },
  },
  { route: 'GET /api/emails', req: () => ({ method: 'GET', path: '/api/emails' }), ok: { role: 'support', status: 200 } },
  { route: 'GET /api/saved-views', req: () => ({ method: 'GET', path: '/api/saved-views?resource=tasks' }), ok: { role: 'finance', status: 200 } },
  {
    route: 'POST /api/saved-views',
    req: () => ({ method: 'POST', path: '/api/saved-views', body: { resource: 'journeys', name: unique('View'), filter: { status: 'RUNNING' } } }),
    ok: { role: 'sales', status: 201 },
  },
  {
    // Only the owner: others get a 404 (test/api/saved-views.test.ts).
    route: 'PATCH /api/saved-views/:id',
    req: (c) => ({ method: 'PATCH', path: `/api/saved-views/${c.savedViewId}`, body: { name: unique('Renamed') } }),
    ok: { role: 'pm', status: 200 },
  },
  {
    route: 'DELETE /api/saved-views/:id',
    req: (c) => ({ method: 'DELETE', path: `/api/saved-views/${c.savedViewId}` }),
    ok: { role: 'pm', status: 204, req: async () => ({ method: 'DELETE', path: `/api/saved-views/${await newSavedView()}` }) },
  },
  { route: 'GET /api/notifications', req: () => ({ method: 'GET', path: '/api/notifications' }), ok: { role: 'pm', status: 200 } },
  {
    route: 'POST /api/notifications/:id/read',
    req: (c) => ({ method: 'POST', path: `/api/notifications/${c.notificationId}/read` }),
    ok: { role: 'sales', status: 204 },
  },
];

const PUBLIC_ROUTES = ['POST /api/leads', 'POST /api/auth/login', 'GET /api/openapi.json', 'GET /api/docs'];

describe('the route table', () => {
  it('covers every route the API serves', () => {
    // Read the routes off the Express app itself, so a new route fails here until it is in the matrix.
    const app = createApp({ db: h.db, temporal: h.env.client, config: h.config, log: createLogger('silent', 'test') });
    const found = servedRoutes(app).filter((r) => r.split(' ')[1]!.startsWith('/api/'));
    expect(found.length).toBeGreaterThan(20);
    expect(found.sort()).toEqual([...rows.map((r) => r.route), ...PUBLIC_ROUTES].sort());
  });
});

describe('the roles the OpenAPI document declares', () => {
  // The matrix above is what the API enforces (the calls below prove it): the document must agree.
  const document = buildOpenApiDocument(allOperations, 'test') as any;
  it.each(rows.map((r) => [r.route, r] as const))('%s', (_name, row) => {
    const [method, path] = row.route.split(' ') as [string, string];
    const op = document.paths[path.replace(/:(\w+)/g, '{$1}')][method.toLowerCase()];
    const declared: Role[] = op['x-roles'];
    if (!declared.length) {
      expect(op['x-access']).toBe('signed-in');
      expect(row.forbidden ?? []).toEqual([]);
      return;
    }
    expect(declared.includes(row.ok.role) || row.ok.role === 'admin').toBe(true);
    for (const role of row.forbidden ?? []) expect(declared).not.toContain(role);
  });
  it('names the public routes public', () => {
    for (const route of PUBLIC_ROUTES) {
      const [method, path] = route.split(' ') as [string, string];
      expect(document.paths[path][method.toLowerCase()]['x-access']).toBe('public');
    }
  });
});

describe('without credentials', () => {
  it.each(rows.map((r) => [r.route, r] as const))('%s → 401 with WWW-Authenticate: Bearer', async (_name, row) => {
    const res = await call(undefined, row.req(ctx));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('the contact form and login are public', async () => {
    expect((await call(undefined, { method: 'POST', path: '/api/leads', body: lead() })).status).toBe(201);
    expect((await login('support@pivotal.test', DEV_USER_PASSWORD)).status).toBe(200);
  });

  it('changes nothing when refused', async () => {
    const email = `${unique('anon')}@pivotal.test`;
    const res = await call(undefined, { method: 'POST', path: '/api/users', body: { email, name: 'Anon', roles: ['admin'], password: PASSWORD } });
    expect(res.status).toBe(401);
    expect(await h.db.user.count({ where: { email } })).toBe(0);
    const cancel = await call(undefined, { method: 'POST', path: `/api/journeys/${enc(ctx.journeyId)}/cancel`, body: { reason: 'anonymous' } });
    expect(cancel.status).toBe(401);
    expect((await h.db.journey.findUniqueOrThrow({ where: { id: ctx.journeyId } })).status).toBe('RUNNING');
  });
});

describe('with a credential that is not valid', () => {
  const garbage = ['pfs_thisIsNotARealSessionToken', 'pft_thisIsNotARealApiToken', 'garbage'];
  it.each(rows.map((r) => [r.route, r] as const))('%s → 401 for a garbage bearer token', async (_name, row) => {
    for (const token of garbage) {
      const res = await call(token, row.req(ctx));
      expect({ token, status: res.status, header: res.headers.get('www-authenticate') }).toEqual({ token, status: 401, header: 'Bearer' });
    }
  });

  it('a garbage session cookie or a non-Bearer Authorization header is no credential either', async () => {
    const cookie = await fetch(`${h.baseUrl}/api/auth/me`, { headers: { cookie: 'pf_session=pfs_garbage' } });
    expect(cookie.status).toBe(401);
    const basic = await fetch(`${h.baseUrl}/api/auth/me`, {
      headers: { authorization: `Basic ${Buffer.from(`sales@pivotal.test:${DEV_USER_PASSWORD}`).toString('base64')}` },
    });
    expect(basic.status).toBe(401);
  });
});

describe('with a role that lacks permission', () => {
  const forbidden = rows.flatMap((r) => (r.forbidden ?? []).map((role) => [r.route, role, r] as const));
  it.each(forbidden)('%s as %s → 403', async (_name, role, row) => {
    const res = await call(tokenOf(role), row.req(ctx));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('a refused call changes nothing', async () => {
    // The forbidden rows above ran against these: the journey runs, pm kept its roles, no intruder exists.
    expect((await h.db.journey.findUniqueOrThrow({ where: { id: ctx.journeyId } })).status).toBe('RUNNING');
    expect((await h.db.user.findUniqueOrThrow({ where: { id: h.users.pm.id } })).roles).toEqual(['pm']);
    expect(await h.db.user.count({ where: { name: 'Intruder' } })).toBe(0);
    expect(await h.db.knowledgeArticle.count({ where: { title: 'Intruder' } })).toBe(0);
    expect(await h.db.apiToken.count({ where: { name: { startsWith: 'sneaky-' } } })).toBe(0);
    expect((await h.db.apiToken.findUniqueOrThrow({ where: { id: ctx.tokenId } })).revokedAt).toBeNull();
    expect((await h.db.task.findUniqueOrThrow({ where: { id: ctx.taskId } })).assignee).toBeNull();
  });
});

describe('with the right role', () => {
  it.each(rows.map((r) => [r.route, r.ok.role, r] as const))('%s as %s → success', async (_name, role, row) => {
    const req = row.ok.req ? await row.ok.req(ctx) : row.req(ctx);
    const token = row.ok.token ? await row.ok.token() : tokenOf(role);
    const res = await call(token, req);
    expect({ status: res.status, error: res.body?.error?.code }).toEqual({ status: row.ok.status, error: row.ok.error });
  });

  it('admin holds every role: it may cancel a journey and assign a task', async () => {
    const t = await salesTask();
    expect((await call(tokenOf('admin'), { method: 'POST', path: `/api/tasks/${t.taskId}/assign`, body: { assignee: h.users.sales.id } })).status).toBe(200);
    const cancelled = await call(tokenOf('admin'), {
      method: 'POST',
      path: `/api/journeys/${enc(t.journeyId)}/cancel`,
      body: { reason: 'Duplicate of another lead' },
    });
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'CANCELLED' } });
  });
});

describe('API tokens', () => {
  it('are issued by an admin, shown once, stored only as a hash, and carry their roles', async () => {
    const name = unique('finance-relay');
    const issued = await call(tokenOf('admin'), { method: 'POST', path: '/api/api-tokens', body: { name, roles: ['finance'] } });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ id: expect.any(String), name, roles: ['finance'], revokedAt: null, token: expect.stringMatching(/^pft_.{40,}$/) });
    expect(issued.body).not.toHaveProperty('tokenHash');
    const { id, token } = issued.body;

    const row = await h.db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).not.toBe(token);
    expect(row.tokenHash).not.toContain(token.slice(4));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const me = await call(token, { method: 'GET', path: '/api/auth/me' });
    expect(me).toMatchObject({ status: 200, body: { kind: 'token', id, name, roles: ['finance'] } });
    expect((await call(token, { method: 'GET', path: '/api/journeys' })).status).toBe(200);
    for (const req of [
      { method: 'GET', path: '/api/api-tokens' },
      { method: 'POST', path: '/api/api-tokens', body: { name: unique('escalate'), roles: ['admin'] } },
      { method: 'POST', path: '/api/users', body: { email: `${unique('x')}@pivotal.test`, name: 'X', roles: ['admin'], password: PASSWORD } },
      { method: 'PATCH', path: `/api/users/${h.users.finance.id}`, body: { roles: ['admin'] } },
      { method: 'POST', path: `/api/journeys/${enc(ctx.journeyId)}/cancel`, body: { reason: 'finance says so' } },
    ]) {
      expect({ route: `${req.method} ${req.path}`, status: (await call(token, req)).status }).toEqual({ route: `${req.method} ${req.path}`, status: 403 });
    }
    // A finance token sees no sales task.
    expect((await call(token, { method: 'GET', path: `/api/tasks/${ctx.taskId}` })).status).toBe(404);

    await eventually(() => h.db.apiToken.findUniqueOrThrow({ where: { id } }), (t) => t.lastUsedAt !== null);

    const listed = await call(tokenOf('admin'), { method: 'GET', path: '/api/api-tokens' });
    expect(listed.status).toBe(200);
    const mine = listed.body.find((t: any) => t.id === id);
    expect(mine).toMatchObject({ name, roles: ['finance'], revokedAt: null });
    for (const t of listed.body) {
      expect(t).not.toHaveProperty('tokenHash');
      expect(t).not.toHaveProperty('token');
    }
  });

  it('stop working at once when revoked', async () => {
    const { id, token } = await newApiToken(['sales']);
    expect((await call(token, { method: 'GET', path: '/api/auth/me' })).status).toBe(200); // now cached
    expect((await call(tokenOf('admin'), { method: 'DELETE', path: `/api/api-tokens/${id}` })).status).toBe(204);
    const after = await call(token, { method: 'GET', path: '/api/auth/me' });
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toBe('Bearer');
    expect((await h.db.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).not.toBeNull();
    expect((await call(tokenOf('admin'), { method: 'DELETE', path: `/api/api-tokens/${id}` })).status).toBe(404);
    expect((await call(tokenOf('admin'), { method: 'DELETE', path: '/api/api-tokens/not-a-uuid' })).status).toBe(404);
  });

  it('may complete a task of their queue but not claim or comment on it (those are for people)', async () => {
    const { id, token } = await newApiToken(['sales']);
    const t = await salesTask();
    const claim = await call(token, { method: 'POST', path: `/api/tasks/${t.taskId}/claim` });
    expect(claim.status).toBe(403);
    const comment = await call(token, { method: 'POST', path: `/api/tasks/${t.taskId}/comments`, body: { body: 'from a robot' } });
    expect(comment.status).toBe(403);
    const done = await call(token, { method: 'POST', path: `/api/tasks/${t.taskId}/complete`, body: { result: followUpQualified } });
    expect(done.status).toBe(200);
    const task = await h.db.task.findUniqueOrThrow({ where: { id: t.taskId } });
    expect(task).toMatchObject({ status: 'COMPLETED', completedBy: id, assignee: null });
    const event = await h.db.journeyEvent.findFirstOrThrow({ where: { journeyId: t.journeyId, type: 'task_completed' } });
    expect(event.actor).toBe(id);
  });

  it('have unique names and valid roles', async () => {
    const name = unique('dup');
    expect((await call(tokenOf('admin'), { method: 'POST', path: '/api/api-tokens', body: { name, roles: ['pm'] } })).status).toBe(201);
    const dup = await call(tokenOf('admin'), { method: 'POST', path: '/api/api-tokens', body: { name, roles: ['pm'] } });
    expect(dup.status).toBe(409);
    const bad = await call(tokenOf('admin'), { method: 'POST', path: '/api/api-tokens', body: { name: unique('bad'), roles: ['wizard'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: any) => f.field)).toEqual(['roles.0']);
    const none = await call(tokenOf('admin'), { method: 'POST', path: '/api/api-tokens', body: { name: unique('none'), roles: [] } });
    expect(none.status).toBe(400);
    expect(none.body.error.fields).toEqual([{ field: 'roles', message: 'Give at least one role' }]);
  });
});

describe('sessions', () => {
  it('login answers a session token and an httpOnly, SameSite=Strict cookie that both work', async () => {
    const res = await fetch(`${h.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'pm@pivotal.test', password: DEV_USER_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.user).toEqual({ id: h.users.pm.id, email: 'pm@pivotal.test', name: expect.any(String), roles: ['pm'] });
    expect(body.token).toMatch(/^pfs_/);
    const ttlHours = (Date.parse(body.expiresAt) - Date.now()) / 3_600_000;
    expect(ttlHours).toBeGreaterThan(11.9);
    expect(ttlHours).toBeLessThanOrEqual(12);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`pf_session=${body.token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);

    const viaCookie = await fetch(`${h.baseUrl}/api/auth/me`, { headers: { cookie: `pf_session=${body.token}` } });
    expect(viaCookie.status).toBe(200);
    expect(await viaCookie.json()).toMatchObject({ kind: 'user', id: h.users.pm.id, roles: ['pm'] });
    expect((await call(body.token, { method: 'GET', path: '/api/auth/me' })).body).toMatchObject({ id: h.users.pm.id });

    // Only a hash of the session token is stored.
    const sessions = await h.db.session.findMany({ where: { userId: h.users.pm.id } });
    expect(sessions.length).toBeGreaterThan(0);
    for (const s of sessions) expect(s.tokenHash).not.toBe(body.token);
  });

  it('logout ends the session at once, and only that session', async () => {
    const session = await login('sales@pivotal.test', DEV_USER_PASSWORD);
    const token = session.body.token;
    expect((await call(token, { method: 'GET', path: '/api/auth/me' })).status).toBe(200); // now cached
    const out = await call(token, { method: 'POST', path: '/api/auth/logout' });
    expect(out.status).toBe(204);
    const after = await call(token, { method: 'GET', path: '/api/auth/me' });
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toBe('Bearer');
    // The harness's own sales session is another login and still works.
    expect((await h.as('sales')('GET', '/api/auth/me')).status).toBe(200);
  });

  it('an expired session is refused', async () => {
    const user = await newUser(['support']);
    await h.db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await call(user.token, { method: 'GET', path: '/api/auth/me' });
    expect(res.status).toBe(401);
  });
});

describe('login', () => {
  it('refuses a wrong password and an unknown email alike, with 401 and the same message', async () => {
    const wrong = await login('sales@pivotal.test', 'not-the-password');
    const unknown = await login(`${unique('nobody')}@pivotal.test`, DEV_USER_PASSWORD);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
    expect(wrong.body).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.token).toBeUndefined();
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('answers 400 to a malformed login', async () => {
    const res = await request(h.baseUrl, 'POST', '/api/auth/login', { email: 'not-an-email' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: any) => f.field).sort()).toEqual(['email', 'password']);
  });

  it('takes the email in any case', async () => {
    expect((await login('SALES@Pivotal.Test', DEV_USER_PASSWORD)).status).toBe(200);
  });

  it('takes the email with surrounding spaces (the schema trims it)', async () => {
    expect((await login('  sales@pivotal.test ', DEV_USER_PASSWORD)).status).toBe(200);
  });
});

describe('deactivating a user, changing their roles and changing a password', () => {
  it('a deactivated user can no longer log in', async () => {
    const user = await newUser(['sales']);
    const patched = await call(tokenOf('admin'), { method: 'PATCH', path: `/api/users/${user.id}`, body: { active: false } });
    expect(patched).toMatchObject({ status: 200, body: { id: user.id, active: false } });
    const again = await login(user.email, PASSWORD);
    expect(again.status).toBe(401);
    expect(again.body.error.message).toBe((await login('sales@pivotal.test', 'wrong-password')).body.error.message);
    expect(await h.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("deactivating a user ends their session at once, even one just used (README: 'stops working at once')", async () => {
    const user = await newUser(['sales']);
    expect((await call(user.token, { method: 'GET', path: '/api/auth/me' })).status).toBe(200); // resolved and cached
    expect((await call(tokenOf('admin'), { method: 'PATCH', path: `/api/users/${user.id}`, body: { active: false } })).status).toBe(200);
    expect((await call(user.token, { method: 'GET', path: '/api/auth/me' })).status).toBe(401);
    expect((await call(user.token, { method: 'GET', path: '/api/tasks' })).status).toBe(401);
  });

  it('a deactivated user whose session was never used is refused', async () => {
    const user = await newUser(['sales']);
    expect((await call(tokenOf('admin'), { method: 'PATCH', path: `/api/users/${user.id}`, body: { active: false } })).status).toBe(200);
    expect((await call(user.token, { method: 'GET', path: '/api/auth/me' })).status).toBe(401);
  });

  it('a changed password replaces the old one and ends existing sessions at once', async () => {
    const user = await newUser(['pm']);
    expect((await call(user.token, { method: 'GET', path: '/api/auth/me' })).status).toBe(200); // resolved and cached
    const newPassword = 'an entirely new passphrase';
    expect((await call(tokenOf('admin'), { method: 'PATCH', path: `/api/users/${user.id}`, body: { password: newPassword } })).status).toBe(200);
    expect((await login(user.email, PASSWORD)).status).toBe(401);
    expect((await login(user.email, newPassword)).status).toBe(200);
    expect((await call(user.token, { method: 'GET', path: '/api/auth/me' })).status).toBe(401);
  });

  it('a demoted admin loses admin rights at once: their open session ends (it was cached as admin)', async () => {
    const admin = await newUser(['admin']);
    expect((await call(admin.token, { method: 'GET', path: '/api/auth/me' })).body.roles).toEqual(['admin']); // resolved and cached
    const demoted = await call(tokenOf('admin'), { method: 'PATCH', path: `/api/users/${admin.id}`, body: { roles: ['sales'] } });
    expect(demoted).toMatchObject({ status: 200, body: { id: admin.id, roles: ['sales'] } });
    const email = `${unique('after-demotion')}@pivotal.test`;
    const body = { email, name: 'Second Admin', roles: ['admin'], password: PASSWORD };
    expect((await call(admin.token, { method: 'POST', path: '/api/users', body })).status).toBe(401);
    expect(await h.db.user.count({ where: { email } })).toBe(0);
    expect(await h.db.session.count({ where: { userId: admin.id } })).toBe(0);
    // Logged in again, they hold the new role only.
    const again = await login(admin.email, PASSWORD);
    expect(again.body.user.roles).toEqual(['sales']);
    expect((await call(again.body.token, { method: 'POST', path: '/api/users', body })).status).toBe(403);
  });

  it('any role change ends the sessions, a promotion too; a change that keeps the roles does not', async () => {
    const user = await newUser(['pm', 'support']);
    const patch = (body: object) => call(tokenOf('admin'), { method: 'PATCH', path: `/api/users/${user.id}`, body });
    const me = () => call(user.token, { method: 'GET', path: '/api/auth/me' });
    expect((await me()).status).toBe(200);
    expect((await patch({ roles: ['support', 'pm'], name: 'Renamed' })).status).toBe(200);
    expect(await me()).toMatchObject({ status: 200, body: { roles: ['pm', 'support'] } });
    expect((await patch({ roles: ['pm', 'support', 'finance'] })).status).toBe(200);
    expect((await me()).status).toBe(401);
  });

  it('PATCH answers 404 for an unknown user and 400 naming bad fields', async () => {
    const admin = (req: Req) => call(tokenOf('admin'), req);
    expect((await admin({ method: 'PATCH', path: `/api/users/${randomUUID()}`, body: { name: 'Ghost' } })).status).toBe(404);
    expect((await admin({ method: 'PATCH', path: '/api/users/not-a-uuid', body: { name: 'Ghost' } })).status).toBe(404);
    const bad = await admin({ method: 'PATCH', path: `/api/users/${h.users.pm.id}`, body: { roles: ['wizard'], password: 'short', email: 'x@y.z' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: any) => f.field).sort()).toEqual(['email', 'password', 'roles.0']);
    expect((await h.db.user.findUniqueOrThrow({ where: { id: h.users.pm.id } })).roles).toEqual(['pm']);
  });
});

describe('users', () => {
  it('passwords are stored as bcrypt hashes and never answered', async () => {
    const user = await newUser(['finance']);
    const row = await h.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash.startsWith('$2')).toBe(true);
    expect(row.passwordHash).not.toContain(PASSWORD);
    expect(await bcrypt.compare(PASSWORD, row.passwordHash)).toBe(true);
    const dev = await h.db.user.findUniqueOrThrow({ where: { email: 'admin@pivotal.test' } });
    expect(dev.passwordHash.startsWith('$2')).toBe(true);
    expect(await bcrypt.compare(DEV_USER_PASSWORD, dev.passwordHash)).toBe(true);

    const list = await call(tokenOf('sales'), { method: 'GET', path: `/api/users?range=[0,199]` });
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
    for (const u of list.body) expect(Object.keys(u).sort()).toEqual(['active', 'createdAt', 'email', 'id', 'name', 'roles']);
  });

  it('POST answers 201 with the user, without its password', async () => {
    const email = `${unique('Mixed.Case')}@Pivotal.Test`;
    const res = await call(tokenOf('admin'), { method: 'POST', path: '/api/users', body: { email, name: 'Pat PM', roles: ['pm', 'support'], password: PASSWORD } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), email: email.toLowerCase(), name: 'Pat PM', roles: ['pm', 'support'], active: true, createdAt: expect.any(String) });
    expect((await login(email.toLowerCase(), PASSWORD)).body.user).toMatchObject({ id: res.body.id, roles: ['pm', 'support'] });
  });

  it('POST answers 400 naming each bad field, and creates nothing', async () => {
    const admin = (body: unknown) => call(tokenOf('admin'), { method: 'POST', path: '/api/users', body });
    const bad = await admin({ email: 'not-an-email', name: 'Bad', roles: ['wizard'], password: 'short' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.fields.map((f: any) => f.field).sort()).toEqual(['email', 'password', 'roles.0']);
    expect(bad.body.error.fields.find((f: any) => f.field === 'password').message).toBe('At least 12 characters');

    const missing = await admin({});
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.map((f: any) => f.field).sort()).toEqual(['email', 'name', 'password', 'roles']);

    const noRoles = await admin({ email: `${unique('r')}@pivotal.test`, name: 'No Roles', roles: [], password: PASSWORD });
    expect(noRoles.body.error.fields).toEqual([{ field: 'roles', message: 'Give at least one role' }]);

    const email = `${unique('extra')}@pivotal.test`;
    const extra = await admin({ email, name: 'Extra', roles: ['pm'], password: PASSWORD, active: false, passwordHash: '$2b$x' });
    expect(extra.status).toBe(400);
    expect(extra.body.error.fields.map((f: any) => f.field).sort()).toEqual(['active', 'passwordHash']);
    expect(await h.db.user.count({ where: { email } })).toBe(0);
  });

  it('POST answers 409 for an email already in use, in any case', async () => {
    const email = `${unique('dup')}@pivotal.test`;
    const admin = (e: string) => call(tokenOf('admin'), { method: 'POST', path: '/api/users', body: { email: e, name: 'Dup', roles: ['pm'], password: PASSWORD } });
    expect((await admin(email)).status).toBe(201);
    const again = await admin(email);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    expect((await admin(email.toUpperCase())).status).toBe(409);
    expect(await h.db.user.count({ where: { email } })).toBe(1);
  });
});

describe('passwords longer than bcrypt reads (72 bytes)', () => {
  const bytes72 = 'ü'.repeat(36); // 36 characters, 72 bytes in UTF-8
  const bytes74 = 'ü'.repeat(37);

  it('are refused wherever a password is set, with a 400 naming the field', async () => {
    const email = `${unique('long')}@pivotal.test`;
    const created = await call(tokenOf('admin'), { method: 'POST', path: '/api/users', body: { email, name: 'Long', roles: ['pm'], password: bytes74 } });
    expect(created.status).toBe(400);
    expect(created.body.error.fields).toEqual([{ field: 'password', message: 'At most 72 bytes (UTF-8)' }]);
    expect(await h.db.user.count({ where: { email } })).toBe(0);
    const user = await newUser(['pm']);
    const changed = await call(tokenOf('admin'), { method: 'PATCH', path: `/api/users/${user.id}`, body: { password: bytes74 } });
    expect(changed.status).toBe(400);
    expect(changed.body.error.fields).toEqual([{ field: 'password', message: 'At most 72 bytes (UTF-8)' }]);
    expect((await login(user.email, PASSWORD)).status).toBe(200);
  });

  it('take one of exactly 72 bytes, all of which counts', async () => {
    const email = `${unique('exact')}@pivotal.test`;
    expect((await call(tokenOf('admin'), { method: 'POST', path: '/api/users', body: { email, name: 'Exact', roles: ['pm'], password: bytes72 } })).status).toBe(201);
    expect((await login(email, bytes72)).status).toBe(200);
    expect((await login(email, `${'ü'.repeat(35)}u`)).status).toBe(401);
  });

  it('a longer login is a plain 401, even when its first 72 bytes are the password', async () => {
    const email = `${unique('prefix')}@pivotal.test`;
    expect((await call(tokenOf('admin'), { method: 'POST', path: '/api/users', body: { email, name: 'Prefix', roles: ['pm'], password: bytes72 } })).status).toBe(201);
    const wrong = (await login('sales@pivotal.test', 'not-the-password')).body;
    for (const longer of [`${bytes72}x`, `${bytes72} and anything at all after it`]) {
      expect(await login(email, longer)).toMatchObject({ status: 401, body: wrong });
    }
    // A hash made before the rule from a longer password: that password is refused too (an admin sets a new one).
    await h.db.user.update({ where: { email }, data: { passwordHash: await bcrypt.hash(bytes74, 4) } });
    expect((await login(email, bytes74)).status).toBe(401);
  });
});

describe("a journey's detail and the lists agree on who reads what", () => {
  /** A finished billing journey of the test project, with its invoice, a line, a payment and the provider's event, written directly. */
  async function billingJourney() {
    const project = await h.db.project.findFirstOrThrow({ where: { journeyId: ctx.journeyId } });
    const id = `journey:${ctx.customerId}:billing:${randomUUID()}`;
    await h.db.journey.create({ data: { id, kind: 'billing', customerId: ctx.customerId, stage: 'paid', status: 'COMPLETED' } });
    const intentId = unique('local_pi');
    const invoice = await h.db.invoice.create({
      data: {
        number: unique('INV'),
        journeyId: id,
        customerId: ctx.customerId,
        projectId: project.id,
        status: 'PAID',
        currency: 'USD',
        subtotalMinor: 50_000,
        totalMinor: 50_000,
        paidMinor: 50_000,
        lines: { create: [{ position: 1, kind: 'milestone', description: 'Milestone 1: Build', amountMinor: 50_000 }] },
        payments: { create: [{ journeyId: id, provider: 'local', providerPaymentId: intentId, amountMinor: 50_000, currency: 'USD', status: 'SUCCEEDED' }] },
      },
    });
    await h.db.externalEvent.create({ data: { source: 'local-payments', eventId: `${intentId}:succeeded`, type: 'payment_intent.succeeded', journeyId: id, objectId: intentId, payload: {} } });
    return { id, invoiceId: invoice.id, intentId };
  }

  it("gives a billing journey's invoice, lines and payments, and the provider's events, only to the roles their lists answer", async () => {
    const billing = await billingJourney();
    const filter = enc(JSON.stringify({ journeyId: billing.id }));
    const seen: Record<string, object> = {};
    for (const role of ROLES) {
      const detail = await call(tokenOf(role), { method: 'GET', path: `/api/journeys/${enc(billing.id)}` });
      expect(detail.status).toBe(200);
      const invoices = await call(tokenOf(role), { method: 'GET', path: `/api/invoices?filter=${filter}` });
      const events = await call(tokenOf(role), { method: 'GET', path: `/api/external-events?filter=${filter}` });
      seen[role] = {
        invoiceList: invoices.status,
        invoices: detail.body.invoices.map((i: any) => [i.id, i.lines.length, i.payments.length]),
        projectInvoices: detail.body.project.invoices.map((i: any) => i.id),
        paymentIntentId: detail.body.paymentIntentId,
        eventList: events.status,
        events: detail.body.externalEvents.length,
      };
    }
    const reader = { invoiceList: 200, invoices: [[billing.invoiceId, 1, 1]], projectInvoices: expect.arrayContaining([billing.invoiceId]), paymentIntentId: billing.intentId };
    const other = { invoiceList: 403, invoices: [], projectInvoices: [], paymentIntentId: null };
    const manages = { eventList: 200, events: 1 };
    const doesNotManage = { eventList: 403, events: 0 };
    expect(seen).toEqual({
      sales: { ...other, ...doesNotManage },
      pm: { ...other, ...doesNotManage },
      support: { ...other, ...doesNotManage },
      support_lead: { ...other, ...doesNotManage },
      success: { ...other, ...doesNotManage },
      finance: { ...reader, ...doesNotManage },
      manager: { ...reader, ...manages },
      admin: { ...reader, ...manages },
    });
  });
});
