// The inbox's bulk actions: assign to a person, change the priority, close as spam. Each ticket is
// one request (one event on its own trail); the dialog then says what was done and what was not,
// and the tickets that failed stay selected to try again.
import AssignIcon from '@mui/icons-material/SwitchAccount';
import PriorityIcon from '@mui/icons-material/LowPriority';
import SpamIcon from '@mui/icons-material/Report';
import { Alert, Button, Stack } from '@mui/material';
import { useState, type ReactElement } from 'react';
import { type Identifier, useListContext, useNotify } from 'react-admin';
import { useBulkCommand, type BulkOutcome } from '../common/useBulkCommand';
import type { AppDataProvider } from '../dataProvider';
import type { Ticket } from '../types';
import { ticketNumber } from './ticketFields';
import { TicketChangeDialog, type TicketChange } from './TicketChangeDialog';

type Action = {
  id: 'assign' | 'priority' | 'spam';
  label: string;
  icon: ReactElement;
  fields: ('assignee' | 'priority')[];
  confirm: string;
  done: (n: number) => string;
  send: (api: AppDataProvider, id: string, change: TicketChange) => Promise<unknown>;
};

const plural = (n: number) => `${n} ticket${n === 1 ? '' : 's'}`;

const ACTIONS: Action[] = [
  {
    id: 'assign',
    label: 'Assign',
    icon: <AssignIcon />,
    fields: ['assignee'],
    confirm: 'Assign',
    done: (n) => `${plural(n)} assigned`,
    send: (api, id, { assigneeId, reason }) => api.triageTicket(id, { assigneeId: assigneeId ?? null, reason }),
  },
  {
    id: 'priority',
    label: 'Change priority',
    icon: <PriorityIcon />,
    fields: ['priority'],
    confirm: 'Change priority',
    done: (n) => `${plural(n)} reprioritised`,
    send: (api, id, { priority, reason }) => api.triageTicket(id, { priority, reason }),
  },
  {
    id: 'spam',
    label: 'Close as spam',
    icon: <SpamIcon />,
    fields: [],
    confirm: 'Close as spam',
    done: (n) => `${plural(n)} closed as spam`,
    send: (api, id, { reason }) => api.closeTicket(id, { as: 'spam', reason: reason || undefined }),
  },
];

const Summary = ({ action, outcome, numberOf }: { action: Action; outcome: BulkOutcome; numberOf: (id: Identifier) => string }) => (
  <Alert severity={outcome.done.length ? 'warning' : 'error'} sx={{ mt: 2 }} data-testid="bulk-summary">
    {outcome.done.length > 0 && <div>{action.done(outcome.done.length)}.</div>}
    <div>
      {outcome.failed.length} not changed (still selected):
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {outcome.failed.map((f) => (
          <li key={String(f.id)}>
            {numberOf(f.id)}: {f.message}
          </li>
        ))}
      </ul>
    </div>
  </Alert>
);

const BulkDialog = ({ action, onClose }: { action: Action; onClose: () => void }) => {
  const { selectedIds, data, onSelect } = useListContext<Ticket>();
  const notify = useNotify();
  const { run, pending } = useBulkCommand();
  const [ids] = useState(selectedIds);
  const [outcome, setOutcome] = useState<BulkOutcome>();
  const numberOf = (id: Identifier) => {
    const ticket = data?.find((t) => t.id === id);
    return ticket ? ticketNumber(ticket) : String(id);
  };

  const send = async (change: TicketChange) => {
    const result = await run(outcome ? outcome.failed.map((f) => f.id) : ids, (api, id) => action.send(api, String(id), change));
    if (!result) return onClose();
    onSelect(result.failed.map((f) => f.id as Ticket['id']));
    if (result.failed.length === 0) {
      notify(action.done(result.done.length + (outcome?.done.length ?? 0)), { type: 'success' });
      return onClose();
    }
    setOutcome({ done: [...(outcome?.done ?? []), ...result.done], failed: result.failed });
  };

  return (
    <TicketChangeDialog
      title={`${action.label}: ${plural(ids.length)}`}
      intro={`Each ticket is changed on its own, with this reason on its timeline: ${ids.map(numberOf).join(', ')}.`}
      fields={action.fields}
      reasonRequired={action.id !== 'spam'}
      confirm={outcome ? `Try the ${outcome.failed.length} again` : action.confirm}
      color={action.id === 'spam' ? 'error' : 'primary'}
      pending={pending}
      outcome={outcome && <Summary action={action} outcome={outcome} numberOf={numberOf} />}
      onSend={send}
      onClose={onClose}
    />
  );
};

export const TicketBulkActions = () => {
  const [open, setOpen] = useState<Action>();
  return (
    <Stack direction="row" spacing={1}>
      {ACTIONS.map((action) => (
        <Button key={action.id} size="small" startIcon={action.icon} color={action.id === 'spam' ? 'error' : 'primary'} onClick={() => setOpen(action)}>
          {action.label}
        </Button>
      ))}
      {open && <BulkDialog action={open} onClose={() => setOpen(undefined)} />}
    </Stack>
  );
};
