// Journeys written for the runtime's tests only (test/journeys/runtime/runtime.test.ts with mocked
// activities, long-lived.test.ts with the real ones): each exercises JourneyRuntime as a real
// journey body would. Deterministic like any workflow code.
import { proxyActivities, proxySinks, sleep, workflowInfo, type Sinks } from '@temporalio/workflow';
import type { BusinessHours } from '../../../workflows/runtime/business-calendar';
import type { ExternalEvent, JourneyResult } from '../../../workflows/runtime/definitions';
import { type EscalationStep, JourneyRuntime, recordActivityOptions, type JourneySnapshot } from '../../../workflows/runtime/journey';
import { defineStages, type StageSpec } from '../../../workflows/runtime/stages';

const DAY = 24 * 60 * 60 * 1000;
export const WEEK = 7 * DAY;
/** The longest a long-lived test journey lives: three years of weeks, each a stage of its own. */
export const MAX_WEEKS = 156;

const stage = (label: string, next: string[]): StageSpec<string> => ({ label, owner: 'sales', seedPhase: 'test', next, ends: ['COMPLETED'] });
const weeks = Array.from({ length: MAX_WEEKS }, (_, i) => `week-${i + 1}`);
/** The test journeys' stages: one each for the short ones, and a week after week for the long-lived one. */
const testStages = defineStages({
  kind: 'runtime-test',
  start: ['follow-up', 'review', 'week-1'],
  stages: {
    'follow-up': stage('Follow-up', []),
    review: stage('Review', []),
    ...Object.fromEntries(weeks.map((w, i) => [w, stage(`Week ${i + 1}`, weeks.slice(i + 1, i + 2))])),
  },
});

/** Test activities: what a long-lived journey does with the events it takes, in one write per batch. */
export type LongLivedActivities = { applyEvents(input: { journeyId: string; week: number; eventIds: string[] }): Promise<void> };
const applied = proxyActivities<LongLivedActivities>(recordActivityOptions);

/** Lets a test hold the workflow task in which a run hands over (its sink call is awaited before the task completes). */
export interface HandoverSinks extends Sinks {
  handover: { reached(runId: string): void };
}
const { handover } = proxySinks<HandoverSinks>();

export type TaskInput = { journeyId: string; dueInMs: number; slaMs?: number; escalation?: EscalationStep[] };

/** One human task; the journey ends with its notes. */
export async function oneTask(input: TaskInput): Promise<JourneyResult> {
  const journey = new JourneyRuntime(input.journeyId, testStages);
  return journey.run(async () => {
    await journey.enterStage('follow-up');
    const result = await journey.humanTask({
      type: 'follow-up-call',
      title: 'Call the lead',
      role: 'sales',
      dueInMs: input.dueInMs,
      slaMs: input.slaMs,
      escalation: input.escalation,
    });
    return journey.end('COMPLETED', result.notes);
  });
}

export const customer = { email: 'nancy@northwind.test', contactName: 'Nancy Davolio' };

export type ClockedTaskInput = { journeyId: string; dueInMs: number; slaMs?: number; hours?: BusinessHours; askCustomerAfterMs?: number };

/** A task on a clock that pauses while the journey waits on the customer, who may be asked something after a while. */
export async function clockedTask(input: ClockedTaskInput): Promise<JourneyResult> {
  const journey = new JourneyRuntime(input.journeyId, testStages);
  return journey.run(async () => {
    await journey.enterStage('review');
    const clock = { hours: input.hours, pausesOnCustomer: true };
    const task = journey.humanTask({ type: 'follow-up-call', title: 'Fix the setup', role: 'support', dueInMs: input.dueInMs, slaMs: input.slaMs, clock });
    if (input.askCustomerAfterMs !== undefined) {
      await sleep(input.askCustomerAfterMs);
      await journey.customerDecision({ form: 'accept-or-change', subject: 'details', title: 'Send us the error log', details: {}, customer, remindAfterMs: 30 * DAY });
    }
    const result = await task;
    return journey.end('COMPLETED', result.notes);
  });
}

