// Repeat business (seed 000, journey 4 phase 3): an opportunity found with a client (in a check-in,
// a review, a ticket) becomes a new acquisition journey for them, the child of their account's
// retention journey, starting at discovery: the customer is known, so there is no contact form and
// no follow-up call, and they stay a client throughout. Sent again with its `id`, the request answers
// with the journey the first one started.
import { WorkflowExecutionAlreadyStartedError, WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/client';
import { z } from 'zod';
import type { Db } from '../../platform/db';
import { OPPORTUNITY_SOURCES } from '../../workflows/acquisition/repeat-business';
import { journeyWorkflowId, type AcquisitionInput } from '../../workflows/runtime/definitions';
import type { acquisitionJourney } from '../../workflows';
import { text } from '../../workflows/runtime/storable-text';
import type { ApiDeps } from '../app';
import { journeyForRequest, nextJourneyNumber } from '../domain/journey-numbers';
import { AppError } from '../errors';
import { withTemporal } from '../journey-calls';

export const opportunityBody = z
  .object({
    /** The caller's key for this request (a form's nonce): the same id answers with the same journey. */
    id: z.uuid(),
    projectType: text(100),
    budgetRange: text(100),
    timeline: text(100),
    /** What the client wants, as found. */
    description: text(5000),
    /** Where it was found. */
    source: z.enum(OPPORTUNITY_SOURCES),
  })
  .strict();
export type OpportunityBody = z.infer<typeof opportunityBody>;

/**
 * The client's next acquisition number, taken once: past the newest acquisition PostgreSQL recorded
 * (contact-form journeys are numbered from those), so the two ways in never share one.
 */
async function nextAcquisitionNumber(db: Db, customerId: string): Promise<number> {
  const [recorded] = await db.$queryRaw<Array<{ newest: number }>>`
    SELECT coalesce(max(split_part(id, ':', 4)::int), 0) AS newest FROM "Journey"
    WHERE "customerId" = ${customerId}::uuid AND kind = 'acquisition' AND split_part(id, ':', 4) ~ '^[0-9]{1,9}$'`;
  return nextJourneyNumber(db, customerId, 'acquisition', recorded!.newest);
}

export async function openRepeatBusiness(
  deps: Pick<ApiDeps, 'db' | 'temporal' | 'config'>,
  customerId: string,
  body: OpportunityBody,
  by: { id: string },
): Promise<{ customerId: string; journeyId: string }> {
  const account = await deps.db.clientAccount.findUnique({ where: { customerId }, include: { customer: true } });
  if (!account) throw new AppError('not_found', `No account for customer ${customerId}`);
  const parent = await deps.db.journey.findUnique({ where: { id: account.journeyId }, select: { status: true } });
  if (account.endedAt || parent?.status !== 'RUNNING') {
    throw new AppError('conflict', `${account.customer.companyName} is not a client now: open a new journey for a former client through the contact form`);
  }
  const { companyName, contactName, email, phone, country, region } = account.customer;
  const input: AcquisitionInput = {
    journeyId: (
      await journeyForRequest(deps.db, `opportunity:${by.id}:${body.id}`, async () => journeyWorkflowId(customerId, 'acquisition', await nextAcquisitionNumber(deps.db, customerId)))
    ).journeyId,
    customerId,
    inquiry: {
      companyName,
      contactName,
      email,
      ...(phone && { phone }),
      ...(country && { country }),
      ...(region && { region }),
      projectType: body.projectType,
      budgetRange: body.budgetRange,
      timeline: body.timeline,
      description: body.description,
    },
    followUpDueHours: deps.config.journeys.followUpDueHours,
    repeat: { parentJourneyId: account.journeyId, source: body.source, openedBy: by.id },
  };
  try {
    await withTemporal(deps.temporal, () =>
      deps.temporal.workflow.start<typeof acquisitionJourney>('acquisitionJourney', {
        workflowId: input.journeyId,
        taskQueue: deps.config.temporal.taskQueue,
        args: [input],
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      }),
    );
  } catch (err) {
    // Started by the first request, and already ended: the same answer.
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  return { customerId, journeyId: input.journeyId };
}
