// Journeys that fail for good, on the real dev server and PostgreSQL. A journey whose task row
// vanished fails after five attempts at its reminder: FAILED with the reason in managers' list,
// every attempt logged with its journey id; once the row is back a manager retries it (Temporal's
// reset to just before the reminder), and it carries on to its next stage; a second retry is a
// 409, anyone else a 403. A bug in journey code fails the journey with the reason instead of
// retrying its workflow task for ever, while a non-deterministic change still retries, so a fixed
// deploy picks the journey up. And the failure's records and a retry's undoing of them, directly.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Connection, WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { temporal as proto } from '@temporalio/proto';
import { bundleWorkflowCode, DefaultLogger, Worker, type WorkerOptions } from '@temporalio/worker';
import Long from 'long';
import { createApp } from '../../../api/app';
import { resetPoint } from '../../../api/domain/retry-journey';
import { createLogger } from '../../../platform/logger';
import { recordJourneyFailure, reopenFailedJourney } from '../../../platform/journey-failures';
import { installTemporalLogging } from '../../../platform/temporal-runtime';
import { JOURNEY_WORKFLOW_INTERCEPTORS } from '../../../workers/journey-worker';
import { startHarness, workflowBundle, type Harness } from '../../support/harness';
import { bugFailedJourney } from '../../support/failed-journey';
import { eventually, request } from '../../support/http';
import { followUpQualified, lead } from '../../support/fixtures';

/** What the SDK logged (journey code and activities included), as pino wrote it. */
const logged: Array<{ level: number; msg: string; journeyId?: string; runId?: string; attempt?: number }> = [];

let h: Harness;
beforeAll(async () => {
  installTemporalLogging(createLogger('info', 'temporal-sdk', { write: (line: string) => void logged.push(JSON.parse(line)) }));
  // The follow-up call is due in 7.2 s, so its reminder comes 5.4 s after it is created.
  h = await startHarness({ env: { FOLLOW_UP_DUE_HOURS: '0.002' } });
}, 180_000);
afterAll(() => h?.stop());

const enc = encodeURIComponent;

/** The fixture's "earlier version" of the acquisition journey, bundled once. */
let earlierCode: ReturnType<typeof bundleWorkflowCode> | undefined;
const earlierBundle = () =>
  (earlierCode ??= bundleWorkflowCode({
    workflowsPath: require.resolve('./fixtures/earlier-acquisition'),
    workflowInterceptorModules: JOURNEY_WORKFLOW_INTERCEPTORS,
    logger: new DefaultLogger('WARN'),
  }));
const filter = (f: object) => enc(JSON.stringify(f));
const linesOf = (journeyId: string) => logged.filter((l) => l.journeyId === journeyId);

