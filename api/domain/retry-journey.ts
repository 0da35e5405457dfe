// A manager retries a journey that failed for a cause that has passed (a missing row put back, a
// provider back up, a fix deployed). Temporal's reset starts a new run of the journey's workflow
// from its history just before the step that failed: it replays up to there and does that step
// again. Then the projection follows (platform/journey-failures.ts): RUNNING, the tasks and waits
// the failure closed open again where the new run still holds them, the failure's alert read, and
// who retried it and why on its trail.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { tsToDate } from '@temporalio/common';
import { temporal as proto } from '@temporalio/proto';
import Long from 'long';
import { v5 as uuidv5 } from 'uuid';
import type { CreateTaskInput, OpenWaitInput } from '../../activities/runtime/journey-records';
import type { Db } from '../../platform/db';
import { reopenFailedJourney, type JourneyRetry } from '../../platform/journey-failures';
import type { Logger } from '../../platform/logger';
import type { Principal } from '../auth/roles';
import { AppError } from '../errors';
import { TEMPORAL_CALL_MS, withTemporal } from '../journey-calls';

type HistoryEvent = proto.api.history.v1.IHistoryEvent;

/** A journey's history is read whole: more time for long ones (continue-as-new keeps them under ~10,000 events). */
const HISTORY_READ_MS = 15_000;
/** Names the reset request by the failed run and point, so that a repeated one is the same request to Temporal. */
const RETRY_NAMESPACE = 'a8c2d3e4-5f60-4718-9a2b-3c4d5e6f7a8b';

const idOf = (id: HistoryEvent['eventId']) => Long.fromValue(id ?? 0).toNumber();

/**
 * The event to reset a failed run to: the last workflow task completed before the step that
 * failed was scheduled (the failed activity, the failed child journey, or, for a bug in journey
 * code, the task whose code threw, which scheduled the failure's record). The new run does that
 * workflow task again, and with it the step.
 */
export function resetPoint(events: HistoryEvent[]): number {
  const last = events.at(-1);
  const failure = last?.workflowExecutionFailedEventAttributes?.failure;
  const recorded = events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'failJourney').at(-1);
  const step = failure?.activityFailureInfo?.scheduledEventId ?? failure?.childWorkflowExecutionFailureInfo?.initiatedEventId ?? recorded?.eventId ?? last?.eventId;
  const before = idOf(step);
  const point = events.filter((e) => e.workflowTaskCompletedEventAttributes && idOf(e.eventId) < before).at(-1);
  if (!point) throw new AppError('conflict', 'The journey failed before it did anything: start it again instead');
  return idOf(point.eventId);
}

/**
 * The waits and tasks the journey opened in the history the reset keeps: the new run still holds
 * those (if still open); what it opened after the point it will open again, or not at all.
 */
function heldBefore(temporal: Client, events: HistoryEvent[], point: number): JourneyRetry['held'] {
  const held = { waitIds: new Set<string>(), taskIds: new Set<string>() };
  const converter = temporal.options.loadedDataConverter.payloadConverter;
  for (const e of events) {
    if (idOf(e.eventId) >= point) break;
    const scheduled = e.activityTaskScheduledEventAttributes;
    const type = scheduled?.activityType?.name;
    const payload = scheduled?.input?.payloads?.[0];
    if (!payload) continue;
    if (type === 'openWait') held.waitIds.add(converter.fromPayload<OpenWaitInput>(payload).id);
    if (type === 'createTask') {
      const task = converter.fromPayload<CreateTaskInput>(payload);
      held.taskIds.add(task.id);
      held.waitIds.add(task.wait.id);
    }
  }
  return held;
}

type FailedRun = { failedRunId: string; events: HistoryEvent[]; resetRunId?: string };

/**
 * The run that failed, with its history. A journey whose workflow already runs again may be a
 * retry whose answer was lost after Temporal took the reset (the database, or the connection,
 * failed right after): that is finished, not reset a second time.
 */
