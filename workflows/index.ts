// Every workflow type the worker registers: the journeys (add a new one here), the managers'
// weekly digest, finance's invoice notices and the notice of a task assigned.
export { acquisitionJourney } from './acquisition/workflow';
export { billingJourney } from './billing/workflow';
export { deliveryJourney } from './delivery/workflow';
export { latePaymentJourney } from './billing/late-payment';
export { invoiceNotice } from './billing/invoice-notice';
export { assignmentNotice } from './runtime/assignment-notice';
export { retentionJourney } from './retention/workflow';
export { supportJourney } from './support/workflow';
export { weeklyDigest } from './digest/weekly-digest';
