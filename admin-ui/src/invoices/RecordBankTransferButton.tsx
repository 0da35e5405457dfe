// Finance records money that came by bank transfer: the amount (typed in the invoice's currency,
// the balance offered), the bank's reference and the day it arrived. The invoice's journey takes
// it as it takes a card payment: the ledger, the customer's receipt, and the next step when paid.
import BankIcon from '@mui/icons-material/AccountBalance';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { AmountField } from '../common/AmountField';
import { decimalsOf, formatMoney } from '../common/money';
import { useCommand } from '../common/useCommand';
import { apiFieldErrors } from '../dataProvider';
import { useT } from '../i18n/useT';
import type { Invoice } from '../types';
import { balanceOf } from './invoiceFields';

const today = () => new Date().toISOString().slice(0, 10);

export const RecordBankTransferButton = ({ invoice }: { invoice: Invoice }) => {
  const decimals = decimalsOf(invoice.currency);
  const balance = balanceOf(invoice);
  const fresh = () => ({ amount: (balance / 10 ** decimals).toFixed(decimals), reference: '', receivedOn: today() });
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(fresh);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { run, pending } = useCommand();
  const t = useT();
  const amountMinor = Math.round(Number(form.amount) * 10 ** decimals);
  const set = (change: Partial<ReturnType<typeof fresh>>) => setForm({ ...form, ...change });
  const show = () => {
    setForm(fresh());
    setErrors({});
    setOpen(true);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await run(
      (api) => api.recordBankTransfer(invoice.id, { amountMinor, reference: form.reference, receivedOn: form.receivedOn }),
      t('app.invoice.transfer_done', { amount: formatMoney(amountMinor, invoice.currency) }),
    );
    if (outcome.ok) setOpen(false);
    else setErrors(Object.fromEntries(apiFieldErrors(outcome.error).map((f) => [f.field, f.message])));
  };
  return (
    <>
      <Button startIcon={<BankIcon />} onClick={show}>
        {t('app.invoice.transfer')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <form onSubmit={submit} noValidate>
          <DialogTitle>{t('app.invoice.transfer_title', { number: invoice.number })}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>
              {t('app.invoice.transfer_intro', { balance: formatMoney(balance, invoice.currency) })}
            </DialogContentText>
            <Stack spacing={2}>
              <AmountField
                label={t('app.invoice.transfer_amount')}
                currency={invoice.currency}
                value={form.amount}
                onChange={(amount) => set({ amount })}
                error={errors.amountMinor}
                hint={form.amount !== '' && amountMinor > 0 ? formatMoney(amountMinor, invoice.currency) : ' '}
              />
              <TextField
                label={t('app.invoice.transfer_reference')}
                required
                autoFocus
                value={form.reference}
                onChange={(e) => set({ reference: e.target.value })}
                error={!!errors.reference}
                helperText={errors.reference ?? t('app.invoice.transfer_reference_hint')}
                slotProps={{ htmlInput: { maxLength: 100 } }}
              />
              <TextField
                label={t('app.invoice.transfer_received_on')}
                type="date"
                required
                value={form.receivedOn}
                onChange={(e) => set({ receivedOn: e.target.value })}
                error={!!errors.receivedOn}
                helperText={errors.receivedOn ?? ' '}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today() } }}
              />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{t('app.common.cancel')}</Button>
            <Button type="submit" variant="contained" disabled={pending || !form.reference.trim() || !(amountMinor > 0)}>
              {t('app.invoice.transfer_record')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};
