// Where repeat business was found with a client, as people say it (the API's OPPORTUNITY_SOURCES).
import type { OpportunitySource } from '../../../workflows/acquisition/repeat-business';

export const OPPORTUNITY_SOURCE_LABELS: Record<OpportunitySource, string> & Record<string, string | undefined> = {
  'check-in': 'a check-in',
  review: 'a review',
  ticket: 'a support ticket',
  account: 'the account',
};
