// A manager ends a running journey with a reason, through the journey's `cancelJourney` Update:
// the workflow cancels its open tasks and waits, records who and why, and answers when done.
import type { Client } from '@temporalio/client';
import { cancelJourneyUpdate } from '../../workflows/runtime/definitions';
import type { Db } from '../../platform/db';
import type { Principal } from '../auth/roles';
import { AppError } from '../errors';
import { executeJourneyUpdate } from '../journey-calls';

export async function cancelJourney(deps: { db: Db; temporal: Client }, p: Principal, journeyId: string, reason: string) {
  const journey = await deps.db.journey.findUnique({ where: { id: journeyId } });
  if (!journey) throw new AppError('not_found', `No journey ${journeyId}`);
  if (journey.status !== 'RUNNING') throw new AppError('conflict', `The journey is already ${journey.status.toLowerCase()}`);
  return executeJourneyUpdate(deps.temporal, journeyId, cancelJourneyUpdate, { reason, cancelledBy: p.id }, { ended: 'The journey has already ended' });
}
