// Input PostgreSQL cannot store, bodies no client of ours sends, and client errors that used to be
// 500s, on the real dev server and PostgreSQL. A string with a NUL or an unpaired surrogate is a
// 400 at every edge (so no journey is handed one); a journey whose data cannot be stored anyway
// fails visibly (FAILED, an alert for managers) and does not silence the next, genuine lead; the
// validated task result reaches the journey, not the raw body; an Update the journey does not take
// in time is a 503 with Retry-After. Runs its worker-less case last.
import { randomUUID } from 'node:crypto';
import { customerIdFor } from '../../api/acquisition/submit-lead';
import { journeyWorkflowId } from '../../workflows/runtime/definitions';
import { startHarness, type Harness } from '../support/harness';
import { eventually, request } from '../support/http';
import { followUpQualified, lead } from '../support/fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

/** POSTs JSON text as written (raw escapes such as \u0000 and \ud800 survive, as a client sends them). */
const postRaw = (path: string, json: string, token?: string) => request(h.baseUrl, 'POST', path, json, token);

/** A lead's body as JSON text with one field's value replaced by raw JSON text. */
const leadWith = (field: string, rawValue: string, base = lead()) =>
  JSON.stringify({ ...base, [field]: '__HOLE__' }).replace('"__HOLE__"', rawValue);

async function openTask() {
  const { body } = await h.as('anonymous')('POST', '/api/leads', lead());
  const task = await eventually(() => h.db.task.findFirst({ where: { journeyId: body.journeyId, status: 'OPEN' } }), Boolean);
  return { journeyId: body.journeyId as string, taskId: task!.id };
}