describe('a journey that failed for a cause that passed', () => {
  it('is listed FAILED with its reason, logged attempt by attempt, and carries on once a manager retries it', async () => {
    const { body } = await h.as('anonymous')('POST', '/api/leads', lead());
    const journeyId: string = body.journeyId;
    const task = (await eventually(() => h.db.task.findFirst({ where: { journeyId } }), Boolean))!;
    // Gone before its reminder (someone's clean-up, say): the reminder cannot find it, five times.
    await h.db.task.delete({ where: { id: task.id } });

    const failed = await eventually(() => h.db.journey.findUniqueOrThrow({ where: { id: journeyId } }), (j) => j.status === 'FAILED', 40_000);
    expect(failed.endReason).toBe('remindTask: a required Task was not found');
    const list = await h.as('manager')('GET', `/api/journeys?filter=${filter({ status: 'FAILED', customerId: body.customerId })}`);
    expect(list.body).toEqual([expect.objectContaining({ id: journeyId, status: 'FAILED', endReason: failed.endReason, endedAt: failed.endedAt!.toISOString() })]);
    const alert = await h.db.notification.findFirstOrThrow({ where: { journeyId, kind: 'journey_failed' } });
    expect(alert).toMatchObject({ recipientRole: 'manager', readAt: null });
    expect((await h.db.journeyWait.findUniqueOrThrow({ where: { id: `task:${task.id}` } })).outcome).toBe('journey_ended');

    // Every failed attempt is in the log with its journey, readable as journey=<id>; then the failure.
    // (The SDK passes log lines on within a fraction of a second, merged in time order with its core's.)
    const failure = `journey failed: remindTask: a required Task was not found journey=${journeyId}`;
    await eventually(async () => linesOf(journeyId).map((l) => l.msg), (msgs) => msgs.includes(failure));
    expect(linesOf(journeyId).map((l) => l.msg)).toEqual(
      expect.arrayContaining([`journey started journey=${journeyId}`, `stage entered: inquiry journey=${journeyId}`, `task created: follow-up-call for sales journey=${journeyId}`]),
    );
    const attempts = linesOf(journeyId).filter((l) => l.msg.startsWith('activity failed'));
    expect(attempts.map((l) => [l.msg, l.attempt])).toEqual([
      ...[1, 2, 3, 4].map((n) => [`activity failed; Temporal will retry it journey=${journeyId}`, n]),
      [`activity failed for good journey=${journeyId}`, 5],
    ]);

    const retry = (role: 'manager' | 'sales', reason = 'The task row is back') =>
      h.as(role)('POST', `/api/journeys/${enc(journeyId)}/retry`, { reason });
    expect((await retry('sales')).status).toBe(403);
    const noReason = await retry('manager', '');
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].field).toBe('reason');

    const { id, type, title, role, dueAt, slaAt, createdAt } = task;
    await h.db.task.create({ data: { id, journeyId, type, title, role, dueAt, slaAt, createdAt, input: task.input as object } });
    // Two managers at once: one retries it, the other hears it was done; a retry after that is a 409 too.
    const both = await Promise.all([retry('manager'), retry('manager')]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const retried = both.find((r) => r.status === 200)!;
    expect(retried.body).toMatchObject({ id: journeyId, status: 'RUNNING', runId: expect.any(String) });
    expect((await retry('manager')).status).toBe(409);
    // Temporal holds the failed run and the one the reset started, nothing else (the second reset was not a new one).
    const runsOf = async () => {
      const runs: string[][] = [];
      for await (const run of h.env.client.workflow.list({ query: `WorkflowId = "${journeyId}"` })) runs.push([run.runId, run.status.name]);
      return runs.sort();
    };
    const expected = [[retried.body.failedRunId, 'FAILED'], [retried.body.runId, 'RUNNING']].sort();
    expect(await eventually(runsOf, (runs) => runs.length === 2)).toEqual(expected);

    expect(await h.db.journey.findUniqueOrThrow({ where: { id: journeyId } })).toMatchObject({ status: 'RUNNING', endReason: null, endedAt: null });
    expect((await h.db.journeyWait.findUniqueOrThrow({ where: { id: `task:${task.id}` } })).endedAt).toBeNull();
    expect((await h.db.notification.findUniqueOrThrow({ where: { id: alert.id } })).readAt).not.toBeNull();
    const trail = await h.db.journeyEvent.findFirstOrThrow({ where: { journeyId, type: 'journey_retried' } });
    expect(trail).toMatchObject({ actor: h.users.manager.id, data: expect.objectContaining({ reason: 'The task row is back', failure: failed.endReason }) });
    const { status } = await h.env.client.workflow.getHandle(journeyId).describe();
    expect(status.name).toBe('RUNNING');

    // The reminder runs again and succeeds; the task, past its SLA by now, goes to the managers, and
    // once done the journey moves on.
    const escalated = await eventually(() => h.db.task.findUniqueOrThrow({ where: { id: task.id } }), (t) => t.remindedAt !== null && t.role === 'manager');
    expect(escalated.status).toBe('OPEN');
    expect((await h.as('manager')('POST', `/api/tasks/${task.id}/complete`, { result: followUpQualified })).status).toBe(200);
    await eventually(() => h.db.journey.findUniqueOrThrow({ where: { id: journeyId } }), (j) => j.stage === 'discovery');
    await eventually(async () => linesOf(journeyId).map((l) => l.msg), (msgs) => msgs.includes(`stage entered: discovery journey=${journeyId}`));
  }, 90_000);

  it('finishes a retry whose answer was lost after Temporal took the reset, without resetting it again', async () => {
    // The earlier acquisition code on a queue of its own: its first step fails for good once (a row
    // missing), then works (the row is back).
    const taskQueue = `lost-answer-${randomUUID()}`;
    let missing = true;
    const routeLead = async () => {
      if (!missing) return null;
      missing = false;
      throw ApplicationFailure.nonRetryable('a required User was not found', 'InconsistentRecords');
    };
    const customer = await h.db.customer.create({ data: { companyName: 'Lost Answer Co', contactName: 'Lou', email: `lou-${randomUUID()}@lost.test` } });
    const journeyId = `journey:${customer.id}:acquisition:1`;
    const handle = await h.env.client.workflow.start('acquisitionJourney', { taskQueue, workflowId: journeyId, args: [{}] });
    const earlier = await earlierBundle();
    await (await Worker.create({ connection: h.env.nativeConnection, taskQueue, workflowBundle: earlier, activities: { routeLead } })).runUntil(async () => {
      await handle.result().catch(() => undefined);
      await h.db.journey.create({ data: { id: journeyId, kind: 'acquisition', customerId: customer.id, stage: 'inquiry', status: 'FAILED', endReason: 'routeLead: a required User was not found', endedAt: new Date() } });
      // Temporal takes the reset; then the answer is lost (the database, or the connection, failed).
      const { runId: failedRunId } = await handle.describe();
      const { runId } = await h.env.client.workflowService.resetWorkflowExecution({
        namespace: 'default',
        workflowExecution: { workflowId: journeyId, runId: failedRunId },
        workflowTaskFinishEventId: Long.fromNumber(resetPoint((await handle.fetchHistory()).events ?? [])),
        requestId: randomUUID(),
        reason: 'a retry whose answer was lost',
      });
      await eventually(() => handle.describe(), (d) => d.runId === runId && d.status.name === 'RUNNING');

      const retried = await h.as('manager')('POST', `/api/journeys/${enc(journeyId)}/retry`, { reason: 'Trying again: no answer the first time' });
      expect(retried).toMatchObject({ status: 200, body: { status: 'RUNNING', runId, failedRunId } });
      expect(await h.db.journey.findUniqueOrThrow({ where: { id: journeyId } })).toMatchObject({ status: 'RUNNING', endReason: null });
      expect((await handle.describe()).runId).toBe(runId);
      // (The handle from the start follows the first run, which failed: the journey goes on in the reset one.)
      const current = h.env.client.workflow.getHandle(journeyId);
      await current.signal('proceed');
      expect(await current.result()).toBe('done');
    });
  });

  it('answers 503 with Retry-After while Temporal does not answer, and leaves the journey FAILED', async () => {
    const customer = await h.db.customer.create({ data: { companyName: 'Outage Co', contactName: 'Otto', email: `otto-${randomUUID()}@outage.test` } });
    const journeyId = `journey:${customer.id}:acquisition:1`;
    await h.db.journey.create({ data: { id: journeyId, kind: 'acquisition', customerId: customer.id, stage: 'inquiry', status: 'FAILED', endReason: 'x', endedAt: new Date() } });
    // An API whose Temporal is nowhere (nothing listens on port 9 here), without the SDK's retries
    // (interceptors): the answer comes at once, and no retry outlives the test.
    const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:9', interceptors: [] }) });
    const server = await new Promise<Server>((resolve) => {
      const s = createApp({ db: h.db, temporal, config: h.config, log: createLogger('silent') }).listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const res = await request(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 'POST', `/api/journeys/${enc(journeyId)}/retry`, { reason: 'Try again' }, h.users.manager.token);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect((await h.db.journey.findUniqueOrThrow({ where: { id: journeyId } })).status).toBe('FAILED');
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await temporal.connection.close();
    }
  });

  it('records the failure again, with a new alert, when the cause is still there', async () => {
    // A bug that fails the journey again the moment the reset run gets to it: that failure is written
    // after the retry's own records, not before them (and then undone by them).
    const journeyId = await bugFailedJourney(h);
    const retried = await h.as('manager')('POST', `/api/journeys/${enc(journeyId)}/retry`, { reason: 'Perhaps it was a fluke' });
    expect(retried.status).toBe(200);
    const again = await eventually(() => h.db.journey.findUniqueOrThrow({ where: { id: journeyId } }), (j) => j.status === 'FAILED');
    expect(again.endReason).toBe('Journey code threw RangeError: Invalid time value');
    const trail = await h.db.journeyEvent.findMany({ where: { journeyId, type: { in: ['journey_failed', 'journey_retried'] } }, orderBy: { id: 'asc' } });
    expect(trail.map((e) => e.type)).toEqual(['journey_failed', 'journey_retried', 'journey_failed']);
    const alerts = await h.db.notification.findMany({ where: { journeyId, kind: 'journey_failed' }, orderBy: { createdAt: 'asc' } });
    expect(alerts.map((a) => a.readAt === null)).toEqual([false, true]);
  });

  it('answers 409 for a journey that has not failed, and 404 for none', async () => {
    const { body } = await h.as('anonymous')('POST', '/api/leads', lead());
    await eventually(() => h.db.journey.findUnique({ where: { id: body.journeyId } }), Boolean);
    const running = await h.as('manager')('POST', `/api/journeys/${enc(body.journeyId)}/retry`, { reason: 'Just because' });
    expect(running.status).toBe(409);
    const none = await h.as('manager')('POST', `/api/journeys/${enc('journey:nope:acquisition:1')}/retry`, { reason: 'Just because' });
    expect(none.status).toBe(404);
  });
});

