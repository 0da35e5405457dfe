// The part of JSON Schema that zod's z.toJSONSchema writes for task forms, read into the few kinds
// of field a form knows how to ask for. New task types need no UI change unless they bring a new kind.
import { humanize } from '../common/humanize';

export interface JsonSchema {
  type?: string | string[];
  enum?: (string | number)[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  title?: string;
  description?: string;
  /** `person`: a name chosen from the staff (or typed). */
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
}

type Common = { name: string; label: string; description?: string; required: boolean; schema: JsonSchema };

export type Field = Common &
  (
    | { kind: 'choice'; options: { id: string | number; name: string }[] }
    | { kind: 'text'; multiline: boolean }
    | { kind: 'person' }
    | { kind: 'number'; integer: boolean }
    | { kind: 'money' }
    | { kind: 'boolean' }
    | { kind: 'textList' }
    | { kind: 'objectList'; fields: Field[] }
    | { kind: 'object'; fields: Field[] }
    | { kind: 'unsupported' }
  );

// Free-text answers people write a few sentences in.
const LONG_TEXT = /notes|description|summary|requirements|scope|details|comments|feedback|message|body/i;

const MONEY = /Minor$/;

const typeOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);

/** A nullable field (anyOf [X, null]) is asked for as X. */
const unwrapNullable = (s: JsonSchema): JsonSchema => s.anyOf?.find((branch) => typeOf(branch) !== 'null') ?? s;

// "qualified" reads "Qualified", "MILESTONES" "Milestones"; three-letter codes such as "USD" stay as they are.
const optionLabel = (value: string | number) => (typeof value !== 'string' || /^[A-Z]{3}$/.test(value) ? String(value) : humanize(value));

export function formFields(schema: JsonSchema): Field[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => describeField(name, unwrapNullable(property), required.has(name)));
}

function describeField(name: string, schema: JsonSchema, required: boolean): Field {
  const common: Common = { name, label: schema.title ?? humanize(name), description: schema.description, required, schema };
  const type = typeOf(schema);
  if (schema.enum) return { ...common, kind: 'choice', options: schema.enum.map((id) => ({ id, name: optionLabel(id) })) };
  switch (type) {
    case 'string':
      if (schema.format === 'person') return { ...common, kind: 'person' };
      return { ...common, kind: 'text', multiline: LONG_TEXT.test(name) || (schema.maxLength ?? 0) > 200 };
    case 'number':
    case 'integer':
      // Money travels in integer minor units named `…Minor`; people type it in the currency.
      if (type === 'integer' && MONEY.test(name)) return { ...common, label: schema.title ?? humanize(name.replace(MONEY, '')), kind: 'money' };
      return { ...common, kind: 'number', integer: type === 'integer' };
    case 'boolean':
      return { ...common, kind: 'boolean' };
    case 'object':
      return { ...common, kind: 'object', fields: formFields(schema) };
    case 'array': {
      const items = unwrapNullable(schema.items ?? {});
      if (typeOf(items) === 'string' && !items.enum) return { ...common, kind: 'textList' };
      if (typeOf(items) === 'object') return { ...common, kind: 'objectList', fields: formFields(items) };
      return { ...common, kind: 'unsupported' };
    }
    default:
      return { ...common, kind: 'unsupported' };
  }
}

/** The values to send: empty inputs left out (react-admin empties them to null), at any depth. */
export function withoutEmptyValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmptyValues);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => [k, withoutEmptyValues(v)]),
  );
}
