// The form of each human-task type, as zod schemas: the API validates submissions with them and
// the workflow re-validates inside its update validator (the admin UI's forms mirror them).
import { z } from 'zod';
import { optionalText, text as storableText } from './storable-text';

/** What a person writes (notes, scope, a plan); bounded, since it is stored and kept in history. */
const text = storableText(5000);
/** A name or a role. */
const name = storableText(200);
const review = z.object({
  decision: z.enum(['approve', 'revise']),
  notes: text,
});

export const taskForms = {
  'follow-up-call': z
    .object({
      outcome: z.enum(['qualified', 'disqualified']),
      notes: text,
      disqualifiedReason: optionalText(2000),
    })
    .refine((v) => v.outcome !== 'disqualified' || !!v.disqualifiedReason, {
      path: ['disqualifiedReason'],
      message: 'Required when the lead is disqualified',
    }),
  'discovery-meeting': z.object({
    notes: text,
    requirements: text,
    scope: text,
    budget: text,
    timeline: text,
    decisionMakers: z.array(name).min(1, 'Name at least one decision maker').max(50),
    competition: optionalText(2000),
    urgency: z.enum(['low', 'medium', 'high']),
  }),
  // Seed 000 phase 3: sales builds the quote, the PM checks scope and estimates, finance prices it.
  'prepare-quote': z.object({
    summary: text,
    currency: z.enum(['USD', 'EUR', 'GBP', 'CAD', 'AUD']),
    lineItems: z
      .array(
        z.object({
          description: text,
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
  // Seed 000 journey 2 / seed 004: the project team, kickoff and plan, milestone deliveries,
  // finance's view of a change request, and answers to what the customer sent back.
  'assign-team': z.object({
    projectManager: name,
    team: z.array(z.object({ name, role: name })).min(1, 'Name at least one team member').max(50),
  }),
  'kickoff-meeting': z.object({
    notes: text,
    /** The plan the customer is asked to confirm. */
    plan: text,
  }),
  'submit-milestone': z.object({ summary: text, deliverables: text }),
  'review-change-request': z.object({ decision: z.enum(['approve', 'reject']), notes: text }),
  'address-feedback': z.object({ notes: text }),
  // A payment after its invoice was settled (or its journey ended): refunded at the provider, or kept.
  'review-late-payment': z.object({ outcome: z.enum(['refunded', 'kept']), notes: text }),
} as const;

export type TaskType = keyof typeof taskForms;
export type TaskResult<T extends TaskType> = z.infer<(typeof taskForms)[T]>;

export function isTaskType(type: string): type is TaskType {
  return Object.prototype.hasOwnProperty.call(taskForms, type);
}

export type FieldError = { field: string; message: string };

/** Validates a task result; returns the parsed value or the errors per field. */
export function validateTaskResult<T extends TaskType>(
  type: T,
  result: unknown,
): { ok: true; value: TaskResult<T> } | { ok: false; errors: FieldError[] } {
  const parsed = taskForms[type].safeParse(result);
  if (parsed.success) return { ok: true, value: parsed.data as TaskResult<T> };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => ({ field: ['result', ...i.path].join('.'), message: i.message })),
  };
}
