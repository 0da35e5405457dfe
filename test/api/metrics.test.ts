// GET /metrics and request ids, on the real stack: a lead's journey, its tasks and waits read from
// PostgreSQL at scrape time, HTTP requests labelled by route pattern, webhook outcomes, the token
// outside development, the worker's own Prometheus endpoint with activity failures, and one
// request id from the HTTP answer through the journey's workflow and activity log lines.
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../api/app';
import { loadConfig } from '../../platform/config';
import { createDb } from '../../platform/db';
import { createLogger } from '../../platform/logger';
import { createTemporalClient } from '../../platform/temporal-client';
import { startHarness, type Harness } from '../support/harness';
import { eventually, request } from '../support/http';
import { followUpQualified, lead } from '../support/fixtures';
import { signStripePayload, stripeEvent } from '../support/stand-ins/stripe';

const SECRET = 'whsec_metrics_test';
const lines: Array<Record<string, any>> = [];
const log = createLogger('info', 'test', { write: (line: string) => void lines.push(JSON.parse(line)) });
let h: Harness;
let workerMetricsPort: number;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  workerMetricsPort = await freePort();
  h = await startHarness({
    log,
    env: { STRIPE_SECRET_KEY: 'sk_test_metrics', STRIPE_WEBHOOK_SECRET: SECRET, WORKER_METRICS_PORT: String(workerMetricsPort), HOST: '127.0.0.1' },
  });
});
afterAll(() => h?.stop());

