// The inbox's bulk actions: assign to a person, change the priority, close as spam. Each ticket is
// one request (one event on its own trail); the dialog then says what was done and what was not,
// and the tickets that failed stay selected to try again.
import AssignIcon from '@mui/icons-material/SwitchAccount';
import PriorityIcon from '@mui/icons-material/LowPriority';
import SpamIcon from '@mui/icons-material/Report';
import { Button, Stack } from '@mui/material';
import { useState, type ReactElement } from 'react';
import { useBulkSelection } from '../common/useBulkSelection';
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

const BulkDialog = ({ action, onClose }: { action: Action; onClose: () => void }) => {
  const bulk = useBulkSelection<Ticket>({ nameOf: ticketNumber, done: action.done, onClose });
  return (
    <TicketChangeDialog
      title={`${action.label}: ${plural(bulk.ids.length)}`}
      intro={`Each ticket is changed on its own, with this reason on its timeline: ${bulk.names.join(', ')}.`}
      fields={action.fields}
      reasonRequired={action.id !== 'spam'}
      confirm={bulk.confirmLabel(action.confirm)}
      color={action.id === 'spam' ? 'error' : 'primary'}
      pending={bulk.pending}
      outcome={bulk.summary}
      onSend={(change) => bulk.send((api, id) => action.send(api, String(id), change))}
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
