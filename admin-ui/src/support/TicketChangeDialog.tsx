// The form behind every change to tickets that goes on their trail with a reason: triage on the
// ticket page (priority, queue, assignee), and the inbox's bulk actions (assign, change priority,
// close as spam). It only gathers the change; the caller sends it, one ticket or many.
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import { MIN_REASON, ReasonField as CommonReasonField } from '../common/ReasonField';
import { NOBODY, PersonSelect } from '../common/PersonSelect';
import { useT } from '../i18n/useT';
import type { TicketPriority, User } from '../types';
import { TICKET_PRIORITIES } from './ticketFields';

export type TicketChange = { priority?: TicketPriority; queue?: string; assigneeId?: string | null; reason: string };
type Field = 'priority' | 'queue' | 'assignee';


/** Who the API takes as a ticket's assignee: active people of a support role (admins only with one). */
const worksSupport = (user: User) => user.active && user.roles.some((r) => r === 'support' || r === 'support_lead' || r === 'manager');

/** Why a ticket changes: it goes on the ticket's timeline with the change. */
export const ReasonField = (props: { value: string; onChange: (reason: string) => void; required: boolean; error?: string }) => {
  const t = useT();
  return <CommonReasonField {...props} helperText={t('app.ticket_change.reason_hint')} />;
};

export const TicketChangeDialog = ({
  title,
  intro,
  fields,
  initial = {},
  reasonRequired = true,
  confirm,
  color = 'primary',
  pending,
  fieldErrors = {},
  outcome,
  onSend,
  onClose,
}: {
  title: string;
  intro: ReactNode;
  fields: Field[];
  initial?: { priority?: TicketPriority; queue?: string; assigneeId?: string | null };
  reasonRequired?: boolean;
  confirm: string;
  color?: 'primary' | 'error';
  pending: boolean;
  /** The API's 400s by its field names (priority, queue, assigneeId, reason). */
  fieldErrors?: Record<string, string>;
  /** What happened last time it was sent (a bulk action's summary), shown above the buttons. */
  outcome?: ReactNode;
  /** Only what changed is sent: an untouched field stays out of the request. */
  onSend: (change: TicketChange) => void;
  onClose: () => void;
}) => {
  const [priority, setPriority] = useState<TicketPriority | ''>(initial.priority ?? '');
  const [queue, setQueue] = useState(initial.queue ?? '');
  const [assignee, setAssignee] = useState(initial.assigneeId ?? NOBODY);
  const [reason, setReason] = useState('');
  const t = useT();

  const change: TicketChange = {
    reason: reason.trim(),
    ...(fields.includes('priority') && priority && priority !== initial.priority && { priority }),
    ...(fields.includes('queue') && queue.trim() && queue.trim() !== initial.queue && { queue: queue.trim() }),
    ...(fields.includes('assignee') && assignee !== (initial.assigneeId ?? NOBODY) && { assigneeId: assignee || null }),
  };
  const changesSomething = fields.length === 0 || Object.keys(change).length > 1;
  const reasonMissing = reasonRequired && change.reason.length < MIN_REASON;

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{intro}</DialogContentText>
        <Stack spacing={2}>
          {fields.includes('priority') && (
            <TextField
              select
              label={t('resources.tickets.fields.priority')}
              value={priority}
              onChange={(e) => setPriority(e.target.value as TicketPriority)}
              error={!!fieldErrors.priority}
              helperText={fieldErrors.priority ?? t('app.ticket_change.priority_hint')}
            >
              {TICKET_PRIORITIES.map((p) => (
                <MenuItem key={p} value={p}>
                  {t(`app.ticket.priorities.${p}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
          {fields.includes('queue') && (
            <TextField
              label={t('resources.tickets.fields.queue')}
              value={queue}
              onChange={(e) => setQueue(e.target.value.toLowerCase())}
              error={!!fieldErrors.queue}
              helperText={fieldErrors.queue ?? t('app.ticket_change.queue_hint')}
            />
          )}
          {fields.includes('assignee') && (
            <PersonSelect
              label={t('resources.tickets.fields.assigneeId')}
              value={assignee}
              onChange={setAssignee}
              eligible={worksSupport}
              nobody={t('app.ticket_change.nobody')}
              helperText={t('app.ticket_change.assignee_hint')}
              error={fieldErrors.assigneeId}
            />
          )}
          <ReasonField value={reason} onChange={setReason} required={reasonRequired} error={fieldErrors.reason} />
        </Stack>
        {outcome}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{outcome ? t('app.common.close') : t('app.common.cancel')}</Button>
        <Button variant="contained" color={color} onClick={() => onSend(change)} disabled={pending || reasonMissing || !changesSomething}>
          {confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
