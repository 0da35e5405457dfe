// The new due date of a task, picked as a date and time in the person's own time zone (the API
// takes it as an instant). Offered: the next working day at 17:00, which is what most moves are.
import { TextField } from '@mui/material';
import type { MessageKey } from '../i18n/en';
import { useT } from '../i18n/useT';

/** `YYYY-MM-DDTHH:mm` in local time, as a datetime-local input reads and writes it. */
const localInput = (d: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** The next working day (Monday to Friday) at 17:00, local time. */
export function nextWorkingDayAt5(now = new Date()): string {
  const d = new Date(now);
  d.setHours(17, 0, 0, 0);
  do d.setDate(d.getDate() + 1);
  while (d.getDay() === 0 || d.getDay() === 6);
  return localInput(d);
}

/** Why `value` cannot be sent (a catalogue key), or undefined: the API wants a time ahead, within two years. */
export function dueDateProblem(value: string, now = new Date()): MessageKey | undefined {
  const at = new Date(value);
  if (!value || Number.isNaN(at.getTime())) return 'app.due.pick';
  if (at <= now) return 'app.due.in_future';
  if (at.getTime() > now.getTime() + 2 * 365 * 24 * 60 * 60 * 1000) return 'app.due.within_two_years';
  return undefined;
}

/** The instant the API takes, from the local `YYYY-MM-DDTHH:mm`. */
export const dueInstant = (value: string) => new Date(value).toISOString();

export const DueDateField = ({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) => {
  const t = useT();
  const problem = value ? dueDateProblem(value) : undefined;
  return (
    <TextField
      label={t('app.due.field')}
      type="datetime-local"
      required
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={!!(error ?? problem)}
      helperText={error ?? (problem ? t(problem) : t('app.due.field_hint'))}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: localInput(new Date()), step: 60 } }}
    />
  );
};
