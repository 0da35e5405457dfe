// Client-side checks read from the schema, so people learn of a missing answer before a round trip.
// The server validates again and has the last word (cross-field rules are only there).
import { maxLength, maxValue, minLength, minValue, required, type Validator } from 'react-admin';
import type { Field } from './jsonSchema';

// Messages are catalogue keys: react-admin translates a validator's message where it shows it.
const above = (limit: number): Validator => (value) => (typeof value === 'number' && value <= limit ? { message: 'app.form.more_than', args: { limit } } : undefined);
const below = (limit: number): Validator => (value) => (typeof value === 'number' && value >= limit ? { message: 'app.form.less_than', args: { limit } } : undefined);
const wholeNumber: Validator = (value) => (typeof value === 'number' && !Number.isInteger(value) ? 'app.form.whole_number' : undefined);

// Number.MAX_SAFE_INTEGER is how zod writes "no upper bound" for integers: not worth saying.
const meaningful = (n: number | undefined): n is number => n !== undefined && Math.abs(n) < Number.MAX_SAFE_INTEGER;

export function validatorsFor(field: Field): Validator[] {
  const s = field.schema;
  const rules: Validator[] = [];
  if (field.required) rules.push(required(field.kind === 'textList' || field.kind === 'objectList' ? 'app.form.add_one' : undefined));
  if (field.kind === 'text') {
    if ((s.minLength ?? 0) > 1) rules.push(minLength(s.minLength!));
    if (s.maxLength !== undefined) rules.push(maxLength(s.maxLength));
  }
  if (field.kind === 'money') {
    // On the minor units the input stores; said in the words of the amount typed.
    if (meaningful(s.minimum) && s.minimum >= 0) rules.push(minValue(s.minimum, s.minimum === 0 ? 'app.form.not_negative' : undefined));
  }
  if (field.kind === 'number') {
    if (field.integer) rules.push(wholeNumber);
    if (meaningful(s.minimum)) rules.push(minValue(s.minimum));
    if (meaningful(s.maximum)) rules.push(maxValue(s.maximum));
    if (meaningful(s.exclusiveMinimum)) rules.push(above(s.exclusiveMinimum));
    if (meaningful(s.exclusiveMaximum)) rules.push(below(s.exclusiveMaximum));
  }
  return rules;
}
