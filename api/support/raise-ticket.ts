// Raising a ticket starts its support journey, numbered per customer in PostgreSQL
// (domain/journey-numbers.ts). The journey's first activity records the ticket.
// A request sent again with its key (a form's nonce, an Idempotency-Key) answers with the journey
// the first one started, and starts it if the first failed to (Temporal unreachable then).
import { WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { journeyWorkflowId } from '../../workflows/runtime/definitions';
import type { NewTicket, SupportInput } from '../../workflows/support/messages';
import type { supportJourney } from '../../workflows';
import { journeyForRequest, nextJourneyNumber } from '../domain/journey-numbers';
import { withTemporal } from '../journey-calls';

type Deps = { db: Db; temporal: Client; config: Config };

/** The journey id for this request: a new one, or the one its key already started. */
async function journeyFor(db: Db, customerId: string, requestKey: string | undefined): Promise<{ journeyId: string; created: boolean }> {
  const fresh = async () => journeyWorkflowId(customerId, 'support', await nextJourneyNumber(db, customerId, 'support'));
  return requestKey ? journeyForRequest(db, requestKey, fresh) : { journeyId: await fresh(), created: true };
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
