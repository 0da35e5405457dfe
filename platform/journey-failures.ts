// What a journey's failure writes to PostgreSQL (the failJourney activity) and how a retry puts it
// back (POST /api/journeys/:id/retry), side by side so that each stays the other's inverse.
import { refreshCustomerFacts } from '../activities/runtime/customer-facts';
import type { Prisma } from '../prisma/generated/client';
import { appendEvent } from './audit';

type Tx = Prisma.TransactionClient;

/** How the failure marks the tasks it cancels, so a retry finds exactly those. */
const FAILED_TASK_REASON = 'The journey failed';

/** Each failure of a journey (it may fail again after a retry) has its own alert and trail entry. */
const failureKey = (journeyId: string, at: Date) => `${journeyId}:failed:${at.toISOString()}`;

/**
 * A journey that cannot go on: FAILED with the reason, its open tasks cancelled and waits closed,
 * and an alert in the manager queue. The alert is written even when the journey's own row never
 * was (its first write is what failed).
 */
export async function recordJourneyFailure(tx: Tx, { journeyId, reason, at }: { journeyId: string; reason: string; at: Date }): Promise<void> {
  const { count } = await tx.journey.updateMany({
    where: { id: journeyId, status: 'RUNNING' },
    data: { status: 'FAILED', endReason: reason, endedAt: at },
  });
  await tx.task.updateMany({ where: { journeyId, status: 'OPEN' }, data: { status: 'CANCELLED', cancelledAt: at, cancelReason: FAILED_TASK_REASON } });
  await tx.journeyWait.updateMany({ where: { journeyId, endedAt: null }, data: { endedAt: at, outcome: 'journey_ended' } });
  await tx.notification.createMany({
    data: [{ key: failureKey(journeyId, at), kind: 'journey_failed', title: `Journey failed: ${reason}`.slice(0, 500), recipientRole: 'manager', journeyId }],
    skipDuplicates: true,
  });
  if (!count) return;
  await appendEvent(tx, { journeyId, key: failureKey(journeyId, at), type: 'journey_failed', data: { status: 'FAILED', reason }, at });
  const { customerId } = await tx.journey.findUniqueOrThrow({ where: { id: journeyId }, select: { customerId: true } });
  await refreshCustomerFacts(tx, customerId);
}

export type JourneyRetry = {
  journeyId: string;
  /** When the failure being retried was recorded (Journey.endedAt): a journey that failed again since is not this retry's. */
  failedAt: Date | null;
  /** The waits and tasks the journey holds open again once Temporal has reset it (the rest it makes anew, or never). */
  held: { waitIds: Set<string>; taskIds: Set<string> };
  actor: string;
  reason: string;
  /** Has Temporal start the new run; its id, and what the trail keeps of it. */
  reset: () => Promise<{ runId: string } & Record<string, string | number>>;
};

/**
 * A failed journey running again: RUNNING, the waits and tasks its failure closed open again where
 * the reset journey still holds them, the failure's alert read, and who retried it and why on its
 * trail; undefined when the journey is not (or no longer) in the failure this retry is about.
 *
 * The journey row stays locked from before Temporal's reset until all of that commits: the new run
 * starts at once, and its first writes (a record reopened here, or its next failure) wait for this
 * transaction instead of landing before it and being undone by it. A reset that fails rolls it back.
 */
export async function reopenFailedJourney(tx: Tx, r: JourneyRetry): Promise<string | undefined> {
  await tx.$executeRaw`SELECT 1 FROM "Journey" WHERE id = ${r.journeyId} FOR UPDATE`;
  const journey = await tx.journey.findUnique({ where: { id: r.journeyId } });
  if (journey?.status !== 'FAILED' || journey.endedAt?.getTime() !== r.failedAt?.getTime()) return undefined;
  await tx.journey.update({ where: { id: r.journeyId }, data: { status: 'RUNNING', endReason: null, endedAt: null } });
  if (r.failedAt) {
    const closed = await tx.journeyWait.findMany({ where: { journeyId: r.journeyId, endedAt: r.failedAt, outcome: 'journey_ended' }, select: { id: true } });
    const [held, gone] = partition(closed.map((w) => w.id), (id) => r.held.waitIds.has(id));
    await tx.journeyWait.updateMany({ where: { id: { in: held } }, data: { endedAt: null, outcome: null } });
    // Waits opened after the reset point: the reset journey opens them again under the same ids, if it goes that way.
    await tx.journeyWait.deleteMany({ where: { id: { in: gone } } });
    await tx.task.updateMany({
      where: { journeyId: r.journeyId, id: { in: [...r.held.taskIds] }, status: 'CANCELLED', cancelledAt: r.failedAt, cancelReason: FAILED_TASK_REASON },
      data: { status: 'OPEN', cancelledAt: null, cancelReason: null },
    });
  }
  await tx.notification.updateMany({ where: { journeyId: r.journeyId, kind: 'journey_failed', readAt: null }, data: { readAt: new Date() } });
  // Failures recorded before failures had keys of their own took the key of the journey's end.
  const legacy = await tx.journeyEvent.findUnique({ where: { key: `${r.journeyId}:ended` } });
  if (legacy?.type === 'journey_failed') await tx.journeyEvent.update({ where: { id: legacy.id }, data: { key: failureKey(r.journeyId, legacy.at) } });
  // Running again, the journey counts for the customer's lifecycle as it did before it failed.
  await refreshCustomerFacts(tx, journey.customerId);

  const reset = await r.reset();
  await appendEvent(tx, {
    journeyId: r.journeyId,
    key: `${r.journeyId}:retried:${reset.runId}`,
    type: 'journey_retried',
    actor: r.actor,
    data: { reason: r.reason, failure: journey.endReason, ...reset },
  });
  return reset.runId;
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}
