// Why a person changes something: a few words that go on the record's trail with the change.
import { TextField } from '@mui/material';
import { useT } from '../i18n/useT';

/** What the API asks of a required reason (journeys' and tasks' bulk actions, ticket triage). */
export const MIN_REASON = 3;

/** What to say when `value` is past `max` characters, if it is. */
export const tooLong = (value: string, max?: number) =>
  max !== undefined && value.trim().length > max ? `At most ${max} characters (${value.trim().length} now)` : undefined;

export const ReasonField = ({
  value,
  onChange,
  required,
  error,
  helperText,
  autoFocus,
  max,
}: {
  value: string;
  onChange: (reason: string) => void;
  required: boolean;
  error?: string;
  helperText: string;
  autoFocus?: boolean;
  /** The API's limit: past it the field says so (and the dialog does not send). */
  max?: number;
}) => {
  const t = useT();
  const long = tooLong(value, max) && t('app.common.too_long', { max, now: value.trim().length });
  return (
    <TextField
      label={required ? t('app.common.reason') : t('app.common.reason_optional')}
      name="reason"
      multiline
      minRows={2}
      fullWidth
      autoFocus={autoFocus}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={!!(error ?? long)}
      helperText={error ?? (long || helperText)}
    />
  );
};
