// Every call the API makes to Temporal goes through here, for two reasons. A request never waits
// unbounded on Temporal: each call has a time limit, after which the answer is 503 with Retry-After
// (Temporal down, or a journey slow to take an Update, which may still be applied). And Temporal's
// errors map to HTTP in one place: a journey that has ended, or whose workflow refuses an Update
// (its validators throw typed ApplicationFailures) answers as the REFUSALS table says.
import {
  isGrpcCancelledError,
  isGrpcDeadlineError,
  isGrpcServiceError,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { FailureTypes } from '../workflows/runtime/definitions';
import type { FieldError } from '../workflows/runtime/task-forms';
import { AppError, type ErrorCode } from './errors';

/** Reads and starts: long enough for the SDK to ride out a blip, short enough to answer promptly. */
export const TEMPORAL_CALL_MS = 5_000;
/** Updates wait for the journey's worker to run the handler (and its activities). */
export const TEMPORAL_UPDATE_MS = 10_000;

/** gRPC status codes meaning Temporal could not be reached or did not answer in time. */
const UNREACHABLE = new Set([1 /* CANCELLED */, 4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */]);

function unreachable(err: unknown): boolean {
  if (isGrpcDeadlineError(err) || isGrpcCancelledError(err) || err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  if (err instanceof ServiceError) return unreachable(err.cause);
  return isGrpcServiceError(err) && UNREACHABLE.has(err.code);
}

/**
 * Runs Temporal calls under one time limit; an outage or a timeout becomes a 503 saying `pending`.
 *
 * The SDK retries an unreachable server about ten times over ~18 s, and an abort signal does not
 * bound that: it cancels only the first attempt, and each retry is a new call (measured by
 * test/faults/outages.test.ts: 503s after 18-22 s with Temporal killed). So the call gets a gRPC
 * deadline, which every retry shares and which ends them, and the answer comes from a timer at the
 * limit whatever the SDK is doing (a retry may be scheduled up to 5 s past the deadline).
 */
export async function withTemporal<T>(temporal: Client, call: () => Promise<T>, opts: { ms?: number; pending?: string } = {}): Promise<T> {
  const ms = opts.ms ?? TEMPORAL_CALL_MS;
  const unavailable = () =>
    new AppError('unavailable', `The workflow service did not answer in time${opts.pending ? `; ${opts.pending}` : ''}. Try again shortly.`);
  const attempt = temporal.connection.withDeadline(Date.now() + ms, call);
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(unavailable()), ms)));
  try {
    return await Promise.race([attempt, limit]);
  } catch (err) {
    if (unreachable(err)) throw unavailable();
    throw err;
  } finally {
    clearTimeout(timer);
    attempt.catch(() => undefined); // the answer was given; its late failure is expected
  }
}

type FailureType = (typeof FailureTypes)[keyof typeof FailureTypes];

/**
 * How a journey's refusal of an Update (the typed ApplicationFailure its validator or handler
 * throws) reaches the caller. Complete: adding a failure type without deciding its answer does not compile.
 */
const REFUSALS: Record<FailureType, ErrorCode> = {
  [FailureTypes.invalidTaskResult]: 'validation_failed',
  [FailureTypes.taskNotOpen]: 'conflict',
  [FailureTypes.journeyNotRunning]: 'conflict',
  [FailureTypes.quoteNotAwaitingDecision]: 'conflict',
  [FailureTypes.decisionNotAwaited]: 'conflict',
  [FailureTypes.invalidDecisionAnswer]: 'validation_failed',
  [FailureTypes.changeRequestsClosed]: 'conflict',
  [FailureTypes.ticketClosed]: 'conflict',
  [FailureTypes.taskDueFixed]: 'conflict',
  [FailureTypes.invalidTaskDue]: 'validation_failed',
  // Raised by the runtime when a journey's code steps off its map: the journey fails, so the
  // Update that led it there finds it ended.
  [FailureTypes.undeclaredStage]: 'conflict',
};

const isFailureType = (type: string | undefined | null): type is FailureType => !!type && Object.prototype.hasOwnProperty.call(REFUSALS, type);

/**
 * Sends a journey an Update and returns its answer. A journey that has ended is a 409 with
 * `ended` as its message; a refusal by the workflow answers as REFUSALS says, with its own message
 * (fields for an invalid task result or decision answer); no answer in time is a 503 saying it may still be applied.
 */
export async function executeJourneyUpdate<Ret, Arg>(
  temporal: Client,
  journeyId: string,
  update: UpdateDefinition<Ret, [Arg]>,
  arg: Arg,
  messages: { ended: string; refused?: string },
): Promise<Ret> {
  try {
    return await withTemporal(temporal, () => temporal.workflow.getHandle(journeyId).executeUpdate(update, { args: [arg] }), {
      ms: TEMPORAL_UPDATE_MS,
      pending: 'it may still be applied, so check before repeating it',
    });
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw new AppError('conflict', messages.ended);
    if (err instanceof WorkflowUpdateFailedError) {
      // Also the journey ending (cancelled elsewhere, say) while the Update was under way.
      const cause = err.cause instanceof ApplicationFailure ? err.cause : undefined;
      if (cause && isFailureType(cause.type) && REFUSALS[cause.type] === 'validation_failed') {
        throw new AppError('validation_failed', cause.message, { fields: cause.details?.[0] as FieldError[] });
      }
      const code = cause && isFailureType(cause.type) ? REFUSALS[cause.type] : 'conflict';
      throw new AppError(code, messages.refused ?? cause?.message ?? messages.ended);
    }
    throw err;
  }
}
