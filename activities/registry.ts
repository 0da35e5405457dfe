// All activities, wired to their dependencies: the runtime's (journey records, email, customer
// decisions) and each journey kind's. The worker registers what this returns. Adding a kind: one
// line in `kindActivities`.
import type { Config } from '../platform/config';
import type { Db } from '../platform/db';
import type { JourneyKind } from '../workflows/kinds';
import { createContractActivities } from './acquisition/contracts';
import { createLeadActivities } from './acquisition/leads';
import { createQuoteActivities } from './acquisition/quotes';
import { createBillingActivities } from './billing/invoices';
import { createDeliveryActivities } from './delivery/projects';
import { createCustomerDecisionActivities } from './runtime/customer-decisions';
import { createEmailActivities } from './runtime/email';
import { createJourneyRecordActivities } from './runtime/journey-records';

export type ActivityDeps = { db: Db; config: Config };
type Factory = (deps: ActivityDeps) => Record<string, (...args: any[]) => Promise<unknown>>;

const runtimeActivities: Factory[] = [createJourneyRecordActivities, createEmailActivities, createCustomerDecisionActivities];

const kindActivities: Record<JourneyKind, Factory[]> = {
  acquisition: [createLeadActivities, createQuoteActivities, createContractActivities],
  delivery: [createDeliveryActivities],
  billing: [createBillingActivities],
};

export function createActivities(deps: ActivityDeps) {
  const factories = [...runtimeActivities, ...Object.values(kindActivities).flat()];
  const activities: Record<string, (...args: any[]) => Promise<unknown>> = {};
  for (const create of factories) {
    for (const [name, fn] of Object.entries(create(deps))) {
      // Activities are registered by name: two kinds using one name would silently shadow each other.
      if (name in activities) throw new Error(`Two activities are named ${name}`);
      activities[name] = fn;
    }
  }
  return activities;
}
