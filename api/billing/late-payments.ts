// A payment whose invoice's journey has ended (paid already, cancelled, lost) has no journey to
// take it. It starts a late-payment journey of its own (workflows/billing/late-payment.ts), one per
// provider payment, which records it on the invoice and asks finance to refund or keep it.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Config } from '../../platform/config';
import type { latePaymentJourney } from '../../workflows';
import { journeyIdParts, latePaymentJourneyId, type ExternalEvent } from '../../workflows/runtime/definitions';
import { withTemporal } from '../journey-calls';

/** Starts (once) the late-payment journey of `payment`; returns its id. */
export async function startLatePayment(
  deps: { temporal: Client; config: Config },
  late: { endedJourneyId: string; invoiceId: string; payment: ExternalEvent },
): Promise<string> {
  const { customerId } = journeyIdParts(late.endedJourneyId);
  const journeyId = latePaymentJourneyId(late.endedJourneyId, late.payment.objectId);
  try {
    await withTemporal(deps.temporal, () =>
      deps.temporal.workflow.start<typeof latePaymentJourney>('latePaymentJourney', {
        workflowId: journeyId,
        taskQueue: deps.config.temporal.taskQueue,
        args: [{ journeyId, customerId, ...late }],
      }),
    );
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  return journeyId;
}
