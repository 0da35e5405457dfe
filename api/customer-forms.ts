// Customer pages' forms generated from a zod form's JSON Schema (z.toJSONSchema), the way the
// admin UI builds task forms: a `decision` enum is the form's buttons; other enums, and numbers
// on a short scale, are radio choices in a fieldset; other numbers are number inputs; strings are
// textareas. The verdict's buttons look like what they do (the yes, the no in red, anything else
// plain). Shown again after a refusal, the form keeps what was typed and says beside each field
// what is wrong with it. And a submitted HTML form read back with the schema's types (a form sends
// text only).
import { z } from 'zod';
import { humanize } from '../platform/humanize';
import { escape } from './customer-pages';

type Property = {
  type?: string;
  enum?: Array<string | number>;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  title?: string;
  description?: string;
};
export type ObjectSchema = { properties?: Record<string, Property>; required?: string[] };

/** The JSON Schema of a form as a customer fills it in (its input, before transforms). */
export const jsonSchemaOf = (form: z.ZodType) => z.toJSONSchema(form, { io: 'input' }) as ObjectSchema & Record<string, unknown>;

/** The field whose values are the form's buttons: the customer's verdict. */
const VERDICT = 'decision';
/** A number range this short reads as a scale of choices (an NPS score's 0-10 is the longest). */
const MAX_SCALE = 11;

// Codes ("request-changes") read as words; an option a journey wrote out ("Tuesday 10:00") stays as written.
const optionLabel = (value: string | number) => (typeof value === 'string' && /^[a-z]/.test(value) ? humanize(value) : String(value));

const isScale = (p: Property) =>
  (p.type === 'integer' || p.type === 'number') && p.minimum !== undefined && p.maximum !== undefined && p.maximum - p.minimum < MAX_SCALE;

/** Verdicts that say yes, and those that say no (the no asks to be confirmed: see customer-decisions). */
const YES = new Set(['approve', 'accept', 'sign']);
export const NO = new Set(['decline', 'reject']);
const verdictClass = (v: string | number) => (YES.has(String(v)) ? 'yes' : NO.has(String(v)) ? 'no' : 'other');

/** What the customer typed, and what was wrong with it, when the form is shown again after a refusal. */
export type FormFill = { values: Record<string, unknown>; errors: Array<{ field: string; message: string }> };

export const fieldLabel = (schema: ObjectSchema, name: string) => schema.properties?.[name]?.title ?? humanize(name);

/**
 * The errors at the top of a form shown again (each a link to its field), for a screen reader to
 * announce and a person to scan; each is also said beside its field.
 */
export function errorSummary(errors: FormFill['errors'], label: (field: string) => string): string {
  if (errors.length === 0) return '';
  const items = errors.map((e) => `<li><a href="#field-${escape(e.field)}">${escape(label(e.field))}</a>: ${escape(e.message)}</li>`).join('');
  return `<div class="errors" role="alert"><p><strong>Please check what is marked below.</strong></p><ul>${items}</ul></div>`;
}

/** The HTML of a form asking for `schema`'s fields; throws for a field it cannot ask for (a form no customer page could show). */
export function formHtml(schema: ObjectSchema, fill: FormFill = { values: {}, errors: [] }): string {
  const required = new Set(schema.required ?? []);
  const fields: string[] = [];
  let verdict: Property | undefined;
  const errorOf = (name: string) => fill.errors.find((e) => e.field === name)?.message;
  for (const [name, p] of Object.entries(schema.properties ?? {})) {
    if (name === VERDICT && p.enum) {
      verdict = p;
      continue;
    }
    const id = `field-${name}`;
    const label = escape(fieldLabel(schema, name));
    const error = errorOf(name);
    const hint = `${p.description ? `<p class="note" id="${id}-hint">${escape(p.description)}</p>` : ''}${error ? `<p class="error" id="${id}-error">${escape(error)}</p>` : ''}`;
    const ids = [p.description && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
    const described = `${ids ? ` aria-describedby="${ids}"` : ''}${error ? ' aria-invalid="true"' : ''}`;
    const must = required.has(name) ? ' required' : '';
    const typed = fill.values[name] === undefined ? undefined : String(fill.values[name]);
    const values = p.enum ?? (isScale(p) ? Array.from({ length: p.maximum! - p.minimum! + 1 }, (_, i) => p.minimum! + i) : undefined);
    if (values) {
      const choices = values
        .map((v) => `<label class="choice"><input type="radio" name="${escape(name)}" value="${escape(String(v))}"${must}${typed === String(v) ? ' checked' : ''}> ${escape(optionLabel(v))}</label>`)
        .join('');
      fields.push(`<fieldset id="${id}"${described}><legend>${label}</legend>${hint}${choices}</fieldset>`);
    } else if (p.type === 'integer' || p.type === 'number') {
      const bounds = `${p.minimum === undefined ? '' : ` min="${p.minimum}"`}${p.maximum === undefined ? '' : ` max="${p.maximum}"`}`;
      const value = typed === undefined ? '' : ` value="${escape(typed)}"`;
      fields.push(`<label for="${id}">${label}</label>${hint}<input type="number" id="${id}" name="${escape(name)}"${bounds}${p.type === 'integer' ? ' step="1"' : ''}${value}${must}${described}>`);
    } else if (p.type === 'string') {
      const max = p.maxLength === undefined ? '' : ` maxlength="${p.maxLength}"`;
      fields.push(`<label for="${id}">${label}</label>${hint}<textarea id="${id}" name="${escape(name)}"${max}${must}${described}>${escape(typed ?? '')}</textarea>`);
    } else {
      throw new Error(`A customer page cannot ask for ${name} (${p.type ?? 'no type'})`);
    }
  }
  const buttons = verdict
    ? `<fieldset><legend>Your answer</legend>${verdict.enum!.map((v) => `<button class="${verdictClass(v)}" name="${VERDICT}" value="${escape(String(v))}">${escape(optionLabel(v))}</button>`).join('')}</fieldset>`
    : '<button class="yes">Send</button>';
  const label = (field: string) => fieldLabel(schema, field);
  return `${errorSummary(fill.errors, label)}<form method="post">${fields.join('')}${buttons}</form>`;
}

/**
 * A submitted HTML form as the schema's types: numbers from their text (anything else is left for
 * the form to refuse), and empty fields left out, as a form cannot send "nothing". JSON is taken as sent.
 */
export function fromHtmlForm(schema: ObjectSchema, body: Record<string, unknown>): Record<string, unknown> {
  const typed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (value === '') continue;
    const type = schema.properties?.[name]?.type;
    typed[name] = (type === 'integer' || type === 'number') && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  return typed;
}
