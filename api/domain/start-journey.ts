// Starts (or finds) the workflow behind a journey row. Idempotent: the workflow id is the journey
// id, a running one is reused, and a closed one is never started twice.
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdConflictPolicy,
  WorkflowIdReusePolicy,
  type Client,
} from '@temporalio/client';
import type { AcquisitionInput } from '../../workflows/definitions';
import type { acquisitionJourney } from '../../workflows';

export async function startAcquisitionJourney(temporal: Client, taskQueue: string, input: AcquisitionInput) {
  try {
    await temporal.workflow.start<typeof acquisitionJourney>('acquisitionJourney', {
      workflowId: input.journeyId,
      taskQueue,
      args: [input],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
  } catch (err) {
    // Already ran to its end: the journey exists, which is all a repeated start asks for.
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}
