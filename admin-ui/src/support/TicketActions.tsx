// What support does to one ticket besides replying: triage (priority, queue, assignee, with a
// reason) and closing it as spam or as a duplicate of another of the customer's tickets.
import CloseIcon from '@mui/icons-material/DoNotDisturbOn';
import TriageIcon from '@mui/icons-material/AltRoute';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import { useCommand } from '../common/useCommand';
import { apiFieldErrors } from '../dataProvider';
import { useT } from '../i18n/useT';
import type { Ticket } from '../types';
import { ticketNumber, ticketStatusLabel } from './ticketFields';
import { ReasonField, TicketChangeDialog, type TicketChange } from './TicketChangeDialog';

const fieldErrorsOf = (error: unknown) => Object.fromEntries(apiFieldErrors(error).map((f) => [f.field, f.message]));

export const TriageButton = ({ ticket }: { ticket: Ticket }) => {
  const [open, setOpen] = useState(false);
  const { run, pending } = useCommand();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const t = useT();
  const send = async (change: TicketChange) => {
    const outcome = await run((api) => api.triageTicket(ticket.id, change), t('app.ticket.triaged'));
    if (outcome.ok) setOpen(false);
    else setFieldErrors(fieldErrorsOf(outcome.error));
  };
  return (
    <>
      <Button variant="outlined" startIcon={<TriageIcon />} onClick={() => setOpen(true)}>
        {t('app.ticket.triage')}
      </Button>
      {open && (
        <TicketChangeDialog
          title={t('app.ticket.triage_title', { ticket: ticketNumber(ticket) })}
          intro={t('app.ticket.triage_intro')}
          fields={['priority', 'queue', 'assignee']}
          initial={{ priority: ticket.priority, queue: ticket.queue, assigneeId: ticket.assigneeId }}
          confirm={t('app.ticket.save')}
          pending={pending}
          fieldErrors={fieldErrors}
          onSend={send}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
};

/** The customer's other tickets, to name the one this duplicates. */
const useOtherTickets = (ticket: Ticket) => {
  const { data, isPending } = useGetList<Ticket>('tickets', {
    filter: { customerId: ticket.customerId },
    sort: { field: 'createdAt', order: 'DESC' },
    pagination: { page: 1, perPage: 100 },
  });
  return { others: (data ?? []).filter((other) => other.id !== ticket.id), isPending };
};

const CloseDialog = ({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) => {
  const { run, pending } = useCommand();
  const { others, isPending } = useOtherTickets(ticket);
  const [as, setAs] = useState<'spam' | 'duplicate'>('spam');
  const [mergeInto, setMergeInto] = useState('');
  const [reason, setReason] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const t = useT();

  const send = async () => {
    const closing = { as, reason: reason.trim() || undefined, ...(as === 'duplicate' && { mergeInto }) };
    const outcome = await run((api) => api.closeTicket(ticket.id, closing), t(as === 'spam' ? 'app.ticket.closed_spam' : 'app.ticket.closed_duplicate'));
    if (outcome.ok) onClose();
    else setFieldErrors(fieldErrorsOf(outcome.error));
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('app.ticket.close_title', { ticket: ticketNumber(ticket) })}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1 }}>{t('app.ticket.close_intro')}</DialogContentText>
        <Stack spacing={2}>
          <RadioGroup value={as} onChange={(e) => setAs(e.target.value as 'spam' | 'duplicate')}>
            <FormControlLabel value="spam" control={<Radio />} label={t('app.ticket.spam_option')} />
            <FormControlLabel value="duplicate" control={<Radio />} label={t('app.ticket.duplicate_option')} />
          </RadioGroup>
          {as === 'duplicate' && (
            <TextField
              select
              label={t('app.ticket.duplicate_of')}
              value={mergeInto}
              onChange={(e) => setMergeInto(e.target.value)}
              disabled={isPending}
              error={!!fieldErrors.mergeInto}
              helperText={fieldErrors.mergeInto ?? (others.length === 0 && !isPending ? t('app.ticket.no_other', { customer: ticket.customer.companyName }) : t('app.ticket.another_of', { customer: ticket.customer.companyName }))}
            >
              {others.map((other) => (
                <MenuItem key={other.id} value={other.id}>
                  {ticketNumber(other)} · {other.subject} ({ticketStatusLabel(other.status)})
                </MenuItem>
              ))}
            </TextField>
          )}
          <ReasonField value={reason} onChange={setReason} required={false} error={fieldErrors.reason} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('app.ticket.keep_open')}</Button>
        <Button variant="contained" color="error" onClick={send} disabled={pending || (as === 'duplicate' && !mergeInto)}>
          {t('app.ticket.close_ticket')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

export const CloseTicketButton = ({ ticket }: { ticket: Ticket }) => {
  const [open, setOpen] = useState(false);
  const t = useT();
  return (
    <>
      <Button variant="outlined" color="error" startIcon={<CloseIcon />} onClick={() => setOpen(true)}>
        {t('app.ticket.close_as')}
      </Button>
      {open && <CloseDialog ticket={ticket} onClose={() => setOpen(false)} />}
    </>
  );
};
