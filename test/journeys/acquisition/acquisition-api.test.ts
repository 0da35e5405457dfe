// The walking skeleton through the HTTP API alone, on a real Temporal dev server and PostgreSQL.
import { WorkflowExecutionStatusName } from '@temporalio/client';
import { customerIdFor } from '../../../api/acquisition/submit-lead';
import { completeTaskUpdate } from '../../../workflows/runtime/definitions';
import { startHarness, type Harness } from '../../support/harness';
import { eventually } from '../../support/http';
import { discoveryMeeting, followUpQualified, lead } from '../../support/fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

// Sales works the acquisition journey's tasks.
const api = <T = any>(method: string, path: string, body?: unknown) => h.as('sales')<T>(method, path, body);
const journey = (id: string) => api('GET', `/api/journeys/${encodeURIComponent(id)}`);
const openTask = async (journeyId: string) =>
  (await eventually(() => journey(journeyId), (r) => r.body.tasks?.some((t: any) => t.status === 'OPEN'))).body.tasks.find(
    (t: any) => t.status === 'OPEN',
  );
const workflowStatus = async (id: string): Promise<WorkflowExecutionStatusName> =>
  (await h.env.client.workflow.getHandle(id).describe()).status.name;

describe('POST /api/leads', () => {
  it('creates a customer, an active lead, and starts a running journey', async () => {
    const input = lead();
    const res = await api('POST', '/api/leads', input);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ customerId: expect.any(String), journeyId: expect.stringMatching(/^journey:.+:acquisition:1$/) });
    expect(res.body.journeyId).toContain(res.body.customerId);
    expect(await workflowStatus(res.body.journeyId)).toBe('RUNNING');

    // The journey's first activity writes the projection.
    const customer = await eventually(() => api('GET', `/api/customers/${res.body.customerId}`), (r) => r.status === 200);
    expect(customer.body).toMatchObject({ lifecycle: 'ACTIVE_LEAD', email: input.email, companyName: 'Northwind Traders' });
    const inquiry = await h.db.inquiry.findFirstOrThrow({ where: { journeyId: res.body.journeyId } });
    expect(inquiry).toMatchObject({ projectType: 'Website Design', budgetRange: '$10K-$50K', timeline: '3-6 months' });

    // The engine's own page (inputs, links in payloads, a Cancel that bypasses the journey's) is for managers.
    expect((await journey(res.body.journeyId)).body.temporalUiUrl).toBeNull();
    const asManager = await h.as('manager')('GET', `/api/journeys/${encodeURIComponent(res.body.journeyId)}`);
    expect(asManager.body.temporalUiUrl).toMatch(/\/namespaces\/[^/]+\/workflows\/journey%3A/);
  });

  it('answers 400 naming each bad field, and writes nothing', async () => {
    const input = lead();
    const res = await api('POST', '/api/leads', { ...input, companyName: '  ', budgetRange: 7, surprise: true });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const fields = res.body.error.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['budgetRange', 'companyName', 'surprise']);
    const badEmail = await api('POST', '/api/leads', { ...input, email: 'not-an-email' });
    expect(badEmail.body.error.fields).toEqual([{ field: 'email', message: 'Must be an email address' }]);
    const missing = await api('POST', '/api/leads', {});
    expect(missing.body.error.fields).toContainEqual({ field: 'contactName', message: 'Required' });
    await expect(
      h.env.client.workflow.getHandle(`journey:${customerIdFor(input.email)}:acquisition:1`).describe(),
    ).rejects.toThrow(/not found/i);
    expect(await h.db.customer.findUnique({ where: { email: input.email } })).toBeNull();
  });

  it('answers 400 to a body that is not JSON', async () => {
    const res = await api('POST', '/api/leads', '{"companyName":');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
  });

  it('does not start a second journey for a duplicate submission, even concurrent ones', async () => {
    const input = lead();
    const answers = await Promise.all(Array.from({ length: 5 }, () => api('POST', '/api/leads', input)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const ids = new Set(answers.map((a) => a.body.journeyId));
    expect(ids.size).toBe(1);
    const again = await api('POST', '/api/leads', { ...input, email: input.email.toUpperCase() });
    expect(again).toMatchObject({ status: 200, body: answers[0]!.body });
    const customer = await eventually(
      () => h.db.customer.findUnique({ where: { email: input.email }, include: { journeys: true } }),
      Boolean,
    );
    expect(customer!.journeys).toHaveLength(1);
    expect(await h.db.inquiry.count({ where: { customerId: customer!.id } })).toBe(1);
  });
});

