// The journey kinds, declared once. Pure data and zod schemas, so the workflow sandbox, the worker,
// the API and the admin UI can all read it. Each runtime adds what only it has in a registry of
// its own (activities/registry.ts, api/registry.ts, admin-ui/src/journeys/registry.ts).
// Adding a kind: one line here, and one in each of those.
import { acquisitionTaskForms } from './acquisition/forms';
import { acquisitionStages } from './acquisition/stages';
import { billingTaskForms } from './billing/forms';
import { billingStages } from './billing/stages';
import { deliveryTaskForms } from './delivery/forms';
import { deliveryStages } from './delivery/stages';
import type { StageMap } from './runtime/stages';
import type { z } from 'zod';

export type KindDeclaration = {
  title: string;
  /** What one journey of the kind is, in a sentence. */
  description: string;
  /** The workflow types that run journeys of this kind (as the worker registers them). */
  workflowTypes: readonly string[];
  stages: StageMap;
  /** Human-task type → the zod form its result must satisfy. */
  taskForms: Record<string, z.ZodType>;
};

export const journeyKinds = {
  acquisition: {
    title: 'Acquisition',
    description: 'From the contact form to a signed contract and paid deposit: a lead becomes a client, or is lost with a reason.',
    workflowTypes: ['acquisitionJourney'],
    stages: acquisitionStages,
    taskForms: acquisitionTaskForms,
  },
  delivery: {
    title: 'Delivery',
    description: 'A won project from kickoff to sign-off: the plan, milestones reviewed by the customer, change requests, closure when paid.',
    workflowTypes: ['deliveryJourney'],
    stages: deliveryStages,
    taskForms: deliveryTaskForms,
  },
  billing: {
    title: 'Billing',
    description: 'One invoice from issue to paid, with reminders and the late fee; or a payment that came after its invoice was settled.',
    workflowTypes: ['billingJourney', 'latePaymentJourney'],
    stages: billingStages,
    taskForms: billingTaskForms,
  },
} as const satisfies Record<string, KindDeclaration>;

export type JourneyKind = keyof typeof journeyKinds;
export const JOURNEY_KINDS = Object.keys(journeyKinds) as [JourneyKind, ...JourneyKind[]];

export function isJourneyKind(kind: string): kind is JourneyKind {
  return Object.prototype.hasOwnProperty.call(journeyKinds, kind);
}
