// Finance (and managers) take an amount off what the customer owes, with a reason: a credit note.
// The amount is typed in the invoice's currency with its decimals (none for JPY) and starts empty,
// beside the balance due; the API refuses more than that. The request's Idempotency-Key is chosen
// when the dialog opens, so a double click, or a retry after a lost answer, issues one note.
import CreditIcon from '@mui/icons-material/Discount';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { AmountField } from '../common/AmountField';
import { decimalsOf, formatMoney } from '../common/money';
import { MIN_REASON, ReasonField, tooLong } from '../common/ReasonField';
import { useCommand } from '../common/useCommand';
import { apiFieldErrors } from '../dataProvider';
import { useTNodes } from '../i18n/interpolate';
import { useT } from '../i18n/useT';
import type { Invoice } from '../types';
import { balanceOf } from './invoiceFields';

/** The API's limit on a credit note's reason. */
const REASON_MAX = 500;

export const IssueCreditNoteButton = ({ invoice }: { invoice: Invoice }) => {
  const scale = 10 ** decimalsOf(invoice.currency);
  const due = balanceOf(invoice);
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [key, setKey] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { run, pending } = useCommand();
  const t = useT();
  const tx = useTNodes();
  const amountMinor = Math.round(Number(amount) * scale);
  const typed = amount !== '' && Number.isFinite(amountMinor) && amountMinor > 0;
  const ready = typed && reason.trim().length >= MIN_REASON && !tooLong(reason, REASON_MAX);

  const begin = () => {
    setAmount('');
    setReason('');
    setErrors({});
    setKey(crypto.randomUUID());
    setOpen(true);
  };
  const issue = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await run(
      (api) => api.issueCreditNote(invoice.id, { amountMinor, reason: reason.trim() }, key),
      t('app.invoice.credit_done', { amount: formatMoney(amountMinor, invoice.currency) }),
    );
    if (outcome.ok) setOpen(false);
    else setErrors(Object.fromEntries(apiFieldErrors(outcome.error).map((f) => [f.field, f.message])));
  };
  const hint = typed
    ? t('app.invoice.credit_hint', { amount: formatMoney(amountMinor, invoice.currency), left: formatMoney(Math.max(due - amountMinor, 0), invoice.currency) })
    : t('app.invoice.credit_at_most', { amount: formatMoney(due, invoice.currency) });

  return (
    <>
      <Button startIcon={<CreditIcon />} onClick={begin}>
        {t('app.invoice.credit')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="credit-note-title">
        <form onSubmit={issue} noValidate>
          <DialogTitle id="credit-note-title">{t('app.invoice.credit_title', { number: invoice.number })}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>
              {tx('app.invoice.credit_intro', { due: <strong>{formatMoney(due, invoice.currency)}</strong> })}
            </DialogContentText>
            <Stack spacing={2}>
              <AmountField label={t('app.invoice.credit_amount')} currency={invoice.currency} value={amount} onChange={setAmount} error={errors.amountMinor} hint={hint} />
              <ReasonField value={reason} onChange={setReason} required max={REASON_MAX} error={errors.reason} helperText={t('app.invoice.credit_reason_hint')} />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{t('app.common.cancel')}</Button>
            <Button type="submit" variant="contained" disabled={pending || !ready}>
              {t('app.invoice.credit_issue')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};