describe('text PostgreSQL cannot store', () => {
  it.each([
    ['a NUL', 'companyName', '"Nul\\u0000Co"'],
    ['an unpaired high surrogate', 'description', '"A new store \\ud800"'],
    ['an unpaired low surrogate', 'contactName', '"\\udc00Nancy"'],
  ])('refuses %s in a lead with 400 naming the field, and a genuine lead from that address then starts', async (_what, field, raw) => {
    const base = lead();
    const res = await postRaw('/api/leads', leadWith(field, raw, base));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ field, message: expect.stringMatching(/NUL character or an unpaired surrogate/) })]);
    expect(await h.db.customer.findUnique({ where: { email: base.email } })).toBeNull();

    const genuine = await h.as('anonymous')('POST', '/api/leads', base);
    expect(genuine.status).toBe(201);
  });

  it('refuses it in field names, query filters, comments, cancel reasons, user names and task results', async () => {
    const { journeyId, taskId } = await openTask();
    const cases: Array<[string, string, string, string]> = [
      ['/api/leads', leadWith('notes\\u0000', '"x"').replace('"notes\\\\u0000"', '"notes\\u0000"'), 'anonymous', 'notes\u0000'],
      [`/api/tasks/${taskId}/comments`, '{"body":"Called\\u0000"}', 'sales', 'body'],
      [`/api/journeys/${encodeURIComponent(journeyId)}/cancel`, '{"reason":"Gone \\ud800 quiet"}', 'manager', 'reason'],
      ['/api/users', `{"email":"u-${randomUUID()}@pivotal.test","name":"Ada\\u0000","roles":["pm"],"password":"a long enough password"}`, 'admin', 'name'],
      [`/api/tasks/${taskId}/complete`, '{"result":{"outcome":"qualified","notes":"Keen\\u0000"}}', 'sales', 'result.notes'],
    ];
    for (const [path, json, role, field] of cases) {
      const res = await postRaw(path, json, role === 'anonymous' ? undefined : h.users[role as 'sales'].token);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body.error.fields[0].field).toBe(field);
    }
    const filter = await h.as('sales')('GET', `/api/tasks?filter=${encodeURIComponent('{"journeyId":"x\\u0000"}')}`);
    expect(filter.status).toBe(400);
    expect(filter.body.error.fields[0].field).toBe('query.filter');
    const pathNul = await h.as('sales')('GET', '/api/tasks/%00');
    expect(pathNul.status).toBe(400);
    // Nothing changed: the task is open, uncommented; the journey runs.
    expect(await h.db.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ status: 'OPEN' });
    expect(await h.db.taskComment.count({ where: { taskId } })).toBe(0);
    expect(await h.db.journey.findUniqueOrThrow({ where: { id: journeyId } })).toMatchObject({ status: 'RUNNING' });
  });

  it('refuses it on a customer-link form before looking at the link', async () => {
    const res = await fetch(`${h.baseUrl}/customer/decisions/not-a-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: 'decision=request-changes&comments=Fix%00it',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.fields[0]).toMatchObject({ field: 'comments' });
  });
});

describe('a journey whose data cannot be stored', () => {
  it('fails visibly (FAILED workflow, an alert for managers) instead of retrying, and the next genuine lead starts a new journey', async () => {
    // Past the API (a developer's client, an older version): the workflow gets what PostgreSQL refuses.
    const inquiry = { ...lead(), companyName: 'Nul\u0000Co' };
    const customerId = customerIdFor(inquiry.email);
    const journeyId = journeyWorkflowId(customerId, 'acquisition', 1);
    const handle = await h.env.client.workflow.start('acquisitionJourney', {
      workflowId: journeyId,
      taskQueue: h.taskQueue,
      args: [{ journeyId, customerId, inquiry, followUpDueHours: 24 }],
    });
    await expect(handle.result()).rejects.toThrow();
    const { status } = await handle.describe();
    expect(status.name).toBe('FAILED');
    const history = await handle.fetchHistory();
    const scheduled = history.events!.filter((e) => e.activityTaskScheduledEventAttributes).map((e) => e.activityTaskScheduledEventAttributes!.activityType!.name);
    const attempts = history.events!.filter((e) => e.activityTaskStartedEventAttributes).map((e) => e.activityTaskStartedEventAttributes!.attempt);
    // recordLead once, not retried every minute; then the failure is recorded.
    expect(scheduled).toEqual(['recordLead', 'failJourney']);
    expect(attempts).toEqual([1, 1]);
    const alert = await h.db.notification.findFirst({ where: { journeyId, kind: 'journey_failed' } });
    expect(alert).toMatchObject({ recipientRole: 'manager', kind: 'journey_failed', journeyId });
    expect(alert!.title).toMatch(/recordLead: PostgreSQL refused the data \(22021\)/);
    const managerSees = await h.as('manager')('GET', `/api/notifications?filter=${encodeURIComponent('{"unread":true}')}&range=[0,199]`);
    expect(managerSees.body.map((n: { key?: string; id: string }) => n.id)).toContain(alert!.id);

    const genuine = await h.as('anonymous')('POST', '/api/leads', { ...inquiry, companyName: 'Genuine Co' });
    expect(genuine.status).toBe(201);
    expect(genuine.body.journeyId).toBe(journeyWorkflowId(customerId, 'acquisition', 2));
    await eventually(() => h.db.customer.findUnique({ where: { email: inquiry.email } }), (c) => c?.companyName === 'Genuine Co');
  });
});

describe('task results', () => {
  it('bounds notes and sends the journey the validated result, without unknown keys', async () => {
    const { taskId } = await openTask();
    const long = await h.as('sales')('POST', `/api/tasks/${taskId}/complete`, { result: { ...followUpQualified, notes: 'x'.repeat(5001) } });
    expect(long.status).toBe(400);
    expect(long.body.error.fields[0].field).toBe('result.notes');
    const extra = await h.as('sales')('POST', `/api/tasks/${taskId}/complete`, { result: { ...followUpQualified, notes: '  Keen  ', sneaky: 'x' } });
    expect(extra.status).toBe(200);
    const stored = await h.db.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(stored.result).toEqual({ outcome: 'qualified', notes: 'Keen' });
  });

  it('refuses a body nested deeper than any form with 400, not a 500', async () => {
    const { taskId } = await openTask();
    const json = `{"result":{"outcome":"qualified","notes":"ok","extra":${'{"a":'.repeat(12_000)}1${'}'.repeat(12_000)}}}`;
    const res = await postRaw(`/api/tasks/${taskId}/complete`, json, h.users.sales.token);
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].message).toMatch(/Nested deeper than 32 levels/);
    expect(await h.db.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ status: 'OPEN' });
  });
});

describe('client errors are 4xx in the JSON error shape', () => {
  const send = (path: string, init: RequestInit) => fetch(h.baseUrl + path, { ...init, headers: { accept: 'application/json', ...init.headers } });
  it.each<[string, string, RequestInit, number, string]>([
    ['a charset other than utf-8', '/api/leads', { method: 'POST', headers: { 'content-type': 'application/json; charset=latin1' }, body: '{}' }, 415, 'unsupported_media_type'],
    ['an unknown Content-Encoding', '/api/leads', { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'bogus' }, body: '{}' }, 415, 'unsupported_media_type'],
    ['a gzip body that is not gzip', '/api/leads', { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: 'plain' }, 400, 'bad_request'],
    [
      'more than 1,000 form fields',
      '/customer/decisions/x',
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Array.from({ length: 1500 }, (_, i) => `f${i}=1`).join('&') },
      413,
      'payload_too_large',
    ],
    ['malformed percent-encoding in a path', '/api/tasks/%E0%A4%A', { method: 'GET' }, 400, 'validation_failed'],
    ['an unknown webhook path', '/webhooks/nope', { method: 'POST', body: '{}' }, 404, 'not_found'],
    ['a webhook path with the wrong method', '/webhooks/stripe', { method: 'GET' }, 404, 'not_found'],
    ['an unknown customer path', '/customer/nope/x', { method: 'GET' }, 404, 'not_found'],
  ])('%s', async (_what, path, init, status, code) => {
    const res = await send(path, { ...init, headers: { authorization: `Bearer ${h.users.manager.token}`, ...init.headers } });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(((await res.json()) as any).error.code).toBe(code);
  });

  it('bounds the waiting-on filter, so a huge number is a 400 rather than an invalid date', async () => {
    const res = await h.as('manager')('GET', `/api/journeys?filter=${encodeURIComponent('{"waitingLongerThanHours":1e12}')}`);
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].field).toBe('query.filter.waitingLongerThanHours');
  });
});

describe('with no worker running', () => {
  it('answers a task completion the journey cannot take in time with 503 and Retry-After, not a hang', async () => {
    const { taskId } = await openTask();
    await eventually(() => h.db.journeyWait.findFirst({ where: { key: taskId, endedAt: null } }), Boolean);
    await h.stopWorker();
    const started = Date.now();
    const res = await h.as('sales')('POST', `/api/tasks/${taskId}/complete`, { result: followUpQualified });
    const tookMs = Date.now() - started;
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.body.error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/may still be applied/) });
    expect(tookMs).toBeLessThan(20_000);
  });
});
