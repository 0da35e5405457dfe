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
import type { MessageKey } from '../i18n/en';
import { useT } from '../i18n/useT';
import type { Ticket } from '../types';
import { ticketNumber } from './ticketFields';
import { TicketChangeDialog, type TicketChange } from './TicketChangeDialog';

type Action = {
  id: 'assign' | 'priority' | 'spam';
  /** The button's words, and the dialog's confirm. */
  label: MessageKey;
  icon: ReactElement;
  fields: ('assignee' | 'priority')[];
  /** How many were changed: a counted message. */
  done: MessageKey;
  send: (api: AppDataProvider, id: string, change: TicketChange) => Promise<unknown>;
};

const ACTIONS: Action[] = [
  {
    id: 'assign',
    label: 'app.ticket_bulk.assign',
    icon: <AssignIcon />,
    fields: ['assignee'],
    done: 'app.ticket_bulk.assigned',
    send: (api, id, { assigneeId, reason }) => api.triageTicket(id, { assigneeId: assigneeId ?? null, reason }),
  },
  {
    id: 'priority',
    label: 'app.ticket_bulk.priority',
    icon: <PriorityIcon />,
    fields: ['priority'],
    done: 'app.ticket_bulk.reprioritised',
    send: (api, id, { priority, reason }) => api.triageTicket(id, { priority, reason }),
  },
  {
    id: 'spam',
    label: 'app.ticket_bulk.spam',
    icon: <SpamIcon />,
    fields: [],
    done: 'app.ticket_bulk.closed_spam',
    send: (api, id, { reason }) => api.closeTicket(id, { as: 'spam', reason: reason || undefined }),
  },
];

const BulkDialog = ({ action, onClose }: { action: Action; onClose: () => void }) => {
  const t = useT();
  const bulk = useBulkSelection<Ticket>({ nameOf: ticketNumber, done: (n) => t(action.done, { smart_count: n }), onClose });
  return (
    <TicketChangeDialog
      title={t('app.bulk.title', { action: t(action.label), count: t('app.ticket_bulk.count', { smart_count: bulk.ids.length }) })}
      intro={t('app.ticket_bulk.intro', { names: bulk.names.join(', ') })}
      fields={action.fields}
      reasonRequired={action.id !== 'spam'}
      confirm={bulk.confirmLabel(t(action.label))}
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
  const t = useT();
  return (
    <Stack direction="row" spacing={1}>
      {ACTIONS.map((action) => (
        <Button key={action.id} size="small" startIcon={action.icon} color={action.id === 'spam' ? 'error' : 'primary'} onClick={() => setOpen(action)}>
          {t(action.label)}
        </Button>
      ))}
      {open && <BulkDialog action={open} onClose={() => setOpen(undefined)} />}
    </Stack>
  );
};
