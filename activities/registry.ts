// All activities, wired to their dependencies. The worker registers what this returns.
import type { Config } from '../platform/config';
import type { Db } from '../platform/db';
import { createBillingActivities } from './billing/invoices';
import { createContractActivities } from './acquisition/contracts';
import { createCustomerDecisionActivities } from './runtime/customer-decisions';
import { createDeliveryActivities } from './delivery/projects';
import { createEmailActivities } from './runtime/email';
import { createJourneyRecordActivities } from './runtime/journey-records';
import { createLeadActivities } from './acquisition/leads';
import { createQuoteActivities } from './acquisition/quotes';

export type ActivityDeps = { db: Db; config: Config };

export function createActivities(deps: ActivityDeps) {
  return {
    ...createJourneyRecordActivities(deps),
    ...createLeadActivities(deps),
    ...createEmailActivities(deps),
    ...createQuoteActivities(deps),
    ...createContractActivities(deps),
    ...createCustomerDecisionActivities(deps),
    ...createDeliveryActivities(deps),
    ...createBillingActivities(deps),
  };
}
