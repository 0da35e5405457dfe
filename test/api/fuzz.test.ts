// A fuzzer over every route the app serves (read off the Express app, so a new route is fuzzed
// without being listed): 60 mutated requests each, as an admin (every route's role), built from a
// seeded generator so a failure reproduces. Mutations are what broken clients and attackers send:
// NUL bytes and unpaired surrogates, huge and deeply nested bodies, wrong types, unknown keys,
// wrong content types, charsets and encodings, too many form fields, malformed percent-encoding
// and junk list parameters. No answer may be a 5xx, and every error is in the JSON error shape.
import { randomUUID } from 'node:crypto';
import { createApp } from '../../api/app';
import { createLogger } from '../../platform/logger';
import { createLinkToken } from '../../platform/customer-links';
import { createActivities } from '../../activities/registry';
import type { ReportActivities } from '../../activities/retention/report';
import { startHarness, type Harness } from '../support/harness';
import { eventually, request } from '../support/http';
import { followUpQualified, lead } from '../support/fixtures';
import { servedRoutes } from '../support/served-routes';
import type { Express } from 'express';

const PER_ROUTE = 60;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 180_000);
afterAll(() => h?.stop());

/** Mulberry32: a small seeded generator, so the same seed sends the same requests. */
function generator(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

/** JSON text nested `levels` deep (as text: JSON.stringify itself overflows on the deepest). */
const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** Raw JSON text for values JSON.stringify would not write as an attacker does. */
const RAW_HOSTILE = ['"Nul\\u0000Co"', '"\\ud800"', '"\\udc00x"', '"a\\u0000"', '1e400', '-0', '123456789012345678901234567890'];
const HOSTILE: readonly unknown[] = [
  '',
  ' ',
  'x'.repeat(300_000),
  'Ω≈ç√∫˜µ≤≥÷ 🎉 مرحبا',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  '1e12',
  -1,
  0,
  1e12,
  1e308,
  -1e308,
  3.5,
  true,
  false,
  null,
  [],
  [null],
  {},
  { __proto__: { admin: true } },
  { constructor: { prototype: { polluted: true } } },
  '2026-02-30',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
];

type Route = { method: string; path: string };

function routesOf(app: Express): Route[] {
  return servedRoutes(app).map((r) => {
    const [method, path] = r.split(' ') as [string, string];
    return { method, path };
  });
}

type Ctx = { ids: Record<string, string>; adminToken: string };

/** A valid-looking body per route, for mutations to start from (where a route takes one). */
const SEEDS: Record<string, (c: Ctx) => Record<string, unknown>> = {
  'POST /api/leads': () => lead(),
  'POST /api/auth/login': () => ({ email: 'fuzz@pivotal.test', password: 'wrong-password' }),
  'POST /api/tasks/:id/complete': () => ({ result: { ...followUpQualified } }),
  'POST /api/tasks/:id/comments': () => ({ id: randomUUID(), body: 'Called, no answer' }),
  'POST /api/tasks/:id/assign': () => ({ assignee: null }),
  'POST /api/tasks/:id/due': () => ({ dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString(), reason: 'Client away' }),
  'POST /api/journeys/:id/cancel': () => ({ reason: 'Customer went quiet' }),
  'POST /api/users': () => ({ email: `fuzz-${randomUUID()}@pivotal.test`, name: 'Fuzz', roles: ['support'], password: 'a long enough password' }),
  'PATCH /api/users/:id': () => ({ name: 'Renamed' }),
  'POST /api/api-tokens': () => ({ name: `fuzz-${randomUUID()}`, roles: ['support'] }),
  'POST /api/journeys/:id/change-requests': () => ({ title: 'More pages', description: 'Two more', costMinor: 100, days: 1 }),
  'POST /api/time-entries': (c) => ({ milestoneId: c.ids.milestone, date: '2026-12-01', hours: 1, rateMinor: 100, description: 'Work' }),
  'POST /api/knowledge-articles': () => ({ title: 'Printer jams', body: 'Open the tray.', category: 'technical', published: true }),
  'PATCH /api/knowledge-articles/:id': () => ({ title: 'Printer jams again', published: false }),
  'POST /customer/decisions/:token': () => ({ decision: 'accept', comments: 'Fine' }),
  'POST /customer/quotes/:token': () => ({ decision: 'approve' }),
  'POST /customer/invoices/:token': () => ({ amountMinor: 100 }),
  'POST /api/invoices/:id/payments': () => ({ amountMinor: 100, reference: 'BT-1', receivedOn: '2026-12-01' }),
  'POST /api/invoices/:id/notices': () => ({ notice: 'reminder' }),
  'POST /api/invoices/:id/credit-notes': () => ({ amountMinor: 100, reason: 'Fuzzing goodwill' }),
  'POST /api/tickets': (c) => ({ customerId: c.ids.customer, subject: 'Fuzz', description: 'Fuzzing', category: 'question' }),
  'POST /api/tickets/:id/replies': () => ({ id: randomUUID(), body: 'Fuzz note', internal: true }),
  'POST /api/tickets/:id/triage': () => ({ priority: 'low', reason: 'Fuzzing' }),
  'POST /api/tickets/:id/time-entries': () => ({ date: '2026-12-01', hours: 1, rateMinor: 100, description: 'Fuzz work' }),
  'POST /api/tickets/:id/close': () => ({ as: 'spam', reason: 'Fuzzing' }),
  'POST /customer/tickets/:token': () => ({ body: 'Fuzz reply', nonce: randomUUID() }),
  'POST /customer/help/:token': () => ({ subject: 'Fuzz', description: 'Fuzzing', nonce: randomUUID() }),
  'POST /customer/refer/:code': () => ({ contactName: 'Fuzz Friend', companyName: 'Fuzz Ltd', email: `fuzz-${randomUUID()}@example.test`, projectType: 'App', budgetRange: '$10K', timeline: 'Soon', description: 'Fuzzing' }),
  'PATCH /api/customers/:id/account': () => ({ earlyCadence: 'monthly' }),
  'POST /api/customers/:id/account/end': () => ({ reason: 'Fuzzing' }),
  'PATCH /api/contracts/:id': () => ({ endsOn: '2099-12-31' }),
  // Not shared: the fuzzer's many views would be every manager's tabs in the run's shared database.
  'POST /api/saved-views': () => ({ resource: 'tasks', name: `Fuzz ${randomUUID()}`, filter: { queue: 'mine', overdue: true }, sort: { field: 'dueAt', order: 'ASC' } }),
  'PATCH /api/saved-views/:id': () => ({ name: `Fuzz ${randomUUID()}`, filter: { status: 'OPEN', type: 'follow-up' }, sort: null, sharedWithRole: null }),
  'POST /api/customers/:id/account/opportunities': () => ({ id: randomUUID(), projectType: 'App', budgetRange: '$10K', timeline: 'Soon', description: 'Fuzzing', source: 'account' }),
};

/** Which id fills a route's path parameter. */
function idFor(route: Route, c: Ctx): string {
  if (route.path.startsWith('/customer/tickets')) return c.ids.ticketLink!;
  if (route.path.startsWith('/customer/help')) return c.ids.helpLink!;
  // A code of a client's or not, the page is the same.
  if (route.path.startsWith('/customer/refer')) return 'FUZZ2345';
  if (route.path.startsWith('/customer/account-reports')) return c.ids.reportLink!;
  if (route.path.includes('/customer/')) return c.ids.link!;
  if (route.path.startsWith('/api/tickets')) return c.ids.ticket!;
  if (route.path.startsWith('/api/tasks')) return c.ids.task!;
  if (route.path.startsWith('/api/journeys')) return encodeURIComponent(route.path.includes('change-requests') ? c.ids.delivery! : c.ids.journey!);
  if (route.path.startsWith('/api/users')) return c.ids.user!;
  if (route.path.startsWith('/api/api-tokens')) return c.ids.apiToken!;
  if (route.path.startsWith('/api/notifications')) return c.ids.notification!;
  if (route.path.startsWith('/api/customers')) return c.ids.customer!;
  if (route.path.startsWith('/api/knowledge-articles')) return c.ids.article!;
  if (route.path.startsWith('/api/invoices')) return c.ids.invoice!;
  if (route.path.startsWith('/api/account-reports')) return c.ids.report!;
  // A view of the fuzzer's own (only owners reach past the 404), one to delete and one to change.
  if (route.path.startsWith('/api/saved-views')) return route.method === 'DELETE' ? c.ids.doomedView! : c.ids.savedView!;
  return randomUUID();
}

type Mutated = { path: string; headers: Record<string, string>; body?: string | Buffer };

function mutate(route: Route, c: Ctx, rnd: ReturnType<typeof generator>): Mutated {
  const id = idFor(route, c);
  let path = route.path.replace(/:[a-zA-Z]+/g, id);
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  const seed = SEEDS[`${route.method} ${route.path}`]?.(c) ?? {};
  let body: string | Buffer | undefined = JSON.stringify(seed);
  const keys = Object.keys(seed);
  const field = keys.length ? rnd.pick(keys) : 'x';
  const hostileJson = () => (rnd.next() < 0.3 ? rnd.pick(RAW_HOSTILE) : JSON.stringify(rnd.pick(HOSTILE)) ?? 'null');
  // Replaces the JSON text of one field's value, so raw escapes survive as sent.
  const withField = (name: string, raw: string) => JSON.stringify({ ...seed, [name]: '__HOLE__' }).replace('"__HOLE__"', raw);

  switch (Math.floor(rnd.next() * 14)) {
    case 0:
    case 1:
    case 2:
      body = withField(field, hostileJson());
      break;
    case 3:
      body = withField(`unknown_${Math.floor(rnd.next() * 1000)}`, hostileJson());
      break;
    case 4:
      body = JSON.stringify(Object.fromEntries(Object.entries(seed).filter(([k]) => k !== field)));
      break;
    case 5:
      body = withField(field, deep(rnd.pick([40, 1000, 12_000])));
      break;
    case 6:
      body = hostileJson();
      break;
    case 7:
      headers['content-type'] = rnd.pick(['application/json; charset=latin1', 'application/json; charset=utf-16', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x']);
      break;
    case 8:
      headers['content-encoding'] = rnd.pick(['gzip', 'br', 'deflate', 'bogus']);
      body = Buffer.from('definitely not compressed');
      break;
    case 9:
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = Array.from({ length: rnd.pick([5, 1500]) }, (_, i) => `f${i}=%00${i}`).join('&');
      break;
    case 10:
      path = route.path.replace(/:[a-zA-Z]+/g, rnd.pick(['%E0%A4%A', '%00', '%ED%A0%80', 'x'.repeat(5000), '..%2F..%2Fetc', '%', 'null']));
      break;
    case 11: {
      const param = rnd.pick(['sort', 'range', 'filter']);
      const junk = rnd.pick(['{', '[', '[1e400,2]', '["id","SIDEWAYS"]', '[0,1e12]', '[-5,3]', '{"status":"\\u0000"}', '{"waitingLongerThanHours":1e12}', '{"a":{"b":{"c":1}}}', 'null', '%E0%A4%A']);
      path += `${path.includes('?') ? '&' : '?'}${param}=${junk.startsWith('%') ? junk : encodeURIComponent(junk)}`;
      break;
    }
    case 12:
      body = Buffer.alloc(rnd.pick([150_000, 2_000_000]), 'a');
      break;
    default:
      body = withField(field, JSON.stringify(rnd.pick(HOSTILE)));
  }
  if (route.method === 'GET' || route.method === 'DELETE') body = undefined;
  return { path, headers, body };
}

async function buildContext(): Promise<Ctx> {
  const created = await h.as('anonymous')('POST', '/api/leads', lead());
  const journeyId = created.body.journeyId as string;
  const task = await eventually(() => h.db.task.findFirst({ where: { journeyId, status: 'OPEN' } }), Boolean);
  // A user and a token of the fuzzer's own, so no mutation touches the development users others log in as.
  const admin = h.as('admin');
  const password = 'fuzzing admin password';
  const fuzzAdmin = await admin('POST', '/api/users', { email: `fuzz-admin-${randomUUID()}@pivotal.test`, name: 'Fuzz Admin', roles: ['admin'], password });
  const login = await h.as('anonymous')('POST', '/api/auth/login', { email: fuzzAdmin.body.email, password });
  const target = await admin('POST', '/api/users', { email: `fuzz-target-${randomUUID()}@pivotal.test`, name: 'Fuzz Target', roles: ['pm'], password });
  const apiToken = await admin('POST', '/api/api-tokens', { name: `fuzz-${randomUUID()}`, roles: ['pm'] });
  const article = await admin('POST', '/api/knowledge-articles', { title: 'Fuzzed article', body: 'Mutations reach this one.' });
  const notification = await h.db.notification.create({ data: { key: `fuzz-${randomUUID()}`, kind: 'task_reminder', title: 'Fuzz', recipientRole: 'admin', journeyId } });
  const link = createLinkToken(h.config.auth.secret, { purpose: 'customer-decision', journeyId, subject: 'fuzz', exp: Date.now() + 3_600_000 });
  // An open decision behind the link, so answers reach its form and the journey (which awaits no such subject: 409).
  await h.db.customerDecision.create({ data: { journeyId, customerId: created.body.customerId, subject: 'fuzz', title: 'Fuzz', details: { note: 'fuzz' } } });
  // A ticket of the same customer, and the links to it and to their help page.
  const raised = await admin('POST', '/api/tickets', { customerId: created.body.customerId, subject: 'Fuzz', description: 'Fuzzing', category: 'question' });
  const ticket = await eventually(() => h.db.supportTicket.findUnique({ where: { journeyId: raised.body.journeyId } }), Boolean);
  const ticketLink = createLinkToken(h.config.auth.secret, { purpose: 'support-ticket', journeyId: ticket!.journeyId, subject: ticket!.id, exp: Date.now() + 3_600_000 });
  const helpLink = createLinkToken(h.config.auth.secret, { purpose: 'support-help', journeyId, subject: created.body.customerId, exp: Date.now() + 3_600_000 });
  // An invoice paid in full on an ended journey: payments recorded against it reach only its refusal.
  const billingId = `journey:${created.body.customerId}:billing:${randomUUID()}`;
  await h.db.journey.create({ data: { id: billingId, kind: 'billing', customerId: created.body.customerId, stage: 'paid', status: 'COMPLETED' } });
  const invoice = await h.db.invoice.create({
    data: { number: `FUZZ-${randomUUID()}`, journeyId: billingId, customerId: created.body.customerId, status: 'PAID', currency: 'EUR', subtotalMinor: 100, totalMinor: 100, paidMinor: 100 },
  });
  // A review's report on a retention journey of the customer's, and the customer's link to it.
  const retentionId = `journey:${created.body.customerId}:retention:1`;
  await h.db.journey.create({ data: { id: retentionId, kind: 'retention', customerId: created.body.customerId, stage: 'first-year' } });
  const { prepareReport } = createActivities({ db: h.db, config: h.config }) as unknown as ReportActivities;
  const { reportId } = await prepareReport({ journeyId: retentionId, customerId: created.body.customerId, kind: 'annual-review', periodStart: '2025-07-01T00:00:00.000Z', periodEnd: '2026-07-01T00:00:00.000Z' });
  const reportLink = createLinkToken(h.config.auth.secret, { purpose: 'account-report', journeyId: retentionId, subject: reportId, exp: Date.now() + 3_600_000 });
  const saveView = async (name: string) =>
    (await request(h.baseUrl, 'POST', '/api/saved-views', { resource: 'tasks', name, filter: { queue: 'mine' } }, login.body.token)).body.id as string;
  return {
    adminToken: login.body.token,
    ids: {
      journey: journeyId,
      delivery: journeyId,
      customer: created.body.customerId,
      task: task!.id,
      user: target.body.id,
      apiToken: apiToken.body.id,
      notification: notification.id,
      article: article.body.id,
      milestone: randomUUID(),
      link,
      ticket: ticket!.id,
      ticketLink,
      helpLink,
      invoice: invoice.id,
      report: reportId,
      reportLink,
      savedView: await saveView('Fuzzed view'),
      doomedView: await saveView('Fuzzed view to delete'),
    },
  };
}

it(`answers ${PER_ROUTE} mutated requests to every route without a 5xx, errors in the JSON shape`, async () => {
  const app: any = createApp({ db: h.db, temporal: h.env.client, config: h.config, log: createLogger('silent', 'test') });
  const routes = routesOf(app).filter((r) => r.path.startsWith('/api') || r.path.startsWith('/customer') || r.path.startsWith('/webhooks'));
  expect(routes.length).toBeGreaterThan(35);
  const c = await buildContext();
  const failures: string[] = [];
  let sent = 0;
  for (const [i, route] of routes.entries()) {
    const rnd = generator(1000 + i);
    for (let n = 0; n < PER_ROUTE; n++) {
      const m = mutate(route, c, rnd);
      // Logout ends the session it is sent with: give it one of its own.
      const token = route.path === '/api/auth/logout' ? (await h.as('anonymous')('POST', '/api/auth/login', { email: 'admin@pivotal.test', password: 'pivotal-dev' })).body.token : c.adminToken;
      const res = await fetch(h.baseUrl + m.path, { method: route.method, headers: { ...m.headers, authorization: `Bearer ${token}` }, body: m.body });
      const text = await res.text();
      sent++;
      const what = `${route.method} ${m.path.slice(0, 120)} [${m.headers['content-type']}${m.headers['content-encoding'] ? `, ${m.headers['content-encoding']}` : ''}] ${String(m.body ?? '').slice(0, 100)}`;
      if (res.status >= 500) failures.push(`${res.status} ← ${what}: ${text.slice(0, 200)}`);
      else if (res.status >= 400) {
        let shape: any;
        try {
          shape = JSON.parse(text);
        } catch {
          shape = undefined;
        }
        if (typeof shape?.error?.code !== 'string' || typeof shape?.error?.message !== 'string') failures.push(`${res.status} not in the error shape ← ${what}: ${text.slice(0, 200)}`);
      }
    }
  }
  expect(sent).toBe(routes.length * PER_ROUTE);
  expect(failures).toEqual([]);
}, 600_000);