describe('the acquisition journey', () => {
  it('waits on a follow-up task due in 24 h, then moves to discovery when it is completed', async () => {
    const { body } = await api('POST', '/api/leads', lead());
    const task = await openTask(body.journeyId);
    expect(task).toMatchObject({ type: 'follow-up-call', role: 'sales', status: 'OPEN' });
    const dueInHours = (Date.parse(task.dueAt) - Date.parse(task.createdAt)) / 3_600_000;
    expect(dueInHours).toBeCloseTo(24, 1);

    const waiting = await journey(body.journeyId);
    expect(waiting.body).toMatchObject({ stage: 'inquiry', status: 'RUNNING', live: true });
    expect(waiting.body.waitingOn).toEqual([
      expect.objectContaining({ kind: 'task', key: task.id, unblockedBy: 'sales', deadline: task.dueAt }),
    ]);

    const done = await api('POST', `/api/tasks/${task.id}/complete`, { result: followUpQualified });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ taskId: task.id, status: 'COMPLETED' });

    const moved = await eventually(() => journey(body.journeyId), (r) => r.body.tasks.length === 2);
    expect(moved.body.waitingOn).toEqual([expect.objectContaining({ kind: 'task', description: expect.stringMatching(/Discovery/) })]);
    const completed = moved.body.tasks.find((t: any) => t.id === task.id);
    expect(completed).toMatchObject({ status: 'COMPLETED', completedBy: h.users.sales.id, result: followUpQualified });
    expect(moved.body.history.map((e: any) => e.type)).toEqual([
      'lead_received',
      'stage_entered',
      'task_created',
      'task_completed',
      'stage_entered',
      'task_created',
    ]);
  });

  it('answers 409 to a second completion and leaves the journey as it was', async () => {
    const { body } = await api('POST', '/api/leads', lead());
    const task = await openTask(body.journeyId);
    expect((await api('POST', `/api/tasks/${task.id}/complete`, { result: followUpQualified })).status).toBe(200);
    const settled = await eventually(() => journey(body.journeyId), (r) => r.body.tasks.length === 2);

    const twice = await api('POST', `/api/tasks/${task.id}/complete`, {
      result: { outcome: 'disqualified', notes: 'x', disqualifiedReason: 'changed my mind' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('conflict');
    const after = await journey(body.journeyId);
    expect(after.body.stage).toBe(settled.body.stage);
    expect(after.body.status).toBe('RUNNING');
    expect(after.body.history).toEqual(settled.body.history);
    expect(after.body.tasks.find((t: any) => t.id === task.id).result).toEqual(followUpQualified);
  });

  it('lets only one of two concurrent completions of the same task through', async () => {
    const { body } = await api('POST', '/api/leads', lead());
    const task = await openTask(body.journeyId);
    const answers = await Promise.all([
      api('POST', `/api/tasks/${task.id}/complete`, { result: followUpQualified }),
      api('POST', `/api/tasks/${task.id}/complete`, { result: followUpQualified }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const events = await h.db.journeyEvent.count({ where: { journeyId: body.journeyId, type: 'task_completed' } });
    expect(events).toBe(1);
  });

  it('rejects a malformed completion with 400 naming the field, and keeps the task open', async () => {
    const { body } = await api('POST', '/api/leads', lead());
    const task = await openTask(body.journeyId);
    const bad = await api('POST', `/api/tasks/${task.id}/complete`, { result: { outcome: 'disqualified', notes: '' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: any) => f.field).sort()).toEqual(['result.disqualifiedReason', 'result.notes']);
    const noResult = await api('POST', `/api/tasks/${task.id}/complete`, {});
    expect(noResult.status).toBe(400);
    expect(noResult.body.error.fields[0].field).toBe('result');
    expect((await h.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('OPEN');
  });

  it('the workflow itself refuses an invalid result, even past the API', async () => {
    const { body } = await api('POST', '/api/leads', lead());
    const task = await openTask(body.journeyId);
    await expect(
      h.env.client.workflow
        .getHandle(body.journeyId)
        .executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, completedBy: 'x', result: { outcome: 'maybe' } }] }),
    ).rejects.toMatchObject({ cause: { type: 'InvalidTaskResult' } });
    expect((await h.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('OPEN');
  });

  it('moves to the proposal after discovery, where sales prepares the quote', async () => {
    const { body } = await api('POST', '/api/leads', lead());
    await api('POST', `/api/tasks/${(await openTask(body.journeyId)).id}/complete`, { result: followUpQualified });
    const discovery = await eventually(() => openTask(body.journeyId), (t) => t.type === 'discovery-meeting');
    expect((await api('POST', `/api/tasks/${discovery.id}/complete`, { result: discoveryMeeting })).status).toBe(200);
    const quoteTask = await eventually(() => openTask(body.journeyId), (t) => t.type === 'prepare-quote');
    expect(quoteTask).toMatchObject({ role: 'sales', input: { version: 1, discovery: discoveryMeeting } });
    const now = await journey(body.journeyId);
    expect(now.body).toMatchObject({ status: 'RUNNING', stage: 'proposal', live: true });
  });

  it('ends LOST with the reason when the lead is disqualified, and the customer can come back', async () => {
    const input = lead();
    const { body } = await api('POST', '/api/leads', input);
    const task = await openTask(body.journeyId);
    await api('POST', `/api/tasks/${task.id}/complete`, {
      result: { outcome: 'disqualified', notes: 'No budget this year', disqualifiedReason: 'No budget' },
    });
    await h.env.client.workflow.getHandle(body.journeyId).result();
    const final = await journey(body.journeyId);
    expect(final.body).toMatchObject({ status: 'LOST', endReason: 'No budget' });
    // The journey is lost; the customer is a prospect, never having been a client.
    expect((await api('GET', `/api/customers/${body.customerId}`)).body.lifecycle).toBe('PROSPECT');

    const back = await api('POST', '/api/leads', input);
    expect(back.status).toBe(201);
    expect(back.body.customerId).toBe(body.customerId);
    expect(back.body.journeyId).toMatch(/:acquisition:2$/);
    await eventually(() => api('GET', `/api/customers/${body.customerId}`), (r) => r.body.lifecycle === 'ACTIVE_LEAD');
    expect(await h.db.journey.count({ where: { customerId: body.customerId } })).toBe(2);
  });

  it('numbers a new lead after its ended journeys even once Temporal deleted them (retention), from PostgreSQL', async () => {
    const input = lead();
    const { body } = await api('POST', '/api/leads', input);
    const task = await openTask(body.journeyId);
    await api('POST', `/api/tasks/${task.id}/complete`, { result: { outcome: 'disqualified', notes: 'No budget', disqualifiedReason: 'No budget' } });
    await h.env.client.workflow.getHandle(body.journeyId).result();
    // What a namespace's retention does to a closed workflow, a day after it closed.
    await h.env.client.workflowService.deleteWorkflowExecution({ namespace: h.env.namespace ?? 'default', workflowExecution: { workflowId: body.journeyId } });
    // Deletion is asynchronous in the server: under the full suite's load it has taken over 20 s.
    await eventually(
      () => h.env.client.workflow.getHandle(body.journeyId).describe().then(() => 'still there', () => 'deleted'),
      (s) => s === 'deleted',
      90_000,
    );

    const back = await api('POST', '/api/leads', input);
    expect(back).toMatchObject({ status: 201, body: { journeyId: body.journeyId.replace(/:1$/, ':2') } });
    await eventually(() => h.db.journey.findUnique({ where: { id: back.body.journeyId } }), Boolean);
    expect(await journey(body.journeyId)).toMatchObject({ body: { status: 'LOST' } });
    // And while that second one runs, a repeat finds it.
    expect((await api('POST', '/api/leads', input)).body.journeyId).toBe(back.body.journeyId);
  }, 150_000);
});

describe('not found', () => {
  it('answers 404 for unknown journeys, tasks and routes', async () => {
    expect((await journey('journey:00000000-0000-0000-0000-000000000000:acquisition:1')).status).toBe(404);
    expect((await api('POST', '/api/tasks/00000000-0000-0000-0000-000000000000/complete', { result: {} })).status).toBe(404);
    expect((await api('POST', '/api/tasks/not-a-uuid/complete', { result: {} })).status).toBe(404);
    expect((await api('GET', '/api/nothing-here')).status).toBe(404);
  });
});

describe('lists', () => {
  it('pages, sorts and filters tasks in the simple-REST format', async () => {
    const { body } = await api('POST', '/api/leads', lead());
    await openTask(body.journeyId);
    const filter = encodeURIComponent(JSON.stringify({ journeyId: body.journeyId, status: 'OPEN' }));
    const res = await api('GET', `/api/tasks?filter=${filter}&range=[0,9]&sort=["dueAt","ASC"]`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-range')).toBe('tasks 0-0/1');
    expect(res.body[0].journeyId).toBe(body.journeyId);

    const badSort = await api('GET', '/api/tasks?sort=["password","ASC"]');
    expect(badSort.status).toBe(400);
    expect(badSort.body.error.fields[0].field).toBe('query.sort.0');
  });
});

describe('health', () => {
  it('reports live and ready when PostgreSQL and Temporal answer', async () => {
    expect((await api('GET', '/healthz')).body).toEqual({ status: 'ok' });
    expect(await api('GET', '/readyz')).toMatchObject({ status: 200, body: { checks: { database: 'ok', temporal: 'ok' } } });
  });
});
