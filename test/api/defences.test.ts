// The defences of the public surface, on the real dev server and PostgreSQL: security headers on
// API, admin UI and customer-page answers; rate limits (low ones configured here, counted in
// PostgreSQL) on wrong passwords per IP and per account, the contact form per IP and customer-link
// posts per link, each a 429 with Retry-After and the draft RateLimit headers in the error shape;
// a limit check that cannot reach PostgreSQL lets the request through; the contact form's
// honeypot; and email subjects without a visitor's words.
//
// TRUST_PROXY=loopback lets each case come from its own client address (X-Forwarded-For), so its
// counters are its own.
import { createHash, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { WorkflowNotFoundError } from '@temporalio/client';
import express from 'express';
import { customerIdFor } from '../../api/acquisition/submit-lead';
import { hashToken } from '../../api/auth/credentials';
import { devUserEmail } from '../../api/auth/dev-users';
import { leadLimit } from '../../api/rate-limits';
import { emailTemplates } from '../../activities/registry';
import { DEV_USER_PASSWORD } from '../../platform/config';
import { createDb } from '../../platform/db';
import { createLogger } from '../../platform/logger';
import { journeyWorkflowId } from '../../workflows/runtime/definitions';
import { startHarness, type Harness } from '../support/harness';
import { eventually, request, type JsonResponse } from '../support/http';
import { lead } from '../support/fixtures';

/** Long enough for a case's requests (bcrypt takes its time) to fall in one window. */
const WINDOW_SECONDS = 10;
/** Per IP above the harness's six parallel logins (from 127.0.0.1): right passwords count while in flight. */
const LIMITS = { loginPerIp: 8, loginPerAccount: 3, leadsPerIp: 3, customerLinkPerToken: 3 };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    env: {
      // Counter keys are HMACs under it: this file's counters are apart from other files' (same addresses, other limits).
      AUTH_SECRET: `defences-test-${randomUUID()}`,
      TRUST_PROXY: 'loopback',
      RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
      RATE_LIMIT_LOGIN_PER_IP: String(LIMITS.loginPerIp),
      RATE_LIMIT_LOGIN_PER_ACCOUNT: String(LIMITS.loginPerAccount),
      RATE_LIMIT_LEADS_PER_IP: String(LIMITS.leadsPerIp),
      RATE_LIMIT_CUSTOMER_LINK_PER_TOKEN: String(LIMITS.customerLinkPerToken),
    },
  });
});
afterAll(() => h?.stop());

/** A client address no other case uses. */
const newIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
const from = (ip: string) => ({ 'x-forwarded-for': ip });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) => request(h.baseUrl, 'POST', path, body, undefined, headers);
const login = (email: string, password: string, ip: string) => post('/api/auth/login', { email, password }, from(ip));
const statuses = (answers: JsonResponse[]) => answers.map((a) => a.status).sort();

/** A 429 as the API answers it: its error shape, Retry-After within the window, the draft-8 headers naming the limit. */
function expectLimited(res: JsonResponse, policy: string, limit: number) {
  expect(res.status).toBe(429);
  expect(res.body).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(0);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
  // One entry per limit the request went through (a login: its address's and its account's).
  expect(res.headers.get('ratelimit')!.split(', ')).toContainEqual(expect.stringMatching(new RegExp(`^"${policy}"; r=0; t=\\d+$`)));
  expect(res.headers.get('ratelimit-policy')!.split(', ')).toContainEqual(
    expect.stringMatching(new RegExp(`^"${policy}"; q=${limit}; w=${WINDOW_SECONDS}; pk=:[^:]+:$`)),
  );
}

