// A manager ends a running journey with a reason, through the journey's `cancelJourney` Update:
// the workflow cancels its open tasks and waits, records who and why, and answers when done.
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { cancelJourneyUpdate, FailureTypes } from '../../workflows/definitions';
import type { Db } from '../../platform/db';
import type { Principal } from '../auth/roles';
import { AppError } from '../errors';

export async function cancelJourney(deps: { db: Db; temporal: Client }, p: Principal, journeyId: string, reason: string) {
  const journey = await deps.db.journey.findUnique({ where: { id: journeyId } });
  if (!journey) throw new AppError('not_found', `No journey ${journeyId}`);
  if (journey.status !== 'RUNNING') throw new AppError('conflict', `The journey is already ${journey.status.toLowerCase()}`);
  try {
    return await deps.temporal.workflow
      .getHandle(journeyId)
      .executeUpdate(cancelJourneyUpdate, { args: [{ reason, cancelledBy: p.id }] });
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw new AppError('conflict', 'The journey has already ended');
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === FailureTypes.journeyNotRunning) {
      throw new AppError('conflict', err.cause.message);
    }
    throw err;
  }
}
