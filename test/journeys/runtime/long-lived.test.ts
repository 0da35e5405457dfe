// The proof that a journey can last years (issue 9): on the time-skipping server, with the real
// activities on PostgreSQL, a journey of the long-lived shape (runtime.workflows.ts) lives through
// three years of weekly timers while it is sent 12,000 external events (and redeliveries of some),
// with a review task and a renewal decision open across many runs, answered through the API. Each
// run stays under 10,000 history events (the runtime continues as new at its default limit); every
// event is applied exactly once; the stage trail, waits, task and decision rows are complete, with
// keys that never collided across runs.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import { createActivities } from '../../../activities/registry';
import { externalEventSignal, type ExternalEvent } from '../../../workflows/runtime/definitions';
import { DEFAULT_HISTORY_LIMIT, SEEN_EVENTS } from '../../../workflows/runtime/journey';
import { startHarness, type Harness } from '../../support/harness';
import { eventually } from '../../support/http';
import { followUpQualified } from '../../support/fixtures';
import { journeyDriver } from '../../support/journey-driver';
import { longLived, MAX_WEEKS, WEEK, type LongLivedActivities, type LongLivedInput } from './runtime.workflows';

const WEEKS = MAX_WEEKS;
const EVENTS = 12_000;
/**
 * Events sent again (a provider's redelivery), each week: some of this week's, and some of one and
 * of three weeks before, taken since, often by an earlier run (within SEEN_EVENTS.windowMs).
 */
const REDELIVERED_PER_WEEK = { current: 1, weeksBefore: { 1: 2, 3: 2 } } as const;
const SIGNALS_AT_ONCE = 100;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timeSkipping: true, worker: false });
});
afterAll(() => h?.stop());

/** What the journey does with the events it takes: one row per event, keyed by it (a retried write adds nothing). */
function applyEventsActivity(): LongLivedActivities {
  return {
    async applyEvents({ journeyId, week, eventIds }) {
      await h.db.journeyEvent.createMany({
        data: eventIds.map((eventId) => ({ journeyId, key: `applied:${journeyId}:${eventId}`, type: 'test_event_applied', data: { eventId, week } })),
        skipDuplicates: true,
      });
    },
  };
}

type History = Awaited<ReturnType<WorkflowHandleWithFirstExecutionRunId['fetchHistory']>>;

