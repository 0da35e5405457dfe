// All activities, wired to their dependencies. The worker registers what this returns.
import type { Config } from '../platform/config';
import type { Db } from '../platform/db';
import { createBillingActivities } from './billing';
import { createContractActivities } from './contracts';
import { createCustomerDecisionActivities } from './customer-decisions';
import { createDeliveryActivities } from './delivery';
import { createEmailActivities } from './email';
import { createJourneyRecordActivities } from './journey-records';
import { createLeadActivities } from './leads';
import { createQuoteActivities } from './quotes';

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
