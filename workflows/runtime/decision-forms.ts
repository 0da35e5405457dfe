// What a customer can answer when a journey asks them to decide something, as zod forms (like
// task forms): the runtime's own, which any kind may ask, and those each kind declares
// (workflows/kinds.ts `decisionForms`). The workflow validates an answer inside its Update
// validator; the customer page is generated from the form's JSON Schema and validates with it too.
import { z } from 'zod';
import { journeyKinds } from '../kinds';
import { mergeRecords } from './merge';
import { said } from './form-fields';
import { text } from './storable-text';
import type { FieldError } from './task-forms';

export const runtimeDecisionForms = {
  'accept-or-change': z
    .strictObject({ decision: z.enum(['accept', 'request-changes']), comments: said(5000).describe('Needed to ask for changes') })
    .refine((a) => a.decision === 'accept' || !!a.comments, { path: ['comments'], message: 'Tell us what to change' }),
  'approve-or-decline': z
    .strictObject({ decision: z.enum(['approve', 'decline']), reasons: said(5000).describe('Needed to decline') })
    .refine((a) => a.decision === 'approve' || !!a.reasons, { path: ['reasons'], message: 'Tell us why not' }),
  rating: z.strictObject({ rating: z.number().int().min(1).max(5).describe('1 is poor, 5 is excellent'), comment: said(2000) }),
  nps: z.strictObject({
    score: z.number().int().min(0).max(10).describe('How likely are you to recommend us to a friend or colleague? 0 is not at all, 10 is extremely'),
    comment: said(2000),
  }),
  /** One of the options the journey offers when it asks (`options`), which the answer must name. */
  choice: z.strictObject({ choice: text(200), comment: said(2000) }),
} as const;

type KindForms = (typeof journeyKinds)[keyof typeof journeyKinds]['decisionForms'];

export const decisionForms = mergeRecords<typeof runtimeDecisionForms | KindForms>('decision forms', [
  runtimeDecisionForms,
  ...Object.values(journeyKinds).map((k) => k.decisionForms),
]);
type AllForms = typeof decisionForms;

export type DecisionForm = keyof AllForms & string;
/** What the customer answered, as the form parses it. */
export type DecisionAnswer<F extends DecisionForm> = z.output<AllForms[F]>;
/** Forms whose answer has a `choice`: the decision offers the options it is chosen from. */
export type OptionForm = { [F in DecisionForm]: 'choice' extends keyof DecisionAnswer<F> ? F : never }[DecisionForm];

export function isDecisionForm(form: string): form is DecisionForm {
  return Object.prototype.hasOwnProperty.call(decisionForms, form);
}

/** The form a decision's answer must satisfy: its `choice`, if it has one, among the decision's options. */
export function answerSchema(form: DecisionForm, options?: readonly string[] | null): z.ZodType {
  const schema = decisionForms[form];
  return options?.length && 'choice' in schema.shape ? schema.extend({ choice: z.enum(options as [string, ...string[]]) }) : schema;
}

/** Validates an answer; returns the parsed value or the errors per field (under `prefix`). */
export function validateDecisionAnswer(
  form: DecisionForm,
  options: readonly string[] | null | undefined,
  answer: unknown,
  prefix: string[] = [],
): { ok: true; value: Record<string, unknown> } | { ok: false; errors: FieldError[] } {
  const parsed = answerSchema(form, options).safeParse(answer);
  if (parsed.success) return { ok: true, value: parsed.data as Record<string, unknown> };
  return {
    ok: false,
    errors: parsed.error.issues.flatMap((i) =>
      i.code === 'unrecognized_keys'
        ? i.keys.map((k) => ({ field: [...prefix, ...i.path.map(String), k].join('.'), message: 'Unknown field' }))
        : [{ field: [...prefix, ...i.path.map(String)].join('.') || '(answer)', message: i.message }],
    ),
  };
}
