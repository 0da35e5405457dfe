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
      `Credit note for ${formatMoney(amountMinor, invoice.currency)} issued: the customer is told by email`,
    );
    if (outcome.ok) setOpen(false);
    else setErrors(Object.fromEntries(apiFieldErrors(outcome.error).map((f) => [f.field, f.message])));
  };
  const hint = typed ? `${formatMoney(amountMinor, invoice.currency)} off; ${formatMoney(Math.max(due - amountMinor, 0), invoice.currency)} left to pay` : `At most ${formatMoney(due, invoice.currency)}`;

  return (
    <>
      <Button startIcon={<CreditIcon />} onClick={begin}>
        Issue a credit note
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="credit-note-title">
        <form onSubmit={issue} noValidate>
          <DialogTitle id="credit-note-title">Issue a credit note on {invoice.number}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>
              Balance due: <strong>{formatMoney(due, invoice.currency)}</strong>. A credit note takes an amount off it for good; the customer gets it by email.
            </DialogContentText>
            <Stack spacing={2}>
              <AmountField label="Amount to credit" currency={invoice.currency} value={amount} onChange={setAmount} error={errors.amountMinor} hint={hint} />
              <ReasonField value={reason} onChange={setReason} required max={REASON_MAX} error={errors.reason} helperText="On the credit note, its PDF and the customer's email" />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" variant="contained" disabled={pending || !ready}>
              Issue it
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};