describe('errors in journey code', () => {
  /** A worker on a queue of its own, with the given workflow code and stand-in activities. */
  const worker = (taskQueue: string, workflowBundle: WorkerOptions['workflowBundle'], activities: object) =>
    Worker.create({ connection: h.env.nativeConnection, namespace: h.env.namespace ?? 'default', taskQueue, workflowBundle, activities });
  const eventsOf = async (workflowId: string) => (await h.env.client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];

  it('a bug fails the journey, recorded FAILED with the reason, instead of retrying its workflow task', async () => {
    const taskQueue = `bug-${randomUUID()}`;
    const journeyId = `journey:${randomUUID()}:acquisition:1`;
    const failures: unknown[] = [];
    const activities = { recordLead: async () => undefined, recordStage: async () => undefined, failJourney: async (f: unknown) => void failures.push(f) };
    // Input without its inquiry: today's code reads inquiry.projectType and throws a TypeError.
    const handle = await h.env.client.workflow.start('acquisitionJourney', { taskQueue, workflowId: journeyId, args: [{ journeyId, customerId: randomUUID(), followUpDueHours: 24 }] });
    const err = await (await worker(taskQueue, await workflowBundle(), activities)).runUntil(handle.result().catch((e: unknown) => e));
    expect(err).toBeInstanceOf(WorkflowFailedError);
    expect((err as WorkflowFailedError).cause).toBeInstanceOf(ApplicationFailure);
    expect(((err as WorkflowFailedError).cause as ApplicationFailure).type).toBe('TypeError');
    expect(failures).toEqual([expect.objectContaining({ journeyId, reason: expect.stringMatching(/^Journey code threw TypeError: Cannot read properties of undefined/) })]);
    expect((await eventsOf(journeyId)).filter((e) => e.workflowTaskFailedEventAttributes)).toEqual([]);
    const failedLine = (msgs: string[]) => msgs.some((m) => /^journey failed: Journey code threw TypeError: .* journey=journey:/.test(m));
    await eventually(async () => linesOf(journeyId).map((l) => l.msg), failedLine);
  });

  it('a non-deterministic change still retries the workflow task, so a deploy that undoes it recovers the journey', async () => {
    const taskQueue = `nondeterminism-${randomUUID()}`;
    const workflowId = `journey:${randomUUID()}:acquisition:1`;
    const activities = { routeLead: async () => null };
    const earlier = await earlierBundle();
    const input = { journeyId: workflowId, customerId: randomUUID(), inquiry: lead(), followUpDueHours: 24 };
    const handle = await h.env.client.workflow.start('acquisitionJourney', { taskQueue, workflowId, args: [input] });
    const routed = (events: proto.api.history.v1.IHistoryEvent[]) => events.some((e) => e.activityTaskCompletedEventAttributes) && !!events.at(-1)?.workflowTaskCompletedEventAttributes;
    await (await worker(taskQueue, earlier, activities)).runUntil(eventually(() => eventsOf(workflowId), routed));

    // Today's code takes over (its first step differs) and cannot replay the journey.
    await handle.signal('proceed');
    const nondeterministic = (events: proto.api.history.v1.IHistoryEvent[]) =>
      events.some((e) => e.workflowTaskFailedEventAttributes?.cause === proto.api.enums.v1.WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_NON_DETERMINISTIC_ERROR);
    await (await worker(taskQueue, await workflowBundle(), activities)).runUntil(eventually(() => eventsOf(workflowId), nondeterministic));
    expect((await handle.describe()).status.name).toBe('RUNNING');
    // Core's own warning reaches the log too, with the run (it does not know the workflow id).
    const { runId } = await handle.describe();
    await eventually(async () => logged, (lines) => lines.some((l) => l.msg === 'Failing workflow task' && l.runId === runId));

    // The earlier code deployed again: the workflow task's next attempt succeeds and the journey completes.
    expect(await (await worker(taskQueue, earlier, activities)).runUntil(handle.result())).toBe('done');
  });
});