async function scrape(baseUrl = h.baseUrl, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl}/metrics`, { headers });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

/** The value of the series with exactly these labels, or 0 when absent. */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const open = line.indexOf('{');
    if ((open === -1 ? line.slice(0, line.indexOf(' ')) : line.slice(0, open)) !== name) continue;
    const have = open === -1 ? [] : line.slice(open + 1, line.lastIndexOf('}')).split(/,(?=\w+=")/);
    if (have.length === wanted.length && wanted.every((w) => have.includes(w))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

/**
 * A scrape's view of a count matches PostgreSQL's own, read just before and after it (other test
 * files write to the same database at the same time: a moment when nothing moved is waited for).
 */
async function matchesDatabase(read: (text: string) => number, count: () => Promise<number>) {
  return eventually(
    async () => {
      const before = await count();
      const scraped = read((await scrape()).text);
      const after = await count();
      return { before, scraped, after };
    },
    ({ before, scraped, after }) => before === after && scraped === before,
  );
}

function postStripe(body: string, signature = signStripePayload(body, SECRET)) {
  return fetch(`${h.baseUrl}/webhooks/stripe`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'stripe-signature': signature } });
}

describe('GET /metrics', () => {
  let journeyId: string;

  it('reports a lead journey, its open task and wait as PostgreSQL holds them', async () => {
    const first = await scrape();
    expect(first.status).toBe(200);
    expect(first.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(first.text).toContain('pivotal_database_up 1');
    expect(first.text).toContain('process_resident_memory_bytes');
    const startedBefore = value(first.text, 'pivotal_journeys_started_total', { kind: 'acquisition' });

    const res = await request(h.baseUrl, 'POST', '/api/leads', lead());
    expect(res.status).toBe(201);
    journeyId = res.body.journeyId;
    await eventually(() => h.db.task.count({ where: { journeyId, status: 'OPEN' } }), (n) => n === 1);

    const after = await scrape();
    // Journeys only ever start: other files' leads can only add to it.
    expect(value(after.text, 'pivotal_journeys_started_total', { kind: 'acquisition' })).toBeGreaterThanOrEqual(startedBefore + 1);
    const stage = (await h.db.journey.findUniqueOrThrow({ where: { id: journeyId } })).stage;
    const sales = { role: 'sales', status: 'OPEN' } as const;
    const open = await matchesDatabase((t) => value(t, 'pivotal_tasks_open', { role: 'sales' }), () => h.db.task.count({ where: sales }));
    expect(open.scraped).toBeGreaterThanOrEqual(1); // ours is among them
    await matchesDatabase(
      (t) => value(t, 'pivotal_tasks_overdue', { role: 'sales' }),
      () => h.db.task.count({ where: { ...sales, dueAt: { lt: new Date() }, clockPausedAt: null } }),
    );
    await matchesDatabase(
      (t) => value(t, 'pivotal_tasks_escalated', { role: 'sales' }),
      () => h.db.task.count({ where: { ...sales, escalatedAt: { not: null } } }),
    );
    await matchesDatabase(
      (t) => value(t, 'pivotal_journeys_running', { kind: 'acquisition', stage }),
      () => h.db.journey.count({ where: { kind: 'acquisition', status: 'RUNNING', stage } }),
    );
    await matchesDatabase(
      (t) => value(t, 'pivotal_journeys_ended', { kind: 'acquisition', status: 'LOST' }),
      () => h.db.journey.count({ where: { kind: 'acquisition', status: 'LOST' } }),
    );
    const waits = await matchesDatabase((t) => value(t, 'pivotal_waits_open', { kind: 'task' }), () => h.db.journeyWait.count({ where: { kind: 'task', endedAt: null } }));
    expect(waits.scraped).toBeGreaterThanOrEqual(1);
  });

  it('labels HTTP requests by route pattern and status, never by the raw path', async () => {
    const unknownTask = randomUUID();
    const before = (await scrape()).text;
    const series = { method: 'GET', route: '/api/journeys/:id', status: '200' };
    const missing = { method: 'GET', route: '/api/tasks/:id', status: '404' };
    expect((await h.as('sales')('GET', `/api/journeys/${encodeURIComponent(journeyId)}`)).status).toBe(200);
    expect((await h.as('sales')('GET', `/api/tasks/${unknownTask}`)).status).toBe(404);
    expect((await h.as('sales')('GET', `/api/no-such-thing/${unknownTask}`)).status).toBe(404);
    const after = (await scrape()).text;
    expect(value(after, 'pivotal_http_request_duration_seconds_count', series)).toBe(value(before, 'pivotal_http_request_duration_seconds_count', series) + 1);
    expect(value(after, 'pivotal_http_request_duration_seconds_count', missing)).toBe(value(before, 'pivotal_http_request_duration_seconds_count', missing) + 1);
    expect(value(after, 'pivotal_http_request_duration_seconds_bucket', { ...series, le: '+Inf' })).toBe(value(after, 'pivotal_http_request_duration_seconds_count', series));
    expect(value(after, 'pivotal_http_request_duration_seconds_count', { method: 'GET', route: '(no route)', status: '404' })).toBeGreaterThanOrEqual(1);
    expect(after).not.toContain(unknownTask);
    expect(after).not.toContain(journeyId);
  });

  it('counts webhook deliveries by provider and outcome', async () => {
    const before = (await scrape()).text;
    const outcome = (o: string, text: string) => value(text, 'pivotal_webhook_deliveries_total', { provider: 'stripe', outcome: o });
    // An event no journey waits for, about our journey: recorded, then a duplicate when redelivered.
    const event = JSON.stringify(stripeEvent('customer.updated', { id: `cus_${randomUUID()}`, metadata: { journeyId } }));
    const recorded: any = await (await postStripe(event)).json();
    const duplicate: any = await (await postStripe(event)).json();
    expect([recorded.receipt, duplicate.receipt]).toEqual(['recorded', 'duplicate']);
    // A payment no journey owns: unmatched. A forged signature: refused.
    const orphan = JSON.stringify(stripeEvent('payment_intent.succeeded', { id: `pi_${randomUUID()}`, amount_received: 100, currency: 'eur', metadata: {} }));
    expect(((await (await postStripe(orphan)).json()) as any).receipt).toBe('unmatched');
    expect((await postStripe(orphan, signStripePayload(orphan, 'whsec_wrong'))).status).toBe(400);
    const after = (await scrape()).text;
    for (const o of ['recorded', 'duplicate', 'unmatched', 'refused']) expect(outcome(o, after)).toBe(outcome(o, before) + 1);
    expect(outcome('applied', after)).toBe(outcome('applied', before));
  });

  it('answers with the process metrics and pivotal_database_up 0 when PostgreSQL does not', async () => {
    // A database client on a port nothing listens on.
    const down = createDb('postgresql://postgres:postgres@127.0.0.1:9/none');
    const downApp = createApp({ db: down, temporal: createTemporalClient(h.env.connection, 'default'), config: h.config, log });
    const server = await listen(downApp);
    try {
      const res = await scrape(server.url);
      expect(res.status).toBe(200);
      expect(res.text).toContain('pivotal_database_up 0');
      expect(res.text).toContain('process_cpu_seconds_total');
      expect(res.text).not.toContain('pivotal_tasks_open{');
    } finally {
      await server.close();
      await down.$disconnect();
    }
  });

  it('needs METRICS_TOKEN as a Bearer token in production, and is off there without one', async () => {
    const production = {
      NODE_ENV: 'production',
      AUTH_SECRET: 'a-production-secret-of-at-least-32-characters',
      DEV_USERS: 'false',
      PUBLIC_URL: 'https://flow.example.com',
      SMTP_URL: 'smtp://mail.example.com:587',
      STRIPE_SECRET_KEY: 'sk_live_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
      DOCUSIGN_ACCOUNT_ID: 'acct',
      DOCUSIGN_ACCESS_TOKEN: 'token',
      DOCUSIGN_CONNECT_HMAC_KEY: 'key',
    };
    const token = 'metrics-token-0123456789abcdef';
    const withToken = await listen(createApp({ db: h.db, temporal: h.env.client, config: loadConfig({ ...production, METRICS_TOKEN: token }), log }));
    const without = await listen(createApp({ db: h.db, temporal: h.env.client, config: loadConfig(production), log }));
    try {
      const none = await scrape(withToken.url);
      expect(none.status).toBe(401);
      expect(JSON.parse(none.text).error.code).toBe('unauthenticated');
      expect((await scrape(withToken.url, { authorization: `Bearer ${token}x` })).status).toBe(401);
      expect((await scrape(withToken.url, { authorization: token })).status).toBe(401);
      const ok = await scrape(withToken.url, { authorization: `Bearer ${token}` });
      expect(ok.status).toBe(200);
      expect(ok.text).toContain('pivotal_database_up 1');
      expect((await scrape(without.url, { authorization: `Bearer ${token}` })).status).toBe(404);
    } finally {
      await withToken.close();
      await without.close();
    }
    expect(() => loadConfig({ ...production, METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(loadConfig({}).metrics).toMatchObject({ served: true, token: undefined, workerBindAddress: undefined });
  });
});

async function listen(app: ReturnType<typeof createApp>) {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('request ids', () => {
  const ofRequest = (requestId: string) => lines.filter((l) => l.requestId === requestId);

  it('are echoed, and a caller\'s is kept only when it is sane', async () => {
    const mine = await request(h.baseUrl, 'GET', '/healthz', undefined, undefined, { 'x-request-id': 'edge-proxy:7f3a.1' });
    expect(mine.headers.get('x-request-id')).toBe('edge-proxy:7f3a.1');
    for (const bad of ['has space', 'x'.repeat(129), 'semi;colon', '"quoted"']) {
      const res = await request(h.baseUrl, 'GET', '/healthz', undefined, undefined, { 'x-request-id': bad });
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    const fresh = await request(h.baseUrl, 'GET', '/healthz');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("are on the request's log lines and on the workflow and activity lines it causes", async () => {
    const leadId = `lead-${randomUUID()}`;
    const res = await request(h.baseUrl, 'POST', '/api/leads', lead(), undefined, { 'x-request-id': leadId });
    expect(res.headers.get('x-request-id')).toBe(leadId);
    const journeyId: string = res.body.journeyId;
    await eventually(async () => ofRequest(leadId).map((l) => l.msg), (msgs) => msgs.some((m) => m.startsWith('task created: follow-up-call')));
    const leadLines = ofRequest(leadId);
    // The API's own line for the request, the journey's start, and the task its first activities wrote.
    expect(leadLines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ msg: 'request completed', req: expect.objectContaining({ id: leadId }) }),
        expect.objectContaining({ msg: `journey started journey=${journeyId}`, journeyId, sdkComponent: 'workflow' }),
        expect.objectContaining({ msg: expect.stringMatching(/^task created: follow-up-call/), journeyId }),
      ]),
    );

    // An Update sent by another request: its lines carry that request's id, and the activity it
    // caused logs its failed attempt with it (a trigger refuses the next task's row once).
    const task = await h.db.task.findFirstOrThrow({ where: { journeyId, status: 'OPEN' } });
    const completeId = `complete-${randomUUID()}`;
    const fn = `refuse_once_${randomUUID().replace(/-/g, '')}`;
    await h.db.$executeRawUnsafe(`
      CREATE FUNCTION ${fn}() RETURNS trigger AS $$
      BEGIN
        IF NEW."journeyId" = '${journeyId}' AND NEW.type = 'discovery-meeting' THEN RAISE EXCEPTION 'refused once by the metrics test'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await h.db.$executeRawUnsafe(`CREATE TRIGGER ${fn} BEFORE INSERT ON "Task" FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    try {
      const done = await request(h.baseUrl, 'POST', `/api/tasks/${task.id}/complete`, { result: followUpQualified }, h.users.sales.token, { 'x-request-id': completeId });
      expect(done.status).toBe(200);
      await eventually(async () => ofRequest(completeId).map((l) => l.msg), (msgs) => msgs.some((m) => m.startsWith('activity failed; Temporal will retry it')));
    } finally {
      await h.db.$executeRawUnsafe(`DROP TRIGGER ${fn} ON "Task"`);
      await h.db.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
    await eventually(async () => ofRequest(completeId).map((l) => l.msg), (msgs) => msgs.some((m) => m.startsWith('task created: discovery-meeting')));
    expect(ofRequest(completeId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ msg: `task completed journey=${journeyId}`, taskId: task.id }),
        expect.objectContaining({ msg: `activity failed; Temporal will retry it journey=${journeyId}`, activityType: 'createTask', sdkComponent: 'activity', level: 40 }),
      ]),
    );
    // Nothing of the lead's request leaks onto the completion's lines, nor the other way round.
    expect(ofRequest(leadId).some((l) => /task completed|discovery-meeting/.test(l.msg))).toBe(false);

    // The worker's Prometheus endpoint (the Temporal runtime's exporter) counted the failed attempt.
    const worker = await eventually(
      async () => (await fetch(`http://127.0.0.1:${workerMetricsPort}/metrics`)).text(),
      (text) => /pivotal_activity_failures_total\{[^}]*activityType="createTask"[^}]*\} [1-9]/.test(text),
    );
    expect(worker).toMatch(/pivotal_activity_failures_total\{[^}]*failure_kind="Retryable"[^}]*final="false"/);
    expect(worker).toMatch(/temporal_worker_task_slots_available\{/);
  });
});
