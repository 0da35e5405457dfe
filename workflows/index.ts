// Every journey workflow type the worker registers. Add a new journey here.
export { acquisitionJourney } from './acquisition';
export { billingJourney } from './billing';
export { deliveryJourney } from './delivery';
export { latePaymentJourney } from './late-payment';