describe("the failure's records and a retry's undoing of them", () => {
  it('reopens what the reset journey still holds, drops what it will open again; a failed reset, a stale failure or a second retry changes nothing', async () => {
    const customer = await h.db.customer.create({ data: { companyName: 'Records Co', contactName: 'Rita', email: `rita-${randomUUID()}@records.test` } });
    const journeyId = `journey:${customer.id}:acquisition:1`;
    await h.db.journey.create({ data: { id: journeyId, kind: 'acquisition', customerId: customer.id, stage: 'inquiry' } });
    const taskRow = (id: string) => ({ id, journeyId, type: 'follow-up-call', title: 'Call', role: 'sales', dueAt: new Date() });
    const [heldTask, later] = [randomUUID(), randomUUID()];
    await h.db.task.createMany({ data: [taskRow(heldTask), taskRow(later)] });
    const waitRow = (id: string, kind: 'task' | 'timer') => ({ id, journeyId, kind, key: id, description: 'A wait', since: new Date() });
    await h.db.journeyWait.createMany({
      data: [waitRow(`task:${heldTask}`, 'task'), waitRow(`task:${later}`, 'task'), waitRow(`${journeyId}:timer-held`, 'timer'), waitRow(`${journeyId}:timer-later`, 'timer')],
    });
    // A failure recorded before failures had keys of their own.
    await h.db.journeyEvent.create({ data: { journeyId, key: `${journeyId}:ended`, type: 'journey_failed', data: {}, at: new Date('2026-01-02T03:04:05Z') } });

    const at = new Date();
    await h.db.$transaction((tx) => recordJourneyFailure(tx, { journeyId, reason: 'recordStage: it broke', at }));
    expect(await h.db.task.findMany({ where: { journeyId }, select: { status: true, cancelReason: true } })).toEqual([
      { status: 'CANCELLED', cancelReason: 'The journey failed' },
      { status: 'CANCELLED', cancelReason: 'The journey failed' },
    ]);
    expect(await h.db.notification.count({ where: { journeyId, kind: 'journey_failed', readAt: null } })).toBe(1);

    const resets: string[] = [];
    const reset = async () => {
      resets.push('r2');
      return { failedRunId: 'r1', toEventId: 7, runId: 'r2' };
    };
    const held = { waitIds: new Set([`task:${heldTask}`, `${journeyId}:timer-held`]), taskIds: new Set([heldTask]) };
    const reopen = (failedAt: Date, retryReset = reset) =>
      h.db.$transaction((tx) => reopenFailedJourney(tx, { journeyId, failedAt, held, actor: h.users.manager.id, reason: 'Fixed', reset: retryReset }));
    // A reset that fails changes nothing here.
    await expect(reopen(at, () => Promise.reject(new Error('Temporal is down')))).rejects.toThrow('Temporal is down');
    expect((await h.db.journey.findUniqueOrThrow({ where: { id: journeyId } })).status).toBe('FAILED');
    // Nor does a retry of an earlier failure than the one recorded.
    expect(await reopen(new Date(at.getTime() - 1))).toBeUndefined();
    expect(await reopen(at)).toBe('r2');
    expect(await h.db.journey.findUniqueOrThrow({ where: { id: journeyId } })).toMatchObject({ status: 'RUNNING', endReason: null, endedAt: null });
    expect((await h.db.task.findUniqueOrThrow({ where: { id: heldTask } })).status).toBe('OPEN');
    expect((await h.db.task.findUniqueOrThrow({ where: { id: later } })).status).toBe('CANCELLED');
    const waits = await h.db.journeyWait.findMany({ where: { journeyId }, orderBy: { id: 'asc' } });
    expect(waits.map((w) => [w.id, w.endedAt, w.outcome])).toEqual([
      [`${journeyId}:timer-held`, null, null],
      [`task:${heldTask}`, null, null],
    ]);
    expect(await h.db.notification.count({ where: { journeyId, kind: 'journey_failed', readAt: null } })).toBe(0);
    const trail = await h.db.journeyEvent.findMany({ where: { journeyId }, orderBy: { id: 'asc' } });
    expect(trail.map((e) => [e.type, e.key])).toEqual([
      ['journey_failed', `${journeyId}:failed:2026-01-02T03:04:05.000Z`],
      ['journey_failed', `${journeyId}:failed:${at.toISOString()}`],
      ['journey_retried', `${journeyId}:retried:r2`],
    ]);
    expect(await reopen(at)).toBeUndefined();
    expect(resets).toEqual(['r2']);
  });
});
