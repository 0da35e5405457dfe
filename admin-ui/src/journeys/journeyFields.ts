export const JOURNEY_STATUSES = ['RUNNING', 'COMPLETED', 'LOST', 'CANCELLED', 'FAILED'] as const;

/** A journey's page. Journey ids hold colons, so they are encoded. */
export const journeyPath = (journeyId: string) => `/journeys/${encodeURIComponent(journeyId)}/show`;

/** "journey:<customer>:billing:3.m2" → "Billing 3.m2": the kind and the place in its customer's journeys. */
export const journeyName = (journeyId: string) => {
  const [, , kind = '', sequence = ''] = journeyId.split(':');
  return `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${sequence}`;
};
