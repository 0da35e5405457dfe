// An amount typed in a currency (not in minor units): the currency's code before it, steps of its
// smallest unit (none for JPY), the API's error or a hint under it.
import { InputAdornment, TextField } from '@mui/material';
import { decimalsOf } from './money';

export const AmountField = ({ label, currency, value, onChange, error, hint }: { label: string; currency: string; value: string; onChange: (typed: string) => void; error?: string; hint: string }) => (
  <TextField
    label={label}
    type="number"
    required
    value={value}
    onChange={(e) => onChange(e.target.value)}
    error={!!error}
    helperText={error ?? hint}
    slotProps={{ htmlInput: { step: 1 / 10 ** decimalsOf(currency), min: 0 }, input: { startAdornment: <InputAdornment position="start">{currency}</InputAdornment> } }}
  />
);
