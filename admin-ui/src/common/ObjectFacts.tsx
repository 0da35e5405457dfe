import { Stack, Typography } from '@mui/material';
import { RecordField } from 'react-admin';
import { FactGrid, wide } from './FactGrid';

const humanize = (key: string) => {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const text = (v: unknown): string =>
  Array.isArray(v) ? v.map(text).join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Shows free-form JSON (a task's input or result) as labelled values, each nested object as its
 * own titled section: the shapes differ per task type and grow with new journeys.
 */
export const ObjectFacts = ({ value }: { value: Record<string, unknown> }) => {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== '');
  const plain = entries.filter(([, v]) => !isObject(v));
  const nested = entries.filter((e): e is [string, Record<string, unknown>] => isObject(e[1]));
  return (
    <Stack spacing={2}>
      {plain.length > 0 && (
        <FactGrid>
          {plain.map(([key, v]) => (
            <RecordField key={key} label={humanize(key)} sx={text(v).length > 60 ? wide : undefined}>
              {text(v)}
            </RecordField>
          ))}
        </FactGrid>
      )}
      {nested.map(([key, v]) => (
        <Stack key={key} spacing={1}>
          <Typography variant="subtitle2">{humanize(key)}</Typography>
          <ObjectFacts value={v} />
        </Stack>
      ))}
    </Stack>
  );
};
