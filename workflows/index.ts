// Every journey workflow type the worker registers. Add a new journey here.
export { acquisitionJourney } from './acquisition/workflow';
export { billingJourney } from './billing/workflow';
export { deliveryJourney } from './delivery/workflow';
export { latePaymentJourney } from './billing/late-payment';
export { retentionJourney } from './retention/workflow';
export { supportJourney } from './support/workflow';
