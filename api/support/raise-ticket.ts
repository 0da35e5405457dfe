// Raising a ticket starts its support journey. Journeys are numbered per customer and kind in
// PostgreSQL (JourneySequence), which keeps every number for ever, so a ticket's workflow id is
// never one Temporal once used and has forgotten. The journey's first activity records the ticket.
// A request sent again with its key (a form's nonce, an Idempotency-Key) answers with the journey
// the first one started, and starts it if the first failed to (Temporal unreachable then).
import { WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { journeyWorkflowId } from '../../workflows/runtime/definitions';
import type { NewTicket, SupportInput } from '../../workflows/support/messages';
import type { supportJourney } from '../../workflows';
import { withTemporal } from '../journey-calls';

type Deps = { db: Db; temporal: Client; config: Config };

/** The customer's next journey number of `kind`, taken once. */
export async function nextJourneyNumber(db: Db, customerId: string, kind: string): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ last: number }>>`
    INSERT INTO "JourneySequence" ("customerId", kind, last) VALUES (${customerId}::uuid, ${kind}, 1)
    ON CONFLICT ("customerId", kind) DO UPDATE SET last = "JourneySequence".last + 1
    RETURNING last`;
  return row!.last;
}

/** The journey id for this request: a new one, or the one its key already started. */
async function journeyFor(db: Db, customerId: string, requestKey: string | undefined): Promise<{ journeyId: string; created: boolean }> {
  const fresh = journeyWorkflowId(customerId, 'support', await nextJourneyNumber(db, customerId, 'support'));
  if (!requestKey) return { journeyId: fresh, created: true };
  const inserted = await db.journeyStartRequest.createMany({ data: [{ key: requestKey, journeyId: fresh }], skipDuplicates: true });
  if (inserted.count) return { journeyId: fresh, created: true };
  // (The number taken for `fresh` stays unused: numbers are never reused, so a gap is harmless.)
  const first = await db.journeyStartRequest.findUniqueOrThrow({ where: { key: requestKey } });
  return { journeyId: first.journeyId, created: false };
}

export async function raiseTicket(deps: Deps, customerId: string, ticket: NewTicket, requestKey?: string): Promise<{ journeyId: string; created: boolean }> {
  const { journeyId, created } = await journeyFor(deps.db, customerId, requestKey);
  const { hours, policy, closeAfterBusinessDays, warrantyDays } = deps.config.support;
  const input: SupportInput = { journeyId, customerId, ticket, settings: { hours, policy, closeAfterBusinessDays, warrantyDays } };
  await withTemporal(deps.temporal, () =>
    deps.temporal.workflow.start<typeof supportJourney>('supportJourney', {
      workflowId: journeyId,
      taskQueue: deps.config.temporal.taskQueue,
      args: [input],
      // A repeat finds the first request's journey running (or ended) and starts nothing.
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    }),
  );
  return { journeyId, created };
}
