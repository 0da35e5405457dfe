// Every workflow type the worker registers: the journeys (add a new one here) and the managers'
// weekly digest.
export { acquisitionJourney } from './acquisition/workflow';
export { billingJourney } from './billing/workflow';
export { deliveryJourney } from './delivery/workflow';
export { latePaymentJourney } from './billing/late-payment';
export { retentionJourney } from './retention/workflow';
export { supportJourney } from './support/workflow';
export { weeklyDigest } from './digest/weekly-digest';
