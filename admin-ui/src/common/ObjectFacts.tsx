import { Stack, Typography } from '@mui/material';
import { RecordField } from 'react-admin';
import { FactGrid, wide } from './FactGrid';
import { humanize } from './humanize';
import { formatMoney } from './money';
import { exactTime } from './RelativeTime';
import { translateNow } from '../i18n/i18nProvider';
import { statusLabel } from './StatusChip';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An enum's value (PLANNED, MILESTONES): read as words. Three-letter codes (USD) stay. */
const CODE = /^[A-Z][A-Z_]{3,}$/;
/** A record's or journey's id: for machines, not for the person doing the task. */
const isMachineId = (key: string, v: unknown) =>
  (key === 'id' || /Id$/.test(key)) && typeof v === 'string' && /^([0-9a-f]{8}-[0-9a-f-]{27}|journey:)/i.test(v);
/** Money kept in minor units (`amountMinor`), shown in the currency when the record (or one it is in) names it. */
const MINOR = /Minor$/;

/** A plain value as people read it: lists joined, yes/no, local dates, enum values as words. */
function text(v: unknown): string {
  if (Array.isArray(v)) return v.map(text).join(', ');
  if (typeof v === 'boolean') return translateNow(v ? 'ra.boolean.true' : 'ra.boolean.false');
  if (typeof v === 'string' && ISO_DATE.test(v)) return exactTime(v);
  if (typeof v === 'string' && CODE.test(v)) return statusLabel(v);
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

const Section = ({ label, value, currency }: { label: string; value: Json | Json[]; currency?: string }) => (
  <Stack spacing={1}>
    <Typography variant="subtitle2">{label}</Typography>
    {Array.isArray(value) ? (
      value.map((item, i) => (
        <Stack key={i} sx={{ pl: 2, borderLeft: 2, borderColor: 'divider' }}>
          <ObjectFacts value={isObject(item) ? item : { value: item }} currency={currency} />
        </Stack>
      ))
    ) : (
      <ObjectFacts value={value} currency={currency} />
    )}
  </Stack>
);

/**
 * Free-form JSON (a task's input or result) as labelled values: the shapes differ per task type
 * and grow with new journeys, so they are laid out from the data itself.
 */
export const ObjectFacts = ({ value, order = [], currency: inherited }: { value: Json; order?: string[]; currency?: string }) => {
  const rank = ranker(order);
  const currency = typeof value.currency === 'string' ? value.currency : inherited;
  // Amounts in the currency, under their name without "minor"; ids left out.
  const entries = Object.entries(value)
    .filter(([key, v]) => !isEmpty(v) && !isMachineId(key, v))
    .map(([key, v]): [string, unknown] => (MINOR.test(key) && typeof v === 'number' && currency ? [key.replace(MINOR, ''), formatMoney(v, currency)] : [key, v]));
  const plain = entries.filter(([, v]) => !isSection(v)).sort((a, b) => rank(a) - rank(b));
  const sections = entries.filter((e): e is [string, Json | Json[]] => isSection(e[1]));
  if (entries.length === 0) return <Typography color="text.secondary">{translateNow('app.common.nothing_recorded')}</Typography>;
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
        <Section key={key} label={humanize(key)} value={v} currency={currency} />
      ))}
    </Stack>
  );
};
