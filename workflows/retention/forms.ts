// The retention journey's human-task forms (zod): the onboarding checklist (seed 003 phase 4) and
// the check-in every cadence task records (sentiment, notes, issues, opportunities, referral), and
// the review of an account at risk, and a long-term contract's renewal.
// Opportunities become repeat business and the sentiment feeds the health score (health.ts).
import { z } from 'zod';
import { emailAddress, longText, name, said } from '../runtime/form-fields';
import { text } from '../runtime/storable-text';
import { SENTIMENTS } from './health';

/** One issue or opportunity, in a sentence or a paragraph. */
const item = text(2000);

export const retentionTaskForms = {
  'onboarding-checklist': z.object({
    /** Our operational contacts introduced to the client, and what the client calls each about. */
    operationalContacts: z
      .array(z.object({ name, contactFor: name }))
      .min(1, 'Introduce at least one operational contact')
      .max(20),
    /** The client's people, added to the client list for promotions and event invitations. */
    clientContacts: z.array(z.object({ name, email: emailAddress })).max(50),
    /** How the new client was thanked or recognised (a gift, a note, a mention). */
    recognition: longText,
    notes: said(5000),
  }),
  'check-in': z.object({
    /** Seed 003: by phone or email; a meeting for the reviews. */
    channel: z.enum(['call', 'email', 'meeting']),
    sentiment: z.enum(SENTIMENTS),
    notes: longText,
    issuesRaised: z.array(item).max(20),
    opportunitiesFound: z.array(item).max(20),
    referralAsked: z.boolean(),
    /** A review's report approved by the owner: it is emailed to the client. */
    sendReport: z.boolean().optional().meta({ title: 'Send the report to the client', description: "Reviews only: the report on this task, emailed to the client's contact" }),
  }),
  /** What the client decided about a long-term contract before its last day (renewals.ts). */
  'contract-renewal': z
    .object({
      outcome: z.enum(['renewed', 'not-renewed']),
      /** Renewed: for how many months from the day after its last day. */
      months: z.number().int().min(1).max(120).optional(),
      notes: said(5000),
    })
    .refine((r) => r.outcome !== 'renewed' || r.months !== undefined, { path: ['months'], message: 'For how many months is it renewed?' }),
  /** The owner's and the manager's answer to a health score below the threshold. */
  'at-risk-review': z.object({
    outlook: z.enum(['recovering', 'watch', 'likely-to-leave']),
    actions: longText,
  }),
} as const;

/**
 * What a client is asked at a moment that earns it (a promoter's NPS, a good review): will they
 * introduce us to someone (they get a referral link), and may we publish a few words of theirs.
 * Their words are kept only with the name they give to publish them under: that is their consent.
 */
export const retentionDecisionForms = {
  advocacy: z
    .strictObject({
      decision: z.enum(['glad-to', 'not-now']),
      testimonial: said(2000).describe('A few words about working with us that we may publish (optional)'),
      publishAs: said(200).describe('The name and role to publish them under, such as "Anne Dodsworth, COO, Northwind"'),
    })
    .refine((a) => !a.testimonial || !!a.publishAs, { path: ['publishAs'], message: 'Tell us the name to publish your words under, or leave them out' }),
} as const;
