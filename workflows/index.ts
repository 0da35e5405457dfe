// Every workflow type the worker registers: the journeys (add a new one here), the managers'
// weekly digest and finance's invoice notices.
export { acquisitionJourney } from './acquisition/workflow';
export { billingJourney } from './billing/workflow';
export { deliveryJourney } from './delivery/workflow';
export { latePaymentJourney } from './billing/late-payment';
export { invoiceNotice } from './billing/invoice-notice';
export { retentionJourney } from './retention/workflow';
export { supportJourney } from './support/workflow';
export { weeklyDigest } from './digest/weekly-digest';
