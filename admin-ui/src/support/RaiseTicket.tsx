// Raising a ticket on a customer's behalf: from the customer's page (a dialog) and from the inbox
// (its own page). The form's key is chosen once, so a double click or a retry raises one ticket;
// once the journey has recorded it, its page opens.
import AddIcon from '@mui/icons-material/AddComment';
import { Button, Card, CardContent, Dialog, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Title, useCreatePath, useGetList, useGetOne, useNavigate } from 'react-admin';
import { calendarDate } from '../common/RelativeTime';
import { v4 as uuidv4 } from 'uuid';
import { useCommand } from '../common/useCommand';
import { apiFieldErrors, dataProvider, type NewTicket } from '../dataProvider';
import { useT } from '../i18n/useT';
import { journeyPath } from '../journeys/journeyFields';
import type { Customer, CustomerDetail, Ticket, TicketPriority } from '../types';
import { choicesOf, CUSTOMER_TICKET_CATEGORIES, TICKET_PRIORITIES } from './ticketFields';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The journey's first step records the ticket; a moment later it is there to open. */
async function ticketOf(journeyId: string): Promise<Ticket | undefined> {
  for (let i = 0; i < 20; i++) {
    const { data } = await dataProvider.getList<Ticket>('tickets', { filter: { journeyId }, sort: { field: 'createdAt', order: 'ASC' }, pagination: { page: 1, perPage: 1 } });
    if (data[0]) return data[0];
    await sleep(500);
  }
  return undefined;
}

const CustomerSelect = ({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string }) => {
  const { data, isPending } = useGetList<Customer>('customers', { pagination: { page: 1, perPage: 200 }, sort: { field: 'companyName', order: 'ASC' } });
  const t = useT();
  return (
    <TextField select required label={t('resources.tickets.fields.customerId')} value={value} onChange={(e) => onChange(e.target.value)} disabled={isPending} error={!!error} helperText={error}>
      {(data ?? []).map((c) => (
        <MenuItem key={c.id} value={c.id}>
          {c.companyName}
        </MenuItem>
      ))}
    </TextField>
  );
};

const NO_PROJECT = '';

/** The customer's projects: a ticket about one is free within its warranty, billable after it. */
const ProjectSelect = ({ customerId, value, onChange, error }: { customerId: string; value: string; onChange: (id: string) => void; error?: string }) => {
  const { data: customer, isPending } = useGetOne<CustomerDetail>('customers', { id: customerId }, { enabled: !!customerId });
  const projects = customer?.projects ?? [];
  const t = useT();
  if (!customerId || (!isPending && projects.length === 0)) return null;
  return (
    <TextField
      select
      label={t('app.ticket.project')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      disabled={isPending}
      error={!!error}
      helperText={error ?? t('app.raise_ticket.project_hint')}
    >
      <MenuItem value={NO_PROJECT}>{t('app.raise_ticket.no_project')}</MenuItem>
      {projects.map((p) => (
        <MenuItem key={p.id} value={p.id}>
          {p.signedOffAt
            ? t('app.raise_ticket.project_signed_off', { project: p.name, date: calendarDate(p.signedOffAt) })
            : t('app.raise_ticket.project_in_progress', { project: p.name })}
        </MenuItem>
      ))}
    </TextField>
  );
};

export const RaiseTicketForm = ({ customerId: fixedCustomer, onCancel }: { customerId?: string; onCancel?: () => void }) => {
  const { run, pending } = useCommand();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const [key] = useState(() => uuidv4());
  const [ticket, setTicket] = useState<NewTicket>({ customerId: fixedCustomer ?? '', subject: '', description: '', category: 'question', priority: 'normal' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [opening, setOpening] = useState(false);
  const t = useT();
  const set = (change: Partial<NewTicket>) => setTicket({ ...ticket, ...change });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    const outcome = await run((api) => api.raiseTicket({ ...ticket, subject: ticket.subject.trim(), description: ticket.description.trim() }, key), t('app.raise_ticket.raised'));
    if (!outcome.ok) return setErrors(Object.fromEntries(apiFieldErrors(outcome.error).map((f) => [f.field, f.message])));
    setOpening(true);
    const raised = await ticketOf(outcome.value.journeyId).catch(() => undefined);
    navigate(raised ? createPath({ resource: 'tickets', id: raised.id, type: 'show' }) : journeyPath(outcome.value.journeyId));
  };
  const busy = pending || opening;

  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate sx={{ pt: 1 }}>
      {!fixedCustomer && <CustomerSelect value={ticket.customerId} onChange={(customerId) => set({ customerId, projectId: undefined })} error={errors.customerId} />}
      <ProjectSelect customerId={ticket.customerId} value={ticket.projectId ?? NO_PROJECT} onChange={(id) => set({ projectId: id || undefined })} error={errors.projectId} />
      <TextField required label={t('app.raise_ticket.subject')} value={ticket.subject} onChange={(e) => set({ subject: e.target.value })} error={!!errors.subject} helperText={errors.subject} />
      <TextField
        required
        label={t('app.raise_ticket.needs')}
        multiline
        minRows={4}
        value={ticket.description}
        onChange={(e) => set({ description: e.target.value })}
        error={!!errors.description}
        helperText={errors.description ?? t('app.raise_ticket.needs_hint')}
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField select fullWidth label={t('resources.tickets.fields.category')} value={ticket.category} onChange={(e) => set({ category: e.target.value })} error={!!errors.category} helperText={errors.category}>
          {choicesOf(CUSTOMER_TICKET_CATEGORIES).map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {c.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          fullWidth
          label={t('resources.tickets.fields.priority')}
          value={ticket.priority}
          onChange={(e) => set({ priority: e.target.value as TicketPriority })}
          error={!!errors.priority}
          helperText={errors.priority ?? t('app.raise_ticket.priority_hint')}
        >
          {TICKET_PRIORITIES.map((p) => (
            <MenuItem key={p} value={p}>
              {t(`app.ticket.priorities.${p}`)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        {onCancel && <Button onClick={onCancel}>{t('app.common.cancel')}</Button>}
        <Button type="submit" variant="contained" startIcon={<AddIcon />} disabled={busy || !ticket.customerId || !ticket.subject.trim() || !ticket.description.trim()}>
          {opening ? t('app.raise_ticket.opening') : t('app.raise_ticket.raise')}
        </Button>
      </Stack>
    </Stack>
  );
};

/** The customer page's button. */
export const RaiseTicketButton = ({ customer }: { customer: Pick<Customer, 'id' | 'companyName'> }) => {
  const [open, setOpen] = useState(false);
  const t = useT();
  return (
    <>
      <Button variant="outlined" startIcon={<AddIcon />} onClick={() => setOpen(true)}>
        {t('app.lists.raise_ticket')}
      </Button>
      {open && (
        <Dialog open onClose={() => setOpen(false)} fullWidth maxWidth="sm">
          <DialogTitle>{t('app.raise_ticket.title_for', { customer: customer.companyName })}</DialogTitle>
          <DialogContent>
            <RaiseTicketForm customerId={customer.id} onCancel={() => setOpen(false)} />
          </DialogContent>
        </Dialog>
      )}
    </>
  );
};

/** The inbox's "Raise a ticket" page. */
export const TicketCreate = () => {
  const t = useT();
  return (
    <Card sx={{ mt: 2, maxWidth: 720 }}>
      <Title title={t('app.lists.raise_ticket')} />
      <CardContent>
        <RaiseTicketForm />
      </CardContent>
    </Card>
  );
};
