// Recording time worked: hours in quarter steps, the rate typed in the currency (the API takes
// minor units), what was done, and where it goes when there is a choice (a project's milestones).
// The form's key is chosen once, so a double click or a retry records one entry; the next entry
// after a success gets a new key.
import AddIcon from '@mui/icons-material/MoreTime';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState, type FormEvent, type ReactNode } from 'react';
import { v4 as uuidv4 } from 'uuid';
import { timeAmount } from '../../../workflows/billing/billing-math';
import { AmountField } from '../common/AmountField';
import { decimalsOf, formatMoney } from '../common/money';
import { useCommand } from '../common/useCommand';
import { apiFieldErrors, type AppDataProvider, type NewTimeEntry } from '../dataProvider';
import { useT } from '../i18n/useT';

const today = () => new Date().toISOString().slice(0, 10);

type Recorder = (api: AppDataProvider, entry: NewTimeEntry, key: string, target: string) => Promise<unknown>;
/** Where the time can go, when there is a choice: the field's label, its options, the one chosen at first. */
type Targets = { label: string; field: string; options: Array<{ id: string; name: string }>; initial?: string };

export const RecordTimeButton = ({ record, currency, intro, targets }: { record: Recorder; currency: string; intro: ReactNode; targets?: Targets }) => {
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(() => uuidv4());
  const [form, setForm] = useState({ date: today(), hours: '1', rate: '', description: '', target: targets?.initial ?? targets?.options[0]?.id ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { run, pending } = useCommand();
  const t = useT();
  const scale = 10 ** decimalsOf(currency);
  const hours = Number(form.hours);
  const rateMinor = Math.round(Number(form.rate) * scale);
  const amount = hours > 0 && rateMinor > 0 ? timeAmount(Math.round(hours * 60), rateMinor) : undefined;
  const set = (change: Partial<typeof form>) => setForm({ ...form, ...change });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const entry = { date: form.date, hours, rateMinor, description: form.description };
    const outcome = await run((api) => record(api, entry, key, form.target), t('app.time.recorded'));
    if (outcome.ok) {
      setOpen(false);
      setKey(uuidv4());
      setForm({ ...form, hours: '1', description: '' });
      setErrors({});
    } else {
      setErrors(Object.fromEntries(apiFieldErrors(outcome.error).map((f) => [f.field, f.message])));
    }
  };
  return (
    <>
      <Button startIcon={<AddIcon />} onClick={() => setOpen(true)}>
        {t('app.time.record')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <form onSubmit={submit} noValidate>
          <DialogTitle>{t('app.time.record')}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{intro}</DialogContentText>
            <Stack spacing={2}>
              {targets && (
                <TextField select label={targets.label} required value={form.target} onChange={(e) => set({ target: e.target.value })} error={!!errors[targets.field]} helperText={errors[targets.field]}>
                  {targets.options.map((o) => (
                    <MenuItem key={o.id} value={o.id}>
                      {o.name}
                    </MenuItem>
                  ))}
                </TextField>
              )}
              <TextField label={t('app.time.date')} type="date" required value={form.date} onChange={(e) => set({ date: e.target.value })} error={!!errors.date} helperText={errors.date} slotProps={{ inputLabel: { shrink: true } }} />
              <TextField
                label={t('app.time.hours')}
                type="number"
                required
                value={form.hours}
                onChange={(e) => set({ hours: e.target.value })}
                error={!!errors.hours}
                helperText={errors.hours ?? t('app.time.hours_hint')}
                slotProps={{ htmlInput: { step: 0.25, min: 0.25, max: 24 } }}
              />
              <AmountField label={t('app.time.rate_per_hour')} currency={currency} value={form.rate} onChange={(rate) => set({ rate })} error={errors.rateMinor} hint={amount !== undefined ? t('app.time.for_entry', { amount: formatMoney(amount, currency) }) : ' '} />
              <TextField label={t('app.time.what_was_done')} required multiline minRows={2} value={form.description} onChange={(e) => set({ description: e.target.value })} error={!!errors.description} helperText={errors.description} />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{t('app.common.cancel')}</Button>
            <Button type="submit" variant="contained" disabled={pending}>
              {t('app.time.record_it')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};
