// The journey runtime on its own, fast: test-only journeys (runtime.workflows.ts) on Temporal's
// servers with every activity mocked (plain functions that log their calls and can be held), so
// each race is set up exactly. Timers on the time-skipping server; Updates that race each other,
// and messages that reach a run while it hands over (continue-as-new), on the real dev server,
// whose Update semantics matter there.
import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Worker, type InjectedSinks } from '@temporalio/worker';
import type { CustomerDecisionActivities } from '../../../activities/runtime/customer-decisions';
import type { EmailActivities } from '../../../activities/runtime/email';
import type { JourneyRecordActivities } from '../../../activities/runtime/journey-records';
import {
  cancelJourneyUpdate,
  completeTaskUpdate,
  customerDecisionUpdate,
  externalEventSignal,
  FailureTypes,
  journeyStateQuery,
} from '../../../workflows/runtime/definitions';
import { startTemporal } from '../../support/harness';
import { eventually } from '../../support/http';
import { followUpQualified } from '../../support/fixtures';
import { calendarOf } from '../../../workflows/runtime/business-calendar';
import { clockedTask, longLived, oneTask, taskAndDecision, WEEK, type HandoverSinks, type LongLivedActivities, type LongLivedInput } from './runtime.workflows';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Call = { name: string; input: any; runId: string };
type RuntimeActivities = JourneyRecordActivities & CustomerDecisionActivities & EmailActivities & LongLivedActivities;
const ACTIVITIES = [
  'recordStage', 'createTask', 'completeTask', 'remindTask', 'escalateTask', 'recordTaskClock', 'cancelTask', 'openWait', 'closeWait', 'recordEvent',
  'endJourney', 'failJourney', 'openCustomerDecision', 'closeCustomerDecision', 'sendEmail', 'applyEvents',
] as const satisfies ReadonlyArray<keyof RuntimeActivities>;

/** Every activity the runtime calls, as a function that logs its call (and the run that made it) and can be held until released. */
function mockActivities() {
  const calls: Call[] = [];
  const held = new Map<string, Promise<void>>();
  const activities = Object.fromEntries(
    ACTIVITIES.map((name) => [
      name,
      async (input: any) => {
        calls.push({ name, input, runId: Context.current().info.workflowExecution!.runId });
        await held.get(name);
        if (name === 'openCustomerDecision') return { url: 'https://pivotal.test/customer/decisions/token' };
      },
    ]),
  );
  return {
    activities,
    calls,
    of: (name: (typeof ACTIVITIES)[number]) => calls.filter((c) => c.name === name),
    /** Calls of `name` from now on wait until the returned function is called. */
    hold(name: (typeof ACTIVITIES)[number]): () => void {
      let release!: () => void;
      held.set(name, new Promise((r) => (release = r)));
      return () => {
        held.delete(name);
        release();
      };
    },
  };
}

let bundle: ReturnType<typeof bundleWorkflowCode>;
beforeAll(() => {
  bundle = bundleWorkflowCode({ workflowsPath: require.resolve('./runtime.workflows'), logger: new DefaultLogger('WARN') });
});

