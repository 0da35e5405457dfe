// Every journey workflow type the worker registers. Add a new journey here (both lines).
import { setWorkflowOptions } from '@temporalio/workflow';
import { acquisitionJourney } from './acquisition/workflow';
import { latePaymentJourney } from './billing/late-payment';
import { billingJourney } from './billing/workflow';
import { deliveryJourney } from './delivery/workflow';

export { acquisitionJourney, billingJourney, deliveryJourney, latePaymentJourney };

// An error thrown by journey code that is not a Temporal failure is a bug or an impossible state.
// By default it fails the workflow *task*, which Temporal retries for ever, silently; with this it
// fails the journey (JourneyRuntime.run records it FAILED with the reason, for a manager to retry
// once fixed) or, thrown in an Update handler, that Update. Non-determinism is not such an error:
// the SDK's core detects it and still fails the workflow task, which Temporal keeps retrying, so a
// deploy that fixes it picks the journeys up again (WorkerOptions.workflowFailureErrorTypes with
// 'Error' would fail those journeys too, which is why it is set here and not there).
for (const journey of [acquisitionJourney, billingJourney, deliveryJourney, latePaymentJourney] as Array<(input: never) => Promise<unknown>>) {
  setWorkflowOptions({ failureExceptionTypes: [Error] }, journey);
}
