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
  return (
    <TextField select required label="Customer" value={value} onChange={(e) => onChange(e.target.value)} disabled={isPending} error={!!error} helperText={error}>
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
  if (!customerId || (!isPending && projects.length === 0)) return null;
  return (
    <TextField
      select
      label="Project"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      disabled={isPending}
      error={!!error}
      helperText={error ?? "Within the project's warranty after sign-off the ticket is free; after it, time on it is billed"}
    >
      <MenuItem value={NO_PROJECT}>None: a general question</MenuItem>
      {projects.map((p) => (
        <MenuItem key={p.id} value={p.id}>
          {p.name}
          {p.signedOffAt ? ` · signed off ${calendarDate(p.signedOffAt)}` : ' · in progress'}
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
  const set = (change: Partial<NewTicket>) => setTicket({ ...ticket, ...change });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    const outcome = await run((api) => api.raiseTicket({ ...ticket, subject: ticket.subject.trim(), description: ticket.description.trim() }, key), 'Ticket raised');
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
      <TextField required label="Subject" value={ticket.subject} onChange={(e) => set({ subject: e.target.value })} error={!!errors.subject} helperText={errors.subject} />
      <TextField
        required
        label="What the customer needs"
        multiline
        minRows={4}
        value={ticket.description}
        onChange={(e) => set({ description: e.target.value })}
        error={!!errors.description}
        helperText={errors.description ?? 'In their words where you can: it opens the conversation'}
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField select fullWidth label="Category" value={ticket.category} onChange={(e) => set({ category: e.target.value })} error={!!errors.category} helperText={errors.category}>
          {choicesOf(CUSTOMER_TICKET_CATEGORIES).map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {c.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          fullWidth
          label="Priority"
          value={ticket.priority}
          onChange={(e) => set({ priority: e.target.value as TicketPriority })}
          error={!!errors.priority}
          helperText={errors.priority ?? 'Sets its SLA targets'}
        >
          {TICKET_PRIORITIES.map((p) => (
            <MenuItem key={p} value={p}>
              {p}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
        <Button type="submit" variant="contained" startIcon={<AddIcon />} disabled={busy || !ticket.customerId || !ticket.subject.trim() || !ticket.description.trim()}>
          {opening ? 'Opening the ticket…' : 'Raise ticket'}
        </Button>
      </Stack>
    </Stack>
  );
};

/** The customer page's button. */
export const RaiseTicketButton = ({ customer }: { customer: Pick<Customer, 'id' | 'companyName'> }) => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outlined" startIcon={<AddIcon />} onClick={() => setOpen(true)}>
        Raise a ticket
      </Button>
      {open && (
        <Dialog open onClose={() => setOpen(false)} fullWidth maxWidth="sm">
          <DialogTitle>Raise a ticket for {customer.companyName}</DialogTitle>
          <DialogContent>
            <RaiseTicketForm customerId={customer.id} onCancel={() => setOpen(false)} />
          </DialogContent>
        </Dialog>
      )}
    </>
  );
};

/** The inbox's "Raise a ticket" page. */
export const TicketCreate = () => (
  <Card sx={{ mt: 2, maxWidth: 720 }}>
    <Title title="Raise a ticket" />
    <CardContent>
      <RaiseTicketForm />
    </CardContent>
  </Card>
);
