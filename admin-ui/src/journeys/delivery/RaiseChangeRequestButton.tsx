// A PM (or manager) raises a change request on a running delivery: what changes, why, what it costs
// (typed in the project's currency; the API takes minor units) and how many days it adds. Finance
// reviews it, then the customer; an approved one makes a new quote version.
import AddIcon from '@mui/icons-material/PublishedWithChanges';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { AmountField } from '../../common/AmountField';
import { decimalsOf, formatMoney } from '../../common/money';
import { useCommand } from '../../common/useCommand';
import { apiFieldErrors } from '../../dataProvider';
import { useT } from '../../i18n/useT';

const EMPTY = { title: '', description: '', cost: '', days: '0' };

export const RaiseChangeRequestButton = ({ journeyId, currency }: { journeyId: string; currency: string }) => {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { run, pending } = useCommand();
  const t = useT();
  const scale = 10 ** decimalsOf(currency);
  const costMinor = Math.round(Number(form.cost) * scale);
  const set = (change: Partial<typeof form>) => setForm({ ...form, ...change });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const change = { title: form.title, description: form.description, costMinor, days: Number(form.days) };
    const outcome = await run((api) => api.raiseChangeRequest(journeyId, change), t('app.project.raised'));
    if (outcome.ok) {
      setOpen(false);
      setForm(EMPTY);
      setErrors({});
    } else {
      setErrors(Object.fromEntries(apiFieldErrors(outcome.error).map((f) => [f.field, f.message])));
    }
  };
  return (
    <>
      <Button startIcon={<AddIcon />} onClick={() => setOpen(true)}>
        {t('app.project.raise')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <form onSubmit={submit} noValidate>
          <DialogTitle>{t('app.project.raise')}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{t('app.project.raise_intro')}</DialogContentText>
            <Stack spacing={2}>
              <TextField label={t('app.project.what_changes')} required autoFocus value={form.title} onChange={(e) => set({ title: e.target.value })} error={!!errors.title} helperText={errors.title} />
              <TextField label={t('app.project.details')} required multiline minRows={3} value={form.description} onChange={(e) => set({ description: e.target.value })} error={!!errors.description} helperText={errors.description ?? t('app.project.details_hint')} />
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                <AmountField label={t('app.project.cost')} currency={currency} value={form.cost} onChange={(cost) => set({ cost })} error={errors.costMinor} hint={costMinor >= 0 && form.cost !== '' ? formatMoney(costMinor, currency) : ' '} />
                <TextField label={t('app.project.days_added')} type="number" required value={form.days} onChange={(e) => set({ days: e.target.value })} error={!!errors.days} helperText={errors.days ?? ' '} slotProps={{ htmlInput: { step: 1, min: 0, max: 365 } }} />
              </Stack>
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{t('app.common.cancel')}</Button>
            <Button type="submit" variant="contained" disabled={pending || !form.title.trim() || !form.description.trim() || form.cost === ''}>
              {t('app.project.raise_it')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};
