// The hand-over of a signed-off project to customer success, called by its delivery journey: the
// customer's running retention journey hears of it, or one starts (a child that outlives the
// delivery). Two deliveries handing over at once both find none running and start the same id:
// Temporal refuses the second start, which then signals the journey the first one started. Other
// journeys tell it of moments that earn asking the client to refer us, the same way.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { getExternalWorkflowHandle, isCancellation, ParentClosePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import type { RetentionActivities } from '../../activities/retention/accounts';
import { recordActivityOptions } from '../runtime/journey';
import { advocacyEarnedSignal, projectHandedOverSignal, type AdvocacyMoment, type HandOver } from './messages';
import { retentionJourney } from './workflow';

const retention = proxyActivities<RetentionActivities>(recordActivityOptions);

export async function handOverToSuccess(customerId: string, handOver: HandOver): Promise<void> {
  const { journeyId, running, historyLimit } = await retention.retentionJourneyFor({ customerId });
  if (!running) {
    try {
      await startChild(retentionJourney, { workflowId: journeyId, args: [{ journeyId, customerId, handOver, historyLimit }], parentClosePolicy: ParentClosePolicy.ABANDON });
      return;
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }
  await getExternalWorkflowHandle(journeyId).signal(projectHandedOverSignal, handOver);
}

/** A moment that earns asking the client to refer us, from another journey (a ticket rated 5): their running retention journey hears of it; with none, nobody is asked. */
export async function tellOfAdvocacyMoment(customerId: string, moment: AdvocacyMoment): Promise<void> {
  const { journeyId, running } = await retention.retentionJourneyFor({ customerId });
  if (!running) return;
  try {
    await getExternalWorkflowHandle(journeyId).signal(advocacyEarnedSignal, moment);
  } catch (err) {
    if (isCancellation(err)) throw err; // otherwise it ended meanwhile: nobody to ask
  }
}
