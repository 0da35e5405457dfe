export const JOURNEY_STATUSES = ['RUNNING', 'COMPLETED', 'LOST', 'CANCELLED', 'FAILED'] as const;

/** A journey's page. Journey ids hold colons, so they are encoded. */
export const journeyPath = (journeyId: string) => `/journeys/${encodeURIComponent(journeyId)}/show`;
