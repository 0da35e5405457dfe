// Where repeat business is found with a client (pure data: the API, the workflow input and the
// admin UI all read it).
export const OPPORTUNITY_SOURCES = ['check-in', 'review', 'ticket', 'account'] as const;
export type OpportunitySource = (typeof OPPORTUNITY_SOURCES)[number];