/** Each run of the workflow, first to last: its history length, where Temporal suggested continuing as new, the state and snapshot it started from. */
async function runsOf(handle: WorkflowHandleWithFirstExecutionRunId) {
  const runs: Array<{ runId: string; historyLength: number; suggestedAt?: number } & Pick<LongLivedInput, 'state' | 'resume'>> = [];
  for (let runId: string | undefined = handle.firstExecutionRunId; runId; ) {
    const history: History = await h.env.client.workflow.getHandle(handle.workflowId, runId).fetchHistory();
    const events = history.events ?? [];
    const next: string | undefined = events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
    const input = events[0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
    const { state, resume } = JSON.parse(Buffer.from(input.data!).toString()) as LongLivedInput;
    const suggested = events.find((e) => e.workflowTaskStartedEventAttributes?.suggestContinueAsNew);
    runs.push({ runId, historyLength: events.length, suggestedAt: suggested ? Number(suggested.eventId) : undefined, state, resume });
    runId = next;
  }
  return runs;
}

it('lives three years on weekly timers, taking 12,000 events: every run under 10,000 history events, each event applied once, the stage trail complete', async () => {
  const started = Date.now();
  const customer = await h.db.customer.create({ data: { companyName: 'Northwind Traders', contactName: 'Nancy Davolio', email: `nancy+${randomUUID()}@northwind.test` } });
  const journeyId = `journey:${customer.id}:long-lived-test:1`;
  await h.db.journey.create({ data: { id: journeyId, kind: 'long-lived-test', customerId: customer.id, stage: 'starting' } });

  const worker = await Worker.create({
    connection: h.env.nativeConnection,
    taskQueue: h.taskQueue,
    workflowBundle: await bundleWorkflowCode({ workflowsPath: require.resolve('./runtime.workflows'), logger: new DefaultLogger('WARN') }),
    activities: { ...createActivities({ db: h.db, config: h.config }), ...applyEventsActivity() },
  });
  const drive = journeyDriver(h);
  await worker.runUntil(async () => {
    const handle = await h.env.client.workflow.start(longLived, {
      taskQueue: h.taskQueue,
      workflowId: journeyId,
      args: [{ journeyId, weeks: WEEKS, reviewDueWeeks: 104 }],
    });
    const event = (n: number): ExternalEvent => ({ source: 'test', eventId: `evt-${n}`, type: 'test.event', objectId: `obj-${n % 40}`, data: { n } });
    let sent = 0;
    let redelivered = 0;
    const weeks: number[][] = [];
    for (let week = 0; week < WEEKS; week++) {
      const upTo = Math.round(((week + 1) * EVENTS) / WEEKS);
      const fresh = Array.from({ length: upTo - sent }, (_, i) => sent + i);
      const again = [
        ...Object.entries(REDELIVERED_PER_WEEK.weeksBefore).flatMap(([before, count]) => (weeks[week - Number(before)] ?? []).slice(0, count)),
        ...fresh.slice(-REDELIVERED_PER_WEEK.current),
      ];
      const batch = [...fresh, ...again];
      for (let i = 0; i < batch.length; i += SIGNALS_AT_ONCE) {
        await Promise.all(batch.slice(i, i + SIGNALS_AT_ONCE).map((n) => handle.signal(externalEventSignal, event(n))));
      }
      sent = upTo;
      redelivered += again.length;
      weeks.push(fresh);

      if (week === 60) await drive.answer(journeyId, 'renewal', 'accept');
      if (week === 110) {
        // Reminded at 78 weeks and escalated at 104, in runs long after the one that created it.
        const task = await eventually(() => h.db.task.findFirstOrThrow({ where: { journeyId } }), (t) => t.escalatedAt !== null);
        expect(task.remindedAt).not.toBeNull();
        const res = await h.as('manager')('POST', `/api/tasks/${task.id}/complete`, { result: followUpQualified });
        expect(res.status).toBe(200);
      }
      await h.env.sleep(WEEK);
    }
    const result = await handle.result();
    const state = JSON.parse(result.reason);
    expect(result.status).toBe('COMPLETED');
    expect(state).toEqual({ week: WEEKS, taken: EVENTS, review: followUpQualified.notes, renewal: 'accept' });

    // Every event applied, none twice (the journey's own count above says none was taken twice).
    const applied = await h.db.journeyEvent.findMany({ where: { journeyId, type: 'test_event_applied' }, select: { key: true } });
    expect(applied).toHaveLength(EVENTS);
    expect(new Set(applied.map((a) => a.key))).toEqual(new Set(Array.from({ length: EVENTS }, (_, n) => `applied:${journeyId}:evt-${n}`)));

    // The stage trail: one row per week, keyed by sequence numbers that ran on across runs.
    const stages = await h.db.journeyEvent.findMany({ where: { journeyId, type: 'stage_entered' }, orderBy: { id: 'asc' } });
    expect(stages.map((s) => s.key)).toEqual(Array.from({ length: WEEKS }, (_, i) => `stage:${journeyId}:${i + 1}`));
    expect(stages.map((s) => (s.data as { stage: string }).stage)).toEqual(Array.from({ length: WEEKS }, (_, i) => `week-${i + 1}`));
    expect(await h.db.journey.findUniqueOrThrow({ where: { id: journeyId } })).toMatchObject({ stage: `week-${WEEKS}`, status: 'COMPLETED' });

    // Every wait written (none skipped as a twin of an earlier run's) and closed; the task and the decision once each.
    const waits = await h.db.journeyWait.findMany({ where: { journeyId } });
    expect(waits.filter((w) => w.kind === 'timer')).toHaveLength(WEEKS);
    expect(waits.filter((w) => w.kind === 'approval')).toHaveLength(1);
    expect(waits.filter((w) => w.kind === 'task')).toHaveLength(1);
    expect(waits.filter((w) => w.endedAt === null)).toEqual([]);
    expect(await h.db.task.findMany({ where: { journeyId } })).toEqual([expect.objectContaining({ status: 'COMPLETED', role: 'manager', originalRole: 'sales' })]);
    const trail = (await h.db.journeyEvent.findMany({ where: { journeyId, type: { startsWith: 'task_' } } })).map((e) => e.type).sort();
    expect(trail).toEqual(['task_completed', 'task_created', 'task_escalated', 'task_reminded']);
    expect(await h.db.customerDecision.findMany({ where: { journeyId } })).toEqual([expect.objectContaining({ subject: 'renewal', status: 'ACCEPTED' })]);
    expect((await h.db.email.findMany({ where: { journeyId } })).map((e) => e.template).sort()).toEqual(['decision-reminder', 'decision-request']);

    const runs = await runsOf(handle);
    const longest = Math.max(...runs.map((r) => r.historyLength));
    const seenCarried = Math.max(...runs.map((r) => r.resume?.seen.length ?? 0));
    const eventsCarried = Math.max(...runs.map((r) => r.resume?.events.length ?? 0));
    console.log(
      `long-lived journey: ${WEEKS} weeks, ${EVENTS} events taken of ${EVENTS + redelivered} signalled (${redelivered} redeliveries dropped), ` +
        `${runs.length} runs, history lengths ${runs.map((r) => r.historyLength).join(' ')} (max ${longest}; our limit ${DEFAULT_HISTORY_LIMIT}, ` +
        `Temporal suggested continuing at ${runs.map((r) => r.suggestedAt ?? '-').join(' ')}), ` +
        `carried at most ${seenCarried} seen ids and ${eventsCarried} untaken events, in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    expect(longest).toBeLessThan(10_000);
    expect(runs.length).toBeGreaterThan(2);
    expect(seenCarried).toBeLessThanOrEqual(SEEN_EVENTS.max);
    // The task and the decision went across every hop while they were open, and only then.
    const later = runs.slice(1);
    expect(later.map((r) => [r.resume!.tasks.length, r.resume!.decisions.length])).toEqual(
      later.map((r) => [r.state!.review === undefined ? 1 : 0, r.state!.renewal === undefined ? 1 : 0]),
    );
    expect(later[0]!.resume).toMatchObject({ tasks: [expect.anything()], decisions: [expect.anything()] });
  });
}, 600_000);
