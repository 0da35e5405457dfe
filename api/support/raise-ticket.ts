// Raising a ticket starts its support journey. Journeys are numbered per customer and kind in
// PostgreSQL (JourneySequence), which keeps every number for ever, so a ticket's workflow id is
// never one Temporal once used and has forgotten. The journey's first activity records the ticket.
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

export async function raiseTicket(deps: Deps, customerId: string, ticket: NewTicket): Promise<{ journeyId: string }> {
  const journeyId = journeyWorkflowId(customerId, 'support', await nextJourneyNumber(deps.db, customerId, 'support'));
  const { hours, policy, closeAfterBusinessDays, warrantyDays } = deps.config.support;
  const input: SupportInput = { journeyId, customerId, ticket, settings: { hours, policy, closeAfterBusinessDays, warrantyDays } };
  await withTemporal(deps.temporal, () =>
    deps.temporal.workflow.start<typeof supportJourney>('supportJourney', {
      workflowId: journeyId,
      taskQueue: deps.config.temporal.taskQueue,
      args: [input],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
    }),
  );
  return { journeyId };
}
