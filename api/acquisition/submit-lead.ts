// A contact-form submission starts that customer's acquisition journey — or, when the same person
// already has one running, nothing new at all. Temporal's workflow-id uniqueness is what makes a
// duplicate submission harmless; the journey's first activity writes the customer and journey rows.
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdConflictPolicy,
  WorkflowIdReusePolicy,
  type Client,
} from '@temporalio/client';
import { v5 as uuidv5 } from 'uuid';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { journeyWorkflowId, type Inquiry } from '../../workflows/runtime/definitions';
import type { acquisitionJourney } from '../../workflows';
import { AppError } from '../errors';
import { withTemporal } from '../journey-calls';

/** Fixed namespace for customer ids: the same email always yields the same customer id. */
const CUSTOMER_NAMESPACE = '6f0a3c59-1b2e-4d8a-9c3f-5e7b2a1d4c60';

/** A customer's id derives from their normalised email, so it is known without a database lookup. */
export function customerIdFor(email: string): string {
  return uuidv5(email.trim().toLowerCase(), CUSTOMER_NAMESPACE);
}

export type SubmittedLead = { customerId: string; journeyId: string; created: boolean };

/** How long a duplicate waits for the first submission's journey to be recorded before answering 503. */
const RECORDED_WITHIN_MS = 3_000;

export async function submitLead(
  deps: { db: Db; temporal: Client; taskQueue: string; journeys: Pick<Config['journeys'], 'followUpDueHours'> },
  inquiry: Inquiry,
): Promise<SubmittedLead> {
  const customerId = customerIdFor(inquiry.email);
  // Journeys of one customer are numbered 1, 2, …, on from the newest PostgreSQL recorded.
  for (let sequence = await firstSequence(deps.db, customerId); ; sequence++) {
    const journeyId = journeyWorkflowId(customerId, 'acquisition', sequence);
    try {
      await withTemporal(deps.temporal, () =>
        deps.temporal.workflow.start<typeof acquisitionJourney>('acquisitionJourney', {
          workflowId: journeyId,
          taskQueue: deps.taskQueue,
          args: [{ journeyId, customerId, inquiry, followUpDueHours: deps.journeys.followUpDueHours }],
          workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        }),
      );
      return { customerId, journeyId, created: true };
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
    // That journey exists: still running means this is a duplicate; ended means the customer
    // is coming back, as their next journey.
    const { status } = await withTemporal(deps.temporal, () => deps.temporal.workflow.getHandle(journeyId).describe());
    if (status.name !== 'RUNNING') continue;
    // It is "the same journey" only once it has recorded the lead; one that fails to (and so ends
    // FAILED) must not answer for the next, genuine submission.
    if (await recorded(deps.db, journeyId)) return { customerId, journeyId, created: false };
    const { status: now } = await withTemporal(deps.temporal, () => deps.temporal.workflow.getHandle(journeyId).describe());
    if (now.name === 'RUNNING') {
      throw new AppError('unavailable', 'An earlier submission from this address is still being recorded. Try again shortly.');
    }
  }
}

/**
 * The number to try first: the customer's newest acquisition that PostgreSQL recorded (it keeps
 * journeys for ever; Temporal's retention deletes closed workflows, after which their ids could be
 * started again), while it runs, so a repeat submission finds it; the next number once it ended. A
 * journey started but not recorded yet is found by the loop, as Temporal refuses its id.
 */
async function firstSequence(db: Db, customerId: string): Promise<number> {
  // One raw statement: on the contact form's path Prisma's query builder cost twice its CPU (bench:start).
  const [newest] = await db.$queryRaw<{ sequence: number; running: boolean }[]>`
    SELECT split_part("id", ':', 4)::int AS "sequence", "status" = 'RUNNING' AS "running"
    FROM "Journey"
    WHERE "customerId" = ${customerId}::uuid AND "kind" = 'acquisition' AND split_part("id", ':', 4) ~ '^[0-9]{1,9}$'
    ORDER BY 1 DESC LIMIT 1`;
  if (!newest) return 1;
  return newest.running ? newest.sequence : newest.sequence + 1;
}

async function recorded(db: Db, journeyId: string): Promise<boolean> {
  const deadline = Date.now() + RECORDED_WITHIN_MS;
  for (;;) {
    if (await db.journey.findUnique({ where: { id: journeyId }, select: { id: true } })) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}
