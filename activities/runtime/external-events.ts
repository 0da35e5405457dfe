// A journey claiming a provider object (an envelope it just sent) takes the events about it that
// came before anyone owned it: stored as unmatched by the API, they are applied now instead of
// waiting for a redelivery that never comes. The API holds an event's row while it decides on it
// (api/domain/external-events.ts), so a delivery in flight either finds the owner or is claimed here.
import type { Db } from '../../platform/db';
import { JOURNEY_EVENT_TYPES, type ExternalEvent } from '../../workflows/runtime/definitions';

export async function claimExternalEvents(db: Db, { journeyId, objectId }: { journeyId: string; objectId: string }): Promise<ExternalEvent[]> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "ExternalEvent" WHERE "objectId" = ${objectId} FOR UPDATE`;
    await tx.externalEvent.updateMany({ where: { objectId, journeyId: null, appliedAt: null }, data: { journeyId, appliedAt: new Date(), error: null } });
    // Those signalled already come again: the journey takes each event id once.
    const rows = await tx.externalEvent.findMany({ where: { objectId, journeyId, type: { in: [...JOURNEY_EVENT_TYPES] } }, orderBy: { receivedAt: 'asc' } });
    return rows.map((r) => ({ source: r.source, eventId: r.eventId, type: r.type, objectId, ...(r.data !== null && { data: r.data as Record<string, unknown> }) }));
  });
}