/** Runs `test` with a worker of its own (a task queue of its own) whose activities are `mocks`. */
async function withWorker<T>(
  env: TestWorkflowEnvironment,
  mocks: ReturnType<typeof mockActivities>,
  test: (start: <A extends any[]>(workflow: (...args: A) => Promise<unknown>, ...args: A) => Promise<WorkflowHandle>) => Promise<T>,
  sinks?: InjectedSinks<HandoverSinks>,
): Promise<T> {
  const taskQueue = `runtime-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await bundle, activities: mocks.activities, sinks });
  return worker.runUntil(
    test((workflow, ...args) => env.client.workflow.start(workflow as any, { taskQueue, workflowId: (args[0] as { journeyId: string }).journeyId, args })),
  );
}

const journeyId = () => `journey:${randomUUID()}:runtime-test:1`;
const complete = (handle: WorkflowHandle, taskId: string, completedBy = 'user-1', updateId?: string) =>
  handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, completedBy, result: followUpQualified }], updateId });
const answer = (handle: WorkflowHandle, subject: string, updateId?: string) =>
  handle.executeUpdate(customerDecisionUpdate, { args: [{ subject, decision: 'accept' }], updateId });
const cancel = (handle: WorkflowHandle) => handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: 'Customer left', cancelledBy: 'manager-1' }] });
/** The failure type a refused Update carries. */
const refusal = (p: Promise<unknown>) => p.then(
  () => 'accepted',
  (err) => (err instanceof WorkflowUpdateFailedError ? (err.cause as { type?: string }).type : Promise.reject(err)),
);
const called = (mocks: ReturnType<typeof mockActivities>, name: (typeof ACTIVITIES)[number], count = 1) => eventually(async () => mocks.of(name), (c) => c.length >= count);

describe('on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await startTemporal({ timeSkipping: true });
  });
  afterAll(() => env?.teardown());

  it('reminds a quarter before the due time, records the task overdue at it and escalates at the SLA, each once', async () => {
    const mocks = mockActivities();
    await withWorker(env, mocks, async (start) => {
      const handle = await start(oneTask, { journeyId: journeyId(), dueInMs: 4 * DAY, slaMs: 6 * DAY });
      const [created] = await called(mocks, 'createTask');
      await env.sleep(3 * DAY - HOUR);
      expect(mocks.of('remindTask')).toHaveLength(0);
      await env.sleep(2 * HOUR); // 3 days: a quarter of 4 before the due time
      await called(mocks, 'remindTask');
      expect(mocks.of('recordEvent')).toHaveLength(0);
      await env.sleep(DAY); // 4 days: due, the SLA (6) not yet breached
      const [overdue] = await called(mocks, 'recordEvent');
      expect(overdue!.input).toMatchObject({ key: `task:${created!.input.id}:overdue`, type: 'task_overdue' });
      expect(mocks.of('escalateTask')).toHaveLength(0);
      await env.sleep(2 * DAY);
      await called(mocks, 'escalateTask');
      expect((await handle.query(journeyStateQuery)).waitingOn).toEqual([expect.objectContaining({ id: `task:${created!.input.id}`, unblockedBy: 'manager' })]);

      await complete(handle, created!.input.id);
      expect(await handle.result()).toMatchObject({ status: 'COMPLETED', reason: followUpQualified.notes });
      expect([mocks.of('remindTask').length, mocks.of('recordEvent').length, mocks.of('escalateTask').length]).toEqual([1, 1, 1]);
    });
  });

  it('follows an escalation chain step by step while the task stays open, each step once', async () => {
    const mocks = mockActivities();
    await withWorker(env, mocks, async (start) => {
      const escalation = [
        { afterMs: 3 * DAY, role: 'manager' },
        { afterMs: 2 * DAY, role: 'pm' },
      ];
      const handle = await start(oneTask, { journeyId: journeyId(), dueInMs: 2 * DAY, escalation });
      const [created] = await called(mocks, 'createTask');
      const holder = async () => (await handle.query(journeyStateQuery)).waitingOn[0]?.unblockedBy;
      await env.sleep(2 * DAY + HOUR); // steps run in time order, whatever order they were given in
      await called(mocks, 'escalateTask');
      expect(await holder()).toBe('pm');
      await env.sleep(DAY);
      await called(mocks, 'escalateTask', 2);
      expect(await holder()).toBe('manager');
      expect(mocks.of('escalateTask').map((c) => [c.input.step, c.input.role])).toEqual([
        [0, 'pm'],
        [1, 'manager'],
      ]);
      await complete(handle, created!.input.id);
      expect(await handle.result()).toMatchObject({ status: 'COMPLETED' });
      expect(mocks.of('escalateTask')).toHaveLength(2);
    });
  });

  it('stops a task\'s clock while the journey waits on the customer, and moves its deadlines on by the pause', async () => {
    const mocks = mockActivities();
    await withWorker(env, mocks, async (start) => {
      const handle = await start(clockedTask, { journeyId: journeyId(), dueInMs: 2 * DAY, slaMs: 3 * DAY, askCustomerAfterMs: DAY });
      const [created] = await called(mocks, 'createTask');
      const since = Date.parse(created!.input.wait.since);
      const iso = (ms: number) => new Date(ms).toISOString();
      expect(created!.input.dueAt).toBe(iso(since + 2 * DAY));
      // Asked at day 1 (and the moments it took to ask): the clock stops with that counted.
      await env.sleep(DAY + HOUR);
      const [paused] = await called(mocks, 'recordTaskClock');
      expect(paused!.input).toMatchObject({ paused: true, change: 1 });
      const counted = Date.parse(paused!.input.at) - since;
      expect(counted).toBeGreaterThanOrEqual(DAY);
      expect(counted).toBeLessThan(DAY + 60_000);
      await env.sleep(2 * DAY - HOUR); // day 3: without the pause, the reminder (1.5), due time (2) and SLA (3) would all have passed
      expect([mocks.of('remindTask').length, mocks.of('recordEvent').length, mocks.of('escalateTask').length]).toEqual([0, 0, 0]);
      await answer(handle, 'details');
      // Runs again at day 3 with what was counted: due a day later, the SLA two.
      const [, resumed] = await called(mocks, 'recordTaskClock', 2);
      const resumedAt = Date.parse(resumed!.input.at);
      const dueAt = iso(resumedAt + 2 * DAY - counted);
      expect(resumed!.input).toMatchObject({ paused: false, change: 2, dueAt, slaAt: iso(resumedAt + 3 * DAY - counted) });
      expect(resumedAt - since).toBeGreaterThanOrEqual(3 * DAY);
      expect((await handle.query(journeyStateQuery)).waitingOn).toEqual([expect.objectContaining({ id: `task:${created!.input.id}`, deadline: dueAt })]);
      await env.sleep(DAY / 2 + HOUR); // day 3.5 (clock 1.5 days): the reminder
      expect(mocks.of('remindTask').map((c) => c.input.dueAt)).toEqual([dueAt]);
      expect(mocks.of('recordEvent')).toHaveLength(0);
      await env.sleep(DAY / 2); // day 4: overdue
      await called(mocks, 'recordEvent');
      expect(mocks.of('escalateTask')).toHaveLength(0);
      await env.sleep(DAY); // day 5: the SLA
      await called(mocks, 'escalateTask');
      await complete(handle, created!.input.id);
      expect(await handle.result()).toMatchObject({ status: 'COMPLETED' });
      expect(mocks.of('recordTaskClock')).toHaveLength(2);
    });
  });

  it('counts a task\'s deadlines in business hours', async () => {
    const mocks = mockActivities();
    const hours = { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00' };
    await withWorker(env, mocks, async (start) => {
      const handle = await start(clockedTask, { journeyId: journeyId(), dueInMs: 8 * HOUR, slaMs: 16 * HOUR, hours });
      const [created] = await called(mocks, 'createTask');
      const calendar = calendarOf(hours);
      // The row's deadlines are a working day and two from when it was created (the server's clock is today's date).
      const since = Date.parse(created!.input.wait.since);
      expect(created!.input.dueAt).toBe(new Date(calendar.after(since, 8 * HOUR)).toISOString());
      expect(created!.input.slaAt).toBe(new Date(calendar.after(since, 16 * HOUR)).toISOString());
      expect(Date.parse(created!.input.dueAt) - since).toBeGreaterThanOrEqual(8 * HOUR);
      // The reminder comes at 6 working hours, wherever that falls in wall time.
      await env.sleep(calendar.after(since, 6 * HOUR) - since - HOUR);
      expect(mocks.of('remindTask')).toHaveLength(0);
      await env.sleep(2 * HOUR);
      await called(mocks, 'remindTask');
      await complete(handle, created!.input.id);
      expect(await handle.result()).toMatchObject({ status: 'COMPLETED' });
      expect(mocks.of('recordTaskClock')).toHaveLength(0);
    });
  });

  it('continues as new with an open task and decision: neither asked again, their timers where they were, keys unique across runs', async () => {
    const mocks = mockActivities();
    await withWorker(env, mocks, async (start) => {
      const input: LongLivedInput = { journeyId: journeyId(), weeks: 6, historyLimit: 25, reviewDueWeeks: 4 };
      const handle = await start(longLived, input);
      const [created] = await called(mocks, 'createTask');
      const runs = () => new Set(mocks.calls.map((c) => c.runId));
      const week = async (n: number) => {
        await env.sleep(WEEK);
        await eventually(async () => mocks.of('recordStage'), (s) => s.some((c) => c.input.stage === `week-${n + 1}`));
      };
      await week(1);
      await week(2); // the decision's reminder is due at 2 weeks, the task's at 3
      expect(mocks.of('sendEmail').map((c) => c.input.template)).toEqual(['decision-request', 'decision-reminder']);
      expect(mocks.of('remindTask')).toHaveLength(0);
      await week(3);
      await called(mocks, 'remindTask');
      await week(4); // due: escalated
      await called(mocks, 'escalateTask');
      expect(runs().size).toBeGreaterThanOrEqual(3);
      // Each timer fired in a later run than the one that set it, at its own time.
      expect(mocks.of('remindTask')[0]!.runId).not.toBe(created!.runId);
      expect(mocks.of('escalateTask')[0]!.runId).not.toBe(mocks.of('remindTask')[0]!.runId);

      // The current run knows what the first one opened.
      const state = await handle.query(journeyStateQuery);
      expect(state.stage).toBe('week-5');
      expect(state.waitingOn.map((w) => w.id)).toEqual(expect.arrayContaining([`task:${created!.input.id}`, expect.stringMatching(/:approval:renewal:\d+$/)]));
      await complete(handle, created!.input.id);
      await answer(handle, 'renewal');
      const result = await handle.result();
      expect(JSON.parse((result as { reason: string }).reason)).toEqual({ week: 6, taken: 0, review: followUpQualified.notes, renewal: 'accept' });

      for (const name of ['createTask', 'openCustomerDecision', 'remindTask', 'escalateTask', 'completeTask', 'closeCustomerDecision'] as const) expect([name, mocks.of(name).length]).toEqual([name, 1]);
      expect(mocks.of('completeTask')[0]!.runId).not.toBe(created!.runId);
      expect(mocks.of('sendEmail')).toHaveLength(2);
      // Keys that must not collide across runs: stage sequence numbers run on, wait ids never repeat.
      expect(mocks.of('recordStage').map((c) => c.input.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
      const waitIds = mocks.of('openWait').map((c) => c.input.id);
      expect(new Set(waitIds).size).toBe(waitIds.length);
      expect(mocks.of('closeWait').map((c) => c.input.id).sort()).toEqual([...waitIds].sort());
      console.log(`continue-as-new with an open task and decision: ${runs().size} runs, ${waitIds.length} waits`);
    });
  });

  it('will not hand over a task without a key: the workflow task fails, naming it, until the code is fixed', async () => {
    const mocks = mockActivities();
    await withWorker(env, mocks, async (start) => {
      const handle = await start(longLived, { journeyId: journeyId(), weeks: 3, historyLimit: 1, reviewDueWeeks: 4, unkeyedReview: true });
      // Due at once (a limit of 1): the run tries to hand over as soon as the task is open.
      const [created] = await called(mocks, 'createTask');
      const failure = await eventually(
        async () => (await handle.fetchHistory()).events?.find((e) => e.workflowTaskFailedEventAttributes)?.workflowTaskFailedEventAttributes?.failure?.message,
        Boolean,
      );
      expect(failure).toBe(`Task ${created!.input.id} (follow-up-call) is open without a key: it cannot be carried to the next run`);
      expect((await handle.describe()).status.name).toBe('RUNNING');
      await handle.terminate();
    });
  });
});

describe('on a real server', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await startTemporal();
  });
  afterAll(() => env?.teardown());

  // Updates racing each other or a cancellation need no timers. On the time-skipping server an
  // Update sent as it finished a workflow task was now and then never delivered (three full runs
  // under load), so these run where Update semantics are the real ones.
  describe('Updates that race', () => {
    it('refuses a second completion while the first is being recorded', async () => {
      const mocks = mockActivities();
      await withWorker(env, mocks, async (start) => {
        const handle = await start(oneTask, { journeyId: journeyId(), dueInMs: DAY });
        const [created] = await called(mocks, 'createTask');
        const release = mocks.hold('completeTask');
        const first = complete(handle, created!.input.id, 'user-1');
        await called(mocks, 'completeTask');
        expect(await refusal(complete(handle, created!.input.id, 'user-2'))).toBe(FailureTypes.taskNotOpen);
        release();
        await first;
        expect(await handle.result()).toMatchObject({ status: 'COMPLETED' });
        expect(mocks.of('completeTask').map((c) => c.input.completedBy)).toEqual(['user-1']);
      });
    });

    it('refuses a completion that comes while the task is being cancelled', async () => {
      const mocks = mockActivities();
      await withWorker(env, mocks, async (start) => {
        const handle = await start(oneTask, { journeyId: journeyId(), dueInMs: DAY });
        const [created] = await called(mocks, 'createTask');
        const release = mocks.hold('cancelTask');
        const cancelled = cancel(handle);
        await called(mocks, 'cancelTask');
        expect(await refusal(complete(handle, created!.input.id))).toBe(FailureTypes.taskNotOpen);
        release();
        expect(await cancelled).toMatchObject({ status: 'CANCELLED', reason: 'Customer left' });
        expect(mocks.of('completeTask')).toHaveLength(0);
      });
    });

    it('lets a completion under way win over a cancellation, which ends the journey once it is recorded', async () => {
      const mocks = mockActivities();
      await withWorker(env, mocks, async (start) => {
        const handle = await start(oneTask, { journeyId: journeyId(), dueInMs: DAY });
        const [created] = await called(mocks, 'createTask');
        const release = mocks.hold('completeTask');
        const completed = complete(handle, created!.input.id);
        await called(mocks, 'completeTask');
        const cancelled = cancel(handle);
        // The cancellation waits for the completion: nothing ends while it is being recorded.
        await new Promise((r) => setTimeout(r, 300));
        expect(mocks.of('endJourney')).toHaveLength(0);
        release();
        expect(await completed).toMatchObject({ taskId: created!.input.id });
        expect(await cancelled).toMatchObject({ status: 'CANCELLED' });
        expect(mocks.of('cancelTask')).toHaveLength(0);
        expect(mocks.calls.at(-1)).toMatchObject({ name: 'endJourney', input: { status: 'CANCELLED' } });
      });
    });

    it('keeps a decision the customer answers before its email is out', async () => {
      const mocks = mockActivities();
      await withWorker(env, mocks, async (start) => {
        const handle = await start(taskAndDecision, { journeyId: journeyId() });
        const release = mocks.hold('sendEmail');
        await called(mocks, 'sendEmail');
        expect(await answer(handle, 'plan')).toEqual({ subject: 'plan', answer: { decision: 'accept' } });
        expect(await refusal(answer(handle, 'plan'))).toBe(FailureTypes.decisionNotAwaited);
        release();
        const [created] = await called(mocks, 'createTask');
        await complete(handle, created!.input.id);
        expect(await handle.result()).toMatchObject({ status: 'COMPLETED', reason: `accept: ${followUpQualified.notes}` });
        expect(mocks.of('closeCustomerDecision').map((c) => c.input.answer?.decision)).toEqual(['accept']);
        expect(mocks.of('sendEmail').map((c) => c.input.template)).toEqual(['decision-request']);
      });
    });

    it('cancels the open task and withdraws the open decision before the journey ends CANCELLED', async () => {
      const mocks = mockActivities();
      await withWorker(env, mocks, async (start) => {
        const handle = await start(taskAndDecision, { journeyId: journeyId() });
        await called(mocks, 'createTask');
        await eventually(async () => mocks.of('openWait'), (w) => w.some((c) => c.input.kind === 'approval'));
        expect(await cancel(handle)).toMatchObject({ status: 'CANCELLED', reason: 'Customer left' });
        expect(mocks.of('cancelTask')).toEqual([expect.objectContaining({ input: expect.objectContaining({ reason: 'Customer left' }) })]);
        expect(mocks.of('closeCustomerDecision').map((c) => c.input.outcome)).toEqual(['withdrawn']);
        expect(mocks.of('closeWait').map((c) => c.input.outcome)).toEqual(['cancelled']);
        expect(mocks.calls.at(-1)).toMatchObject({ name: 'endJourney', input: { status: 'CANCELLED', cancelledBy: 'manager-1' } });
      });
    });
  });

  describe('while a run hands over', () => {
    /** A sink that holds the workflow task in which a run continues as new until `release()`; `reached` gives the run's id. */
    function handoverGate() {
      let reach!: (runId: string) => void;
      let release!: () => void;
      const open = new Promise<void>((r) => (release = r));
      const reached = new Promise<string>((r) => (reach = r));
      const sinks: InjectedSinks<HandoverSinks> = {
        handover: {
          reached: {
            fn: async (_info, runId) => {
              reach(runId);
              await open;
            },
          },
        },
      };
      return { sinks, reached, release };
    }

    /** Resolves once the server has admitted the Update (it is in flight), as Temporal's own feature tests check. */
    async function admitted(workflowId: string, updateId: string) {
      const poll = () =>
        env.client.workflowService.pollWorkflowExecutionUpdate({ namespace: env.namespace ?? 'default', updateRef: { workflowExecution: { workflowId }, updateId } }).then(
          () => true,
          () => false,
        );
      await eventually(poll, Boolean, 5_000);
    }

    const historyOf = async (handle: WorkflowHandle, runId: string) => (await env.client.workflow.getHandle(handle.workflowId, runId).fetchHistory()).events ?? [];
    // Short "weeks": this server does not skip time.
    const input = (): LongLivedInput => ({ journeyId: journeyId(), weeks: 2, weekMs: 1_000, historyLimit: 20, reviewDueWeeks: 10, holdHandover: true });

    it('moves a completion and an answer sent meanwhile to the next run, which has the task and decision: each applied once', async () => {
      const mocks = mockActivities();
      const gate = handoverGate();
      await withWorker(
        env,
        mocks,
        async (start) => {
          const handle = await start(longLived, input());
          const [created] = await called(mocks, 'createTask');
          const handingOver = await gate.reached;
          const completion = complete(handle, created!.input.id, 'user-1', 'complete-review');
          const answered = answer(handle, 'renewal', 'answer-renewal');
          await admitted(handle.workflowId, 'complete-review');
          await admitted(handle.workflowId, 'answer-renewal');
          gate.release();
          expect(await completion).toMatchObject({ taskId: created!.input.id });
          expect(await answered).toEqual({ subject: 'renewal', answer: { decision: 'accept' } });
          await handle.result();

          // Temporal aborted the Updates as the run closed and the client sent them again, to a later
          // run: the next, or (the "weeks" being a second) one after it if that handed over too first.
          expect(mocks.of('completeTask')).toHaveLength(1);
          expect(mocks.of('closeCustomerDecision')).toEqual([expect.objectContaining({ input: expect.objectContaining({ answer: expect.objectContaining({ decision: 'accept' }) }) })]);
          const appliedIn = [...new Set([mocks.of('completeTask')[0]!.runId, mocks.of('closeCustomerDecision')[0]!.runId])];
          expect(appliedIn).not.toContain(handingOver);
          const accepted = async (runId: string) => (await historyOf(handle, runId)).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
          expect(await accepted(handingOver)).toBe(0);
          expect((await Promise.all(appliedIn.map(accepted))).reduce((a, b) => a + b, 0)).toBe(2);
          expect([mocks.of('createTask').length, mocks.of('openCustomerDecision').length]).toEqual([1, 1]);
        },
        gate.sinks,
      );
    });

    it('keeps an event signalled meanwhile: the run takes it in before handing over and carries it', async () => {
      const mocks = mockActivities();
      const gate = handoverGate();
      await withWorker(
        env,
        mocks,
        async (start) => {
          const handle = await start(longLived, input());
          const [created] = await called(mocks, 'createTask');
          const handingOver = await gate.reached;
          await handle.signal(externalEventSignal, { source: 'test', eventId: 'evt-during-handover', type: 'test.event', objectId: 'obj-1' });
          gate.release();
          // A signal is never moved: Temporal refuses to close a run with one it has not seen. The
          // server writes it to that run's history once the held workflow task is answered.
          const signalled = await eventually(
            async () => (await historyOf(handle, handingOver)).filter((e) => e.workflowExecutionSignaledEventAttributes),
            (events) => events.length > 0,
          );
          expect(signalled).toHaveLength(1);
          await complete(handle, created!.input.id);
          await answer(handle, 'renewal');
          const result = await handle.result();
          expect(JSON.parse((result as { reason: string }).reason)).toMatchObject({ taken: 1 });
          const applied = mocks.of('applyEvents');
          expect(applied.map((c) => c.input.eventIds)).toEqual([['evt-during-handover']]);
          expect(applied[0]!.runId).not.toBe(handingOver);
        },
        gate.sinks,
      );
    });
  });
});
