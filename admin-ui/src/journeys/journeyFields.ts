export const JOURNEY_STATUSES = ['RUNNING', 'COMPLETED', 'LOST', 'CANCELLED', 'FAILED'] as const;

// The Temporal dev server's Web UI as `npm start` runs it (TEMPORAL_UI_PORT defaults to 8233).
const TEMPORAL_UI = 'http://localhost:8233';

/** A journey's id is its workflow id. */
export const temporalWorkflowUrl = (journeyId: string) =>
  `${TEMPORAL_UI}/namespaces/default/workflows/${encodeURIComponent(journeyId)}`;
