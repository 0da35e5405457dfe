// All activities, wired to their dependencies: the runtime's (journey records, email, customer
// decisions), the managers' weekly digest and each journey kind's, with the email templates each kind sends. The worker
// registers what this returns. Adding a kind: one line in `kindActivities`.
import type { Config } from '../platform/config';
import type { Db } from '../platform/db';
import type { JourneyKind } from '../workflows/kinds';
import { mergeRecords } from '../workflows/runtime/merge';
import { createContractActivities } from './acquisition/contracts';
import { acquisitionEmails } from './acquisition/emails';
import { createLeadActivities } from './acquisition/leads';
import { createQuoteActivities } from './acquisition/quotes';
import { billingEmails } from './billing/emails';
import { createBillingActivities } from './billing/invoices';
import { deliveryEmails } from './delivery/emails';
import { createDigestActivities } from './digest/digest';
import { digestEmails } from './digest/emails';
import { createDeliveryActivities } from './delivery/projects';
import { createCustomerDecisionActivities } from './runtime/customer-decisions';
import { createEmailActivities } from './runtime/email';
import { createAssignmentNotice } from './runtime/assignment-notice';
import { runtimeEmails, type Rendered } from './runtime/email-templates';
import { createJourneyRecordActivities } from './runtime/journey-records';
import { createRetentionActivities } from './retention/accounts';
import { retentionEmails } from './retention/emails';
import { createAdvocacyActivities } from './retention/advocacy';
import { createRenewalActivities } from './retention/renewals';
import { createReportActivities, reportEmails } from './retention/report';
import { supportEmails } from './support/emails';
import { createSupportActivities } from './support/tickets';

export type ActivityDeps = { db: Db; config: Config };
type Activities = Record<string, (...args: any[]) => Promise<unknown>>;
type KindActivities = { create: Array<(deps: ActivityDeps) => Activities>; emails: Record<string, (data: any) => Rendered> };

const kindActivities = {
  acquisition: { create: [createLeadActivities, createQuoteActivities, createContractActivities], emails: acquisitionEmails },
  delivery: { create: [createDeliveryActivities], emails: deliveryEmails },
  billing: { create: [createBillingActivities], emails: billingEmails },
  support: { create: [createSupportActivities], emails: supportEmails },
  retention: { create: [createRetentionActivities, createRenewalActivities, createAdvocacyActivities], emails: { ...retentionEmails, ...reportEmails } },
} satisfies Record<JourneyKind, KindActivities>;

type KindEmails = (typeof kindActivities)[JourneyKind]['emails'] | typeof runtimeEmails | typeof digestEmails;

/** Every email template, by name: what the mail activity renders. */
export const emailTemplates = mergeRecords<KindEmails>('email templates', [runtimeEmails, digestEmails, ...Object.values(kindActivities).map((k) => k.emails)]);
type Templates = typeof emailTemplates;
/** Each template's data, by template name. */
export type EmailTemplates = { [T in keyof Templates]: Parameters<Templates[T]>[0] };
export type EmailTemplate = keyof EmailTemplates & string;

export function createActivities(deps: ActivityDeps) {
  const email = createEmailActivities({ ...deps, templates: emailTemplates });
  const noticeAssignment = createAssignmentNotice({ ...deps, sendEmail: email.sendEmail });
  // The retention journey's review report sends its email itself, through the mail activity (as the assignment notice does).
  const reports = createReportActivities({ ...deps, sendEmail: email.sendEmail });
  const runtime = [createJourneyRecordActivities({ ...deps, noticeAssignment }), email, createCustomerDecisionActivities(deps), createDigestActivities(deps), reports];
  // Registered by name: two kinds using one name would silently shadow each other.
  return mergeRecords<Activities>('activities', [...runtime, ...Object.values(kindActivities).flatMap((k) => k.create.map((create) => create(deps)))]);
}
