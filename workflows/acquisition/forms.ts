// The acquisition journey's human-task forms (zod): the API validates completions with them, the
// workflow re-validates inside its update validator, and the admin UI builds its forms from them.
import { z } from 'zod';
import { longText, name } from '../runtime/form-fields';
import { optionalText } from '../runtime/storable-text';

const review = z.object({ decision: z.enum(['approve', 'revise']), notes: longText });

export const acquisitionTaskForms = {
  'follow-up-call': z
    .object({
      outcome: z.enum(['qualified', 'disqualified']),
      notes: longText,
      disqualifiedReason: optionalText(2000),
    })
    .refine((v) => v.outcome !== 'disqualified' || !!v.disqualifiedReason, {
      path: ['disqualifiedReason'],
      message: 'Required when the lead is disqualified',
    }),
  'discovery-meeting': z.object({
    notes: longText,
    requirements: longText,
    scope: longText,
    budget: longText,
    timeline: longText,
    decisionMakers: z.array(name).min(1, 'Name at least one decision maker').max(50),
    competition: optionalText(2000),
    urgency: z.enum(['low', 'medium', 'high']),
  }),
  // Seed 000 phase 3: sales builds the quote, the PM checks scope and estimates, finance prices it.
  'prepare-quote': z.object({
    summary: longText,
    currency: z.enum(['USD', 'EUR', 'GBP', 'CAD', 'AUD']),
    lineItems: z
      .array(
        z.object({
          description: longText,
          quantity: z.number().int().positive(),
          /** Price of one unit in minor units (cents). */
          unitPriceMinor: z.number().int().nonnegative().max(1_000_000_000),
        }),
      )
      .min(1, 'Add at least one line item')
      .max(100),
    depositPercent: z.number().int().min(0).max(100),
    validDays: z.number().int().min(1).max(90),
    /** When the rest is invoiced: as each milestone is accepted, or once at completion. */
    billing: z.enum(['MILESTONES', 'COMPLETION']).default('MILESTONES'),
  }),
  'review-estimates': review.extend({ estimatedHours: z.number().positive().max(100_000) }),
  'review-pricing': review.extend({ marginPercent: z.number().min(-100).max(100) }),
} as const;