async function failedRun(temporal: Client, journeyId: string, failedAt: Date | null): Promise<FailedRun> {
  const current = await withTemporal(temporal, () => temporal.workflow.getHandle(journeyId).describe());
  const history = (runId: string) =>
    withTemporal(temporal, async () => (await temporal.workflow.getHandle(journeyId, runId).fetchHistory()).events ?? [], { ms: HISTORY_READ_MS });
  if (current.status.name === 'FAILED') return { failedRunId: current.runId, events: await history(current.runId) };
  if (current.status.name === 'RUNNING' && failedAt) {
    const reset = (await history(current.runId)).find(
      (e) => e.workflowTaskFailedEventAttributes?.cause === proto.api.enums.v1.WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_RESET_WORKFLOW,
    );
    const base = reset?.workflowTaskFailedEventAttributes?.baseRunId;
    if (base && reset.eventTime && tsToDate(reset.eventTime) > failedAt) return { failedRunId: base, events: await history(base), resetRunId: current.runId };
  }
  throw new AppError('conflict', `The journey's workflow is ${current.status.name.toLowerCase()} in Temporal, not failed: there is nothing to retry`);
}

/** Starts the new run; the same request twice (the same failed run and point) is one reset to Temporal. */
async function resetRun(temporal: Client, p: Principal, r: { journeyId: string; failedRunId: string; point: number; reason: string }): Promise<string> {
  const { runId } = await withTemporal(
    temporal,
    () =>
      temporal.workflowService.resetWorkflowExecution({
        namespace: temporal.options.namespace,
        workflowExecution: { workflowId: r.journeyId, runId: r.failedRunId },
        workflowTaskFinishEventId: Long.fromNumber(r.point),
        reason: `Retried by ${p.name} (${p.id}): ${r.reason}`,
        requestId: uuidv5(`${r.failedRunId}:${r.point}`, RETRY_NAMESPACE),
        identity: `pivotal-flow-api:${p.id}`,
      }),
    { pending: 'the journey may be running again already, so look at it before retrying' },
  );
  return runId;
}

export async function retryJourney(deps: { db: Db; temporal: Client; log: Logger }, p: Principal, journeyId: string, reason: string) {
  const journey = await deps.db.journey.findUnique({ where: { id: journeyId } });
  if (!journey) throw new AppError('not_found', `No journey ${journeyId}`);
  if (journey.status !== 'FAILED') throw new AppError('conflict', `The journey is ${journey.status.toLowerCase()}, not failed`);

  const run = await failedRun(deps.temporal, journeyId, journey.endedAt).catch((err: unknown) => {
    if (err instanceof WorkflowNotFoundError) throw new AppError('conflict', 'Temporal no longer keeps this journey (past its retention): it cannot be retried');
    throw err;
  });
  const point = resetPoint(run.events);
  const reset = async () => ({
    failedRunId: run.failedRunId,
    toEventId: point,
    runId: run.resetRunId ?? (await resetRun(deps.temporal, p, { journeyId, failedRunId: run.failedRunId, point, reason })),
  });
  const held = heldBefore(deps.temporal, run.events, point);
  const runId = await deps.db.$transaction((tx) => reopenFailedJourney(tx, { journeyId, failedAt: journey.endedAt, held, actor: p.id, reason, reset }), {
    // It waits for Temporal's reset with the journey row locked (see reopenFailedJourney).
    timeout: TEMPORAL_CALL_MS * 2,
  });
  if (!runId) throw new AppError('conflict', 'The journey was retried by someone else a moment ago, or failed again since you looked');
  deps.log.info({ journeyId, runId, failedRunId: run.failedRunId, toEventId: point }, `journey retried journey=${journeyId}`);
  return { id: journeyId, status: 'RUNNING' as const, runId, failedRunId: run.failedRunId, toEventId: point };
}
