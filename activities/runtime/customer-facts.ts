// The facts a customer's lifecycle phase is derived from (Customer.clientSince, onboardedAt,
// activeSince, lastEndedAt; the rule is api/domain/customer-lifecycle.ts). They are recomputed from
// the customer's projects and journeys, never set from one journey's outcome, so a new inquiry or a
// lost quote cannot undo what earlier journeys established.
import type { Prisma } from '../../prisma/generated/client';

/**
 * Recomputes them with refresh_customer_facts() (defined in the migration
 * customer_lifecycle_journey_parents, which backfilled them with it). Call it last in the
 * transaction that started, won, kicked off or ended a journey.
 */
export async function refreshCustomerFacts(tx: Prisma.TransactionClient, customerId: string): Promise<void> {
  // Refreshes of one customer queue on their row until each commits, and the statement after the
  // lock (a fresh snapshot, at READ COMMITTED) sees what the one before committed. NO KEY UPDATE:
  // not blocked by the KEY SHARE lock a concurrent insert of one of their journeys holds.
  await tx.$executeRaw`SELECT 1 FROM "Customer" WHERE id = ${customerId}::uuid FOR NO KEY UPDATE`;
  await tx.$executeRaw`SELECT refresh_customer_facts(${customerId}::uuid)`;
  // A former client with a journey that began after they left is back.
  await tx.$executeRaw`UPDATE "Customer" SET "leftAt" = NULL WHERE id = ${customerId}::uuid AND "leftAt" < "activeSince"`;
}
