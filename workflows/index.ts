// Every journey workflow type the worker registers. Add a new journey here.
export { acquisitionJourney } from './acquisition';
