// A journey failed by a bug, for tests of what managers do with failed journeys: started past the
// API without its follow-up due time, its task's due date is not a date, which fails the journey
// the moment it makes the task (after writing its row), and again after every retry.
import { customerIdFor } from '../../api/acquisition/submit-lead';
import { journeyWorkflowId } from '../../workflows/runtime/definitions';
import { lead } from './fixtures';
import type { Harness } from './harness';
import { eventually } from './http';

export async function bugFailedJourney(h: Pick<Harness, 'env' | 'db' | 'taskQueue'>, inquiry = lead()): Promise<string> {
  const customerId = customerIdFor(inquiry.email as string);
  const journeyId = journeyWorkflowId(customerId, 'acquisition', 1);
  await h.env.client.workflow.start('acquisitionJourney', { workflowId: journeyId, taskQueue: h.taskQueue, args: [{ journeyId, customerId, inquiry }] });
  await eventually(() => h.db.journey.findUnique({ where: { id: journeyId } }), (j) => j?.status === 'FAILED');
  // The row is marked by the journey's last activity, a moment before Temporal closes the run.
  await eventually(() => h.env.client.workflow.getHandle(journeyId).describe(), (d) => d.status.name === 'FAILED');
  return journeyId;
}