describe('security headers', () => {
  const common = (res: { headers: Headers }) => {
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  };

  it('on API answers: a CSP that loads nothing, no-store, and HSTS only over TLS', async () => {
    for (const res of [await h.as('sales')('GET', '/api/auth/me'), await h.as('anonymous')('GET', '/api/tasks'), await post('/api/auth/login', { email: 'x' })]) {
      common(res);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    // Behind a TLS-terminating proxy that TRUST_PROXY names.
    const tls = await request(h.baseUrl, 'GET', '/api/auth/me', undefined, h.users.sales.token, { 'x-forwarded-proto': 'https' });
    expect(tls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('on the admin UI: scripts from its own files only (its page has no inline script), framing refused', async () => {
    const res = await fetch(`${h.baseUrl}/tasks`);
    const html = await res.text();
    expect(res.status).toBe(200);
    common(res);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("object-src 'none'");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/assets\//);
      expect(body!.trim()).toBe('');
    }
  });

  it('on customer pages: no script, their one inline style allowed by its hash, no referrer, no-store', async () => {
    const res = await fetch(`${h.baseUrl}/customer/decisions/not-a-link`, { headers: { accept: 'text/html' } });
    const html = await res.text();
    expect(res.status).toBe(404);
    common(res);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain('script-src');
    expect(csp).not.toContain('unsafe-inline');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(html).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
  });
});

describe('login limits', () => {
  it('per IP: wrong passwords past the limit are 429, and so is then the right one; a right one costs nothing; another IP logs in', async () => {
    const ip = newIp();
    const wrongLogin = () => login(`nobody-${randomUUID()}@pivotal.test`, 'wrong password!', ip);
    const burst = (n: number) => Promise.all(Array.from({ length: n }, wrongLogin));
    expect(statuses(await burst(LIMITS.loginPerIp - 1))).toEqual(Array(LIMITS.loginPerIp - 1).fill(401));
    // One short of the limit, right passwords are not counted: each succeeds.
    for (let i = 0; i < 3; i++) expect((await login(devUserEmail('sales'), DEV_USER_PASSWORD, ip)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300)); // each success gives its hit back once answered
    const wrong = await burst(6);
    expect(statuses(wrong)).toEqual([401, 429, 429, 429, 429, 429]);
    expectLimited(wrong.find((r) => r.status === 429)!, 'login-ip', LIMITS.loginPerIp);

    expectLimited(await login(devUserEmail('pm'), DEV_USER_PASSWORD, ip), 'login-ip', LIMITS.loginPerIp);
    expect((await login(devUserEmail('pm'), DEV_USER_PASSWORD, newIp())).status).toBe(200);
  });

  it('per account, from any number of IPs: the right password is refused until the window passes', async () => {
    const email = `guessed-${randomUUID()}@pivotal.test`;
    const password = 'the right password';
    const created = await h.as('admin')('POST', '/api/users', { email, name: 'Guessed', roles: ['pm'], password });
    expect(created.status).toBe(201);

    // 50 wrong passwords in a burst, each from another address: only the first few are even checked.
    const wrong = await Promise.all(Array.from({ length: 50 }, () => login(email, 'a wrong password', newIp())));
    expect(statuses(wrong)).toEqual([...Array(LIMITS.loginPerAccount).fill(401), ...Array(50 - LIMITS.loginPerAccount).fill(429)]);

    const refused = await login(email, password, newIp());
    expectLimited(refused, 'login-account', LIMITS.loginPerAccount);
    expect(refused.body.token).toBeUndefined();
    // Another account is not locked by it.
    expect((await login(devUserEmail('finance'), DEV_USER_PASSWORD, newIp())).status).toBe(200);

    await new Promise((r) => setTimeout(r, (Number(refused.headers.get('retry-after')) + 1) * 1000));
    const after = await login(email, password, newIp());
    expect(after.status).toBe(200);
    expect(after.body.token).toEqual(expect.any(String));
  });
});

describe('contact form', () => {
  it('a flood from one address: the first submissions start journeys, the rest are 429; another address still gets through', async () => {
    const ip = newIp();
    const sent = await Promise.all(Array.from({ length: 8 }, () => post('/api/leads', lead(), from(ip))));
    expect(statuses(sent)).toEqual([...Array(LIMITS.leadsPerIp).fill(201), ...Array(8 - LIMITS.leadsPerIp).fill(429)]);
    expectLimited(sent.find((r) => r.status === 429)!, 'leads-ip', LIMITS.leadsPerIp);
    expect((await post('/api/leads', lead(), from(newIp()))).status).toBe(201);
  });

  it('a filled honeypot gets the answer a new lead gets and starts nothing', async () => {
    const input = lead();
    const bot = await post('/api/leads', { ...input, website: 'http://spam.example' }, from(newIp()));
    const customerId = customerIdFor(input.email);
    expect(bot.status).toBe(201);
    expect(bot.body).toEqual({ customerId, journeyId: journeyWorkflowId(customerId, 'acquisition', 1) });

    await new Promise((r) => setTimeout(r, 1_000));
    expect(await h.db.customer.findUnique({ where: { email: input.email } })).toBeNull();
    await expect(h.env.client.workflow.getHandle(bot.body.journeyId).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);

    // A person leaves it empty, as the form sends it.
    const person = await post('/api/leads', { ...input, website: '' }, from(newIp()));
    expect(person.status).toBe(201);
    await eventually(() => h.db.journey.findUnique({ where: { id: person.body.journeyId } }), Boolean);
  });

  it("puts none of the visitor's words in an email subject", async () => {
    const hostile = 'Claim your refund at http://evil.example';
    const res = await post('/api/leads', lead({ contactName: hostile, companyName: hostile }), from(newIp()));
    expect(res.status).toBe(201);
    const welcome = await eventually(() => h.db.email.findFirst({ where: { key: `${res.body.journeyId}:welcome` } }), Boolean);
    expect(welcome!.subject).toBe('Thanks for getting in touch');
    expect(welcome!.text).toContain(hostile); // the greeting, read in context, keeps the name they gave
  });

  it('no template puts a name, a company, a project or a title in its subject', () => {
    const marker = 'Claim your refund at http://evil.example';
    const visitorText = { contactName: marker, companyName: marker, referredCompany: marker, projectName: marker, title: marker, reason: marker };
    const companyText = {
      repName: 'Sam Sales', version: 2, total: '$1,000.00', amount: '$500.00', balance: '$500.00', fee: '$7.50', number: 'INV-0001',
      url: 'http://localhost/customer/x', validUntil: '2027-01-01T00:00:00.000Z', expiresAt: '2027-01-01T00:00:00.000Z',
      dueAt: '2027-01-01T00:00:00.000Z', week: 3, lines: ['Design: done'], overdue: true, form: 'rating',
      weekOf: { from: '2026-11-23', to: '2026-11-30' }, funnel: { from: '2026-09-01', started: 4, targets: [] }, bottlenecks: [],
    };
    const names = Object.keys(emailTemplates);
    expect(names.length).toBeGreaterThanOrEqual(15);
    for (const name of names) {
      const rendered = (emailTemplates as Record<string, (d: unknown) => { subject: string }>)[name]!({ ...companyText, ...visitorText });
      expect({ name, subject: rendered.subject }).toEqual({ name, subject: expect.not.stringContaining('evil.example') });
    }
  });
});

describe('customer links', () => {
  it('posts through one link past the limit are 429 (a page for a person, JSON for a program); another link is not limited', async () => {
    const link = `/customer/decisions/${randomUUID()}`;
    const sent = await Promise.all(Array.from({ length: 6 }, () => post(link, { decision: 'accept' })));
    expect(statuses(sent)).toEqual([...Array(LIMITS.customerLinkPerToken).fill(404), ...Array(6 - LIMITS.customerLinkPerToken).fill(429)]);
    expectLimited(sent.find((r) => r.status === 429)!, 'customer-link', LIMITS.customerLinkPerToken);

    const page = await fetch(h.baseUrl + link, { method: 'POST', headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: 'decision=accept' });
    expect(page.status).toBe(429);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('Too many requests through this link');
    // Reading the page is not limited, nor is another link.
    expect((await request(h.baseUrl, 'GET', link)).status).toBe(404);
    expect((await post(`/customer/decisions/${randomUUID()}`, { decision: 'accept' })).status).toBe(404);
  });
});

describe('the contact form limit across API processes', () => {
  /** An API process as far as the limit goes: its own limiter (and counts) over the shared PostgreSQL. */
  async function apiProcess() {
    const app = express()
      .set('trust proxy', 'loopback')
      .post('/leads', leadLimit({ db: h.db, log: createLogger('silent', 'test'), config: h.config, temporal: h.env.client }), (_req, res) => void res.status(201).json({ ok: true }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as { port: number };
    // A refusal reaches Express's own error page here: the status is what counts.
    const post = async (ip: string) => (await fetch(`http://127.0.0.1:${port}/leads`, { method: 'POST', headers: from(ip) })).status;
    return { post, close: () => server.close() };
  }

  it('a process counts its own hits at once, writes them behind together, and learns the others\' from PostgreSQL with its first', async () => {
    const [a, b] = [await apiProcess(), await apiProcess()];
    const ip = newIp();
    try {
      // All at once on one process: exactly the limit goes through, though no hit has reached PostgreSQL yet.
      const burst = await Promise.all(Array.from({ length: LIMITS.leadsPerIp + 3 }, () => a.post(ip)));
      expect(burst.sort()).toEqual([...Array(LIMITS.leadsPerIp).fill(201), ...Array(3).fill(429)]);
      // They reach PostgreSQL behind the answers: the first at once, the rest together a moment later.
      const counter = hashToken(h.config.auth.secret, `leads-ip:${ip}`);
      await eventually(() => h.db.rateLimitCounter.findUnique({ where: { key: counter } }), (row) => row?.hits === LIMITS.leadsPerIp + 3);
      // The other process knew none of them: its first hit goes through, and its answer from PostgreSQL says the window is spent.
      const fromB: number[] = [];
      for (let i = 0; i < 4; i++) {
        fromB.push(await b.post(ip));
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(fromB).toEqual([201, 429, 429, 429]);
      expect(await b.post(newIp())).toBe(201);
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('PostgreSQL out of reach when a limit is checked', () => {
  it('lets the request through within a second or so and logs a warning', async () => {
    const lines: string[] = [];
    const log = createLogger('warn', 'test', new Writable({ write: (chunk, _enc, done) => void (lines.push(String(chunk)), done()) }));
    const db = createDb('postgresql://nobody:nothing@127.0.0.1:1/none');
    const app = express().post('/leads', leadLimit({ db, log, config: h.config, temporal: h.env.client }), (_req, res) => void res.status(201).json({ ok: true }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const { port } = server.address() as { port: number };
      const started = Date.now();
      const res = await request(`http://127.0.0.1:${port}`, 'POST', '/leads', {});
      expect(res.status).toBe(201);
      expect(Date.now() - started).toBeLessThan(3_000);
      // The contact form counts ahead and writes behind: the warning follows the answer.
      await eventually(async () => lines.join(''), (logged) => /rate limit hits not shared/.test(logged));
    } finally {
      server.close();
      await db.$disconnect();
    }
  });
});
