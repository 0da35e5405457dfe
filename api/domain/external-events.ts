// Every event from outside (provider webhooks, the local providers' pages) goes through here:
// stored once per (source, event id) before anything else, then signalled to the journey that
// owns its object. A redelivery of an applied event changes nothing; an event the journey could
// not be told about (unknown journey, Temporal down) is kept with the reason, never dropped, and a
// journey that later claims its object takes it then (activities/runtime/external-events.ts).
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Prisma } from '../../prisma/generated/client';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { externalEventSignal, JOURNEY_EVENT_TYPES, PAYMENT_EVENTS, type ExternalEvent } from '../../workflows/runtime/definitions';
import { toStorableJson } from '../../workflows/runtime/storable-text';
import { withTemporal } from '../journey-calls';
import { startLatePayment } from '../billing/late-payments';

export type IncomingEvent = {
  source: string;
  eventId: string;
  type: string;
  objectId: string;
  journeyId?: string;
  /**
   * Finds the journey that owns the object when the event does not name it. Asked after the event
   * is stored, so a journey claiming the object at the same moment either is found here or finds
   * the event.
   */
  ownerOf?: (objectId: string) => Promise<string | undefined>;
  /** Why the event must not be applied (a currency that is not the invoice's): stored with this error. */
  refused?: string;
  data?: Record<string, unknown>;
  payload: Prisma.InputJsonValue;
};

/** applied: the journey was told; recorded: kept for the record, no journey waits for its type. */
export type Receipt = 'applied' | 'recorded' | 'duplicate' | 'unmatched';

type Deps = { db: Db; temporal: Client; config: Config; log: Logger };

export async function receiveExternalEvent(deps: Deps, incoming: IncomingEvent): Promise<Receipt> {
  // Signed by the provider, so kept whatever it holds: text PostgreSQL cannot store is replaced
  // (U+FFFD) rather than refused, which would have the provider redeliver it for days.
  const e = { ...incoming, ...toStorableJson({ eventId: incoming.eventId, type: incoming.type, objectId: incoming.objectId, journeyId: incoming.journeyId, data: incoming.data, payload: incoming.payload }) };
  await deps.db.externalEvent.createMany({
    data: [{ source: e.source, eventId: e.eventId, type: e.type, objectId: e.objectId, journeyId: e.journeyId, data: e.data as Prisma.InputJsonValue, payload: e.payload }],
    skipDuplicates: true,
  });
  // Concurrent deliveries of one event queue on its row: the first applies it, the others then see
  // it applied and answer `duplicate`. (A delivery that fails rolls back, so a retry applies it.)
  return deps.db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<Array<{ id: string; journeyId: string | null; appliedAt: Date | null }>>`
        SELECT id, "journeyId", "appliedAt" FROM "ExternalEvent" WHERE source = ${e.source} AND "eventId" = ${e.eventId} FOR UPDATE`;
      if (row!.appliedAt) return 'duplicate';
      const settle = (data: { journeyId?: string; error: string | null; applied: boolean }) =>
        tx.externalEvent.update({ where: { id: row!.id }, data: { journeyId: data.journeyId, error: data.error, appliedAt: data.applied ? new Date() : null } });
      const journeyId = row!.journeyId ?? e.journeyId ?? (await e.ownerOf?.(e.objectId));
      const unmatched = async (error: string) => {
        await settle({ journeyId, error, applied: false });
        deps.log.warn({ source: e.source, eventId: e.eventId, type: e.type, objectId: e.objectId, journeyId }, `external event not applied: ${error}`);
        return 'unmatched' as const;
      };
      if (e.refused) return unmatched(e.refused);
      if (!journeyId) return unmatched('No journey owns this object');
      if (!JOURNEY_EVENT_TYPES.has(e.type)) {
        await settle({ journeyId, error: null, applied: true });
        return 'recorded';
      }
      const event: ExternalEvent = { source: e.source, eventId: e.eventId, type: e.type, objectId: e.objectId, data: e.data };
      try {
        // The journey also ignores an event id it has seen: a signal repeated after a crash is harmless.
        await withTemporal(deps.temporal, () => deps.temporal.workflow.getHandle(journeyId).signal(externalEventSignal, event));
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw err; // Temporal unreachable: the provider gets a 503 and delivers again
        const invoiceId = e.data?.invoiceId;
        if (!(PAYMENT_EVENTS as readonly string[]).includes(e.type) || typeof invoiceId !== 'string') return unmatched('The journey is not running');
        // Money that came after its invoice's journey ended still goes into the ledger.
        await settle({ journeyId: await startLatePayment(deps, { endedJourneyId: journeyId, invoiceId, payment: event }), error: null, applied: true });
        return 'applied';
      }
      await settle({ journeyId, error: null, applied: true });
      return 'applied';
    },
    // Signalling Temporal happens while the row is held; deliveries of other events do not wait.
    { maxWait: 10_000, timeout: 30_000 },
  );
}
