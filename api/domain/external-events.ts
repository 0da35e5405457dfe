// Every event from outside (provider webhooks, the local providers' pages) goes through here:
// stored once per (source, event id) before anything else, then signalled to the journey that
// owns its object. A redelivery of an applied event changes nothing; an event the journey could
// not be told about (unknown journey, Temporal down) is kept with the reason, never dropped.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Prisma } from '../../prisma/generated/client';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { externalEventSignal, JOURNEY_EVENT_TYPES } from '../../workflows/definitions';

export type IncomingEvent = {
  source: string;
  eventId: string;
  type: string;
  objectId: string;
  journeyId?: string;
  data?: Record<string, unknown>;
  payload: Prisma.InputJsonValue;
};

/** applied: the journey was told; recorded: kept for the record, no journey waits for its type. */
export type Receipt = 'applied' | 'recorded' | 'duplicate' | 'unmatched';

export async function receiveExternalEvent(deps: { db: Db; temporal: Client; log: Logger }, e: IncomingEvent): Promise<Receipt> {
  await deps.db.externalEvent.createMany({
    data: [{ source: e.source, eventId: e.eventId, type: e.type, objectId: e.objectId, journeyId: e.journeyId, payload: e.payload }],
    skipDuplicates: true,
  });
  const row = await deps.db.externalEvent.findUniqueOrThrow({ where: { source_eventId: { source: e.source, eventId: e.eventId } } });
  if (row.appliedAt) return 'duplicate';
  const journeyId = row.journeyId ?? e.journeyId;
  const unmatched = async (error: string) => {
    await deps.db.externalEvent.update({ where: { id: row.id }, data: { error, journeyId } });
    deps.log.warn({ source: e.source, eventId: e.eventId, type: e.type, objectId: e.objectId, journeyId }, `external event not applied: ${error}`);
    return 'unmatched' as const;
  };
  if (!journeyId) return unmatched('No journey owns this object');
  if (!JOURNEY_EVENT_TYPES.has(e.type)) {
    await deps.db.externalEvent.update({ where: { id: row.id }, data: { appliedAt: new Date(), journeyId } });
    return 'recorded';
  }
  try {
    // The journey ignores an event id it has seen, so two concurrent deliveries both signalling is harmless.
    await deps.temporal.workflow
      .getHandle(journeyId)
      .signal(externalEventSignal, { source: e.source, eventId: e.eventId, type: e.type, objectId: e.objectId, data: e.data });
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return unmatched('The journey is not running');
    throw err; // Temporal unreachable: the provider gets a 5xx and delivers again
  }
  await deps.db.externalEvent.update({ where: { id: row.id }, data: { appliedAt: new Date(), error: null, journeyId } });
  return 'applied';
}
