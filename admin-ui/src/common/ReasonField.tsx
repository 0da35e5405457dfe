// Why a person changes something: a few words that go on the record's trail with the change.
import { TextField } from '@mui/material';

/** What the API asks of a required reason (journeys' and tasks' bulk actions, ticket triage). */
export const MIN_REASON = 3;

export const ReasonField = ({
  value,
  onChange,
  required,
  error,
  helperText,
  autoFocus,
}: {
  value: string;
  onChange: (reason: string) => void;
  required: boolean;
  error?: string;
  helperText: string;
  autoFocus?: boolean;
}) => (
  <TextField
    label={required ? 'Reason' : 'Reason (optional)'}
    name="reason"
    multiline
    minRows={2}
    fullWidth
    autoFocus={autoFocus}
    value={value}
    onChange={(e) => onChange(e.target.value)}
    error={!!error}
    helperText={error ?? helperText}
  />
);
