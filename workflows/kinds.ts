// The journey kinds, declared once. Pure data and zod schemas, so the workflow sandbox, the worker,
// the API and the admin UI can all read it. Each runtime adds what only it has in a registry of
// its own (activities/registry.ts, api/registry.ts, admin-ui/src/journeys/registry.ts).
// Adding a kind: one line here, and one in each of those.
import { acquisitionDecisionForms, acquisitionTaskForms } from './acquisition/forms';
import { acquisitionStages } from './acquisition/stages';
import { billingTaskForms } from './billing/forms';
import { billingStages } from './billing/stages';
import { deliveryTaskForms } from './delivery/forms';
import { deliveryStages } from './delivery/stages';
import { retentionDecisionForms, retentionTaskForms } from './retention/forms';
import { retentionStages } from './retention/stages';
import type { StageMap } from './runtime/stages';
import { supportTaskForms } from './support/forms';
import { supportStages } from './support/stages';
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
  /** Customer-decision form → its zod object (besides the runtime's own, workflows/runtime/decision-forms.ts). */
  decisionForms: Record<string, z.ZodObject>;
  /** What the customer links this kind emails may be used for (each signed for one purpose). */
  linkPurposes: readonly string[];
};

export const journeyKinds = {
  acquisition: {
    title: 'Acquisition',
    description: 'From the contact form to a signed contract and paid deposit: a lead becomes a client, or is lost with a reason.',
    workflowTypes: ['acquisitionJourney'],
    stages: acquisitionStages,
    taskForms: acquisitionTaskForms,
    decisionForms: acquisitionDecisionForms,
    linkPurposes: ['quote-review', 'contract-signature', 'deposit-payment'],
  },
  delivery: {
    title: 'Delivery',
    description: 'A won project from kickoff to sign-off: the plan, milestones reviewed by the customer, change requests, closure when paid.',
    workflowTypes: ['deliveryJourney'],
    stages: deliveryStages,
    taskForms: deliveryTaskForms,
    decisionForms: {},
    linkPurposes: [],
  },
  billing: {
    title: 'Billing',
    description: 'One invoice from issue to paid, with reminders and the late fee; or a payment that came after its invoice was settled.',
    workflowTypes: ['billingJourney', 'latePaymentJourney'],
    stages: billingStages,
    taskForms: billingTaskForms,
    decisionForms: {},
    linkPurposes: ['invoice-payment'],
  },
  support: {
    title: 'Support',
    description: 'One support ticket from raised to closed and rated: replies both ways, SLA clocks on business hours, escalation, automatic closing.',
    workflowTypes: ['supportJourney'],
    stages: supportStages,
    taskForms: supportTaskForms,
    decisionForms: {},
    linkPurposes: ['support-ticket', 'support-help'],
  },
  retention: {
    title: 'Retention',
    description: 'A client with customer success for as long as they stay: onboarding, check-ins that follow their phase for years, health, the annual survey; ends when they leave.',
    workflowTypes: ['retentionJourney'],
    stages: retentionStages,
    taskForms: retentionTaskForms,
    decisionForms: retentionDecisionForms,
    linkPurposes: ['account-report'],
  },
} as const satisfies Record<string, KindDeclaration>;

export type JourneyKind = keyof typeof journeyKinds;
export const JOURNEY_KINDS = Object.keys(journeyKinds) as [JourneyKind, ...JourneyKind[]];

/** Customer-link purposes: the runtime's (customer decisions, which any kind asks) and every kind's. */
export const LINK_PURPOSES = ['customer-decision', ...Object.values(journeyKinds).flatMap((k) => k.linkPurposes)] as [
  'customer-decision',
  ...(typeof journeyKinds)[JourneyKind]['linkPurposes'][number][],
];

export function isJourneyKind(kind: string): kind is JourneyKind {
  return Object.prototype.hasOwnProperty.call(journeyKinds, kind);
}
