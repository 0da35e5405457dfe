import { Stack, Typography } from '@mui/material';
import { RecordField } from 'react-admin';
import { FactGrid, wide } from './FactGrid';
import { humanize } from './humanize';
import { exactTime } from './RelativeTime';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A plain value as people read it: lists joined, yes/no, local dates. */
function text(v: unknown): string {
  if (Array.isArray(v)) return v.map(text).join(', ');
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'string' && ISO_DATE.test(v)) return exactTime(v);
  return String(v);
}

/** Email addresses as mail links, so the person can write straight away. */
const Value = ({ value }: { value: unknown }) =>
  typeof value === 'string' && EMAIL.test(value) ? <a href={`mailto:${value}`}>{value}</a> : <>{text(value)}</>;

// Stored JSON comes back with its keys in no useful order: a known order (a form's) first, else
// names first and long texts last.
const ranker = (order: string[]) => ([key, v]: [string, unknown]) =>
  order.includes(key) ? order.indexOf(key) - order.length : /name$/i.test(key) ? 0 : text(v).length > 60 ? 2 : 1;

// Objects, and lists of objects, get sections of their own rather than a cell of JSON.
const isSection = (v: unknown): v is Json | Json[] => isObject(v) || (Array.isArray(v) && v.some(isObject));

const Section = ({ label, value }: { label: string; value: Json | Json[] }) => (
  <Stack spacing={1}>
    <Typography variant="subtitle2">{label}</Typography>
    {Array.isArray(value) ? (
      value.map((item, i) => (
        <Stack key={i} sx={{ pl: 2, borderLeft: 2, borderColor: 'divider' }}>
          <ObjectFacts value={isObject(item) ? item : { value: item }} />
        </Stack>
      ))
    ) : (
      <ObjectFacts value={value} />
    )}
  </Stack>
);

/**
 * Free-form JSON (a task's input or result) as labelled values: the shapes differ per task type
 * and grow with new journeys, so they are laid out from the data itself.
 */
export const ObjectFacts = ({ value, order = [] }: { value: Json; order?: string[] }) => {
  const rank = ranker(order);
  const entries = Object.entries(value).filter(([, v]) => !isEmpty(v));
  const plain = entries.filter(([, v]) => !isSection(v)).sort((a, b) => rank(a) - rank(b));
  const sections = entries.filter((e): e is [string, Json | Json[]] => isSection(e[1]));
  if (entries.length === 0) return <Typography color="text.secondary">Nothing recorded.</Typography>;
  return (
    <Stack spacing={2}>
      {plain.length > 0 && (
        <FactGrid>
          {plain.map(([key, v]) => (
            <RecordField key={key} label={humanize(key)} sx={text(v).length > 60 ? wide : undefined}>
              <Value value={v} />
            </RecordField>
          ))}
        </FactGrid>
      )}
      {sections.map(([key, v]) => (
        <Section key={key} label={humanize(key)} value={v} />
      ))}
    </Stack>
  );
};