/** A customer decision and a task side by side; the journey ends with both answers. */
export async function taskAndDecision(input: { journeyId: string }): Promise<JourneyResult> {
  const journey = new JourneyRuntime(input.journeyId, testStages);
  return journey.run(async () => {
    await journey.enterStage('review');
    const [answer, task] = await Promise.all([
      journey.customerDecision({ form: 'accept-or-change', subject: 'plan', title: 'Confirm the plan', details: {}, customer, remindAfterMs: 5 * DAY }),
      journey.humanTask({ type: 'follow-up-call', title: 'Call the customer', role: 'sales', dueInMs: 2 * DAY }),
    ]);
    return journey.end('COMPLETED', `${answer.decision}: ${task.notes}`);
  });
}

export type LongLivedState = {
  week: number;
  /** Events taken and applied so far. */
  taken: number;
  review?: string;
  renewal?: string;
};

export type LongLivedInput = {
  journeyId: string;
  /** Weekly timers to live through (at most MAX_WEEKS). */
  weeks: number;
  /** How long a "week" lasts: a real week, unless a test on a server that does not skip time shortens it. */
  weekMs?: number;
  /** Default: the runtime's (DEFAULT_HISTORY_LIMIT). */
  historyLimit?: number;
  /** A review task (due in `reviewDueWeeks`) and a renewal decision, open from the first week until answered. */
  reviewDueWeeks?: number;
  /** Ask for the review task without a key (which the runtime cannot carry to a next run). */
  unkeyedReview?: boolean;
  /** Hold the workflow task that hands over until the test lets it go (HandoverSinks). */
  holdHandover?: boolean;
  state?: LongLivedState;
  resume?: JourneySnapshot;
};

const isTestEvent = (e: ExternalEvent) => e.source === 'test';

/**
 * A journey that lasts years, in the shape the runtime's continue-as-new asks for: a loop whose
 * top is the safe point; each week it applies the events received (in one write) and waits a week
 * (a recorded wait), entering a stage per week. A review task and a renewal decision run beside
 * the loop: the branches only store their answer in the body's state, which the loop acts on.
 */
export async function longLived(input: LongLivedInput): Promise<JourneyResult> {
  const journey = new JourneyRuntime(input.journeyId, testStages, { resume: input.resume, historyLimit: input.historyLimit });
  const state: LongLivedState = input.state ?? { week: 0, taken: 0 };
  return journey.run(async () => {
    if (input.reviewDueWeeks !== undefined) {
      // Asked in every run until answered: the first creates them, later runs take up what the previous one carried.
      if (state.review === undefined) {
        journey.humanTask({ key: input.unkeyedReview ? undefined : 'review', type: 'follow-up-call', title: 'Yearly review', role: 'sales', dueInMs: input.reviewDueWeeks * WEEK }).then(
          (r) => void (state.review = r.notes),
          () => undefined, // cancelled: the loop's own wait fails with the cancellation too
        );
      }
      if (state.renewal === undefined) {
        journey.customerDecision({ form: 'accept-or-change', subject: 'renewal', title: 'Renew the contract', details: { years: 1 }, customer, remindAfterMs: 2 * WEEK }).then(
          (a) => void (state.renewal = a.decision),
          () => undefined,
        );
      }
    }
    const answered = () => input.reviewDueWeeks === undefined || (state.review !== undefined && state.renewal !== undefined);
    for (;;) {
      await journey.continueAsNewIfDue<typeof longLived>((resume) => {
        // Called in the very workflow task that hands over.
        if (input.holdHandover) handover.reached(workflowInfo().runId);
        return [{ ...input, state, resume }];
      });
      const eventIds: string[] = [];
      for (let e = journey.takeReceived(isTestEvent); e; e = journey.takeReceived(isTestEvent)) eventIds.push(e.eventId);
      if (eventIds.length) {
        await applied.applyEvents({ journeyId: input.journeyId, week: state.week, eventIds });
        state.taken += eventIds.length;
      }
      if (state.week >= input.weeks && answered()) break;
      await journey.enterStage(`week-${state.week + 1}`);
      await journey.waitFor({ kind: 'timer', key: `week-${state.week + 1}`, description: 'A week passes', timeoutMs: input.weekMs ?? WEEK }, () => false);
      state.week++;
    }
    return journey.end('COMPLETED', JSON.stringify(state));
  });
}
