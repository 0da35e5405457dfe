// Answering the customer, or a note for colleagues. The draft (its text, whether it is a note, and
// the message id chosen when it was begun) is kept in the browser until the journey took it: a
// double click, a retry or a reload sends the same id, so the customer gets one message.
import LockIcon from '@mui/icons-material/LockOutlined';
import SendIcon from '@mui/icons-material/Send';
import { Button, FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useNotify } from 'react-admin';
import { v4 as uuidv4 } from 'uuid';
import { draftStore } from '../common/drafts';
import { SectionCard } from '../common/SectionCard';
import { UnsentAlert } from '../common/UnsentAlert';
import { useCommand } from '../common/useCommand';
import { apiFieldErrors, type TicketReply } from '../dataProvider';
import type { TicketDetail } from '../types';
import { ticketNumber } from './ticketFields';

type ReplyDraft = { id: string; body: string; internal: boolean };
const drafts = draftStore<ReplyDraft>('pf:ticket-reply');
const freshDraft = (): ReplyDraft => ({ id: uuidv4(), body: '', internal: false });

const SENT: Record<NonNullable<TicketReply['then']>, string> = {
  'waiting-on-customer': 'Reply sent: now waiting on the customer',
  open: 'Reply sent: the ticket stays open',
  resolved: 'Reply sent and the ticket marked resolved: the customer is asked to confirm',
};

export const ReplyBox = ({ ticket }: { ticket: TicketDetail }) => {
  const { run, pending } = useCommand();
  const notify = useNotify();
  const [draft, setDraft] = useState<ReplyDraft>(() => drafts.load(ticket.id) ?? freshDraft());
  const [bodyError, setBodyError] = useState<string>();
  useEffect(() => (draft.body.trim() ? drafts.save(ticket.id, draft) : drafts.clear(ticket.id)), [ticket.id, draft]);

  const send = async (then?: TicketReply['then']) => {
    setBodyError(undefined);
    const reply: TicketReply = { id: draft.id, body: draft.body.trim(), internal: draft.internal, ...(!draft.internal && { then }) };
    const outcome = await run((api) => api.replyToTicket(ticket.id, reply));
    if (outcome.ok) {
      drafts.clear(ticket.id);
      setDraft(freshDraft());
      notify(draft.internal ? 'Internal note added' : SENT[then ?? 'waiting-on-customer'], { type: 'success' });
    } else {
      setBodyError(apiFieldErrors(outcome.error).find((f) => f.field === 'body')?.message);
    }
  };
  const empty = !draft.body.trim();

  return (
    <SectionCard title={draft.internal ? 'Internal note' : 'Reply to the customer'}>
      <TextField
        label={draft.internal ? 'Note for colleagues: the customer never sees it' : `Reply on ${ticketNumber(ticket)}, emailed to the customer`}
        name="reply"
        multiline
        minRows={4}
        fullWidth
        value={draft.body}
        onChange={(e) => setDraft({ ...draft, body: e.target.value })}
        error={!!bodyError}
        helperText={bodyError}
        sx={draft.internal ? { '& .MuiInputBase-root': { bgcolor: 'rgba(237, 108, 2, 0.08)' } } : undefined}
      />
      <Stack direction="row" useFlexGap sx={{ mt: 1, alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <FormControlLabel
          control={<Switch checked={draft.internal} onChange={(e) => setDraft({ ...draft, internal: e.target.checked })} />}
          label="Internal note"
          sx={{ mr: 'auto' }}
        />
        {/* The usual answer last, on the right; on a narrow screen the buttons wrap under the switch. */}
        <Stack direction={{ xs: 'column', sm: 'row' }} useFlexGap sx={{ gap: 1, flexWrap: 'wrap', justifyContent: 'flex-end', width: { xs: '100%', sm: 'auto' } }}>
          {draft.internal ? (
            <Button variant="contained" color="warning" startIcon={<LockIcon />} disabled={pending || empty} onClick={() => send()}>
              Add internal note
            </Button>
          ) : (
            <>
              <Button variant="outlined" disabled={pending || empty} onClick={() => send('open')}>
                Send, keep open
              </Button>
              <Button variant="outlined" color="success" disabled={pending || empty} onClick={() => send('resolved')}>
                Send and mark resolved
              </Button>
              <Button variant="contained" startIcon={<SendIcon />} disabled={pending || empty} onClick={() => send('waiting-on-customer')}>
                Send and wait on customer
              </Button>
            </>
          )}
        </Stack>
      </Stack>
    </SectionCard>
  );
};

/** A reply begun on a ticket that closed before it was sent: shown to copy, until discarded. */
export const UnsentReply = ({ ticket }: { ticket: TicketDetail }) => {
  const [draft, setDraft] = useState(() => drafts.load(ticket.id));
  if (!draft?.body) return null;
  return (
    <UnsentAlert
      title={`Your ${draft.internal ? 'note' : 'reply'} was not sent`}
      copyText={draft.body}
      testId="unsent-reply"
      onDiscard={() => {
        drafts.clear(ticket.id);
        setDraft(undefined);
      }}
    >
      The ticket closed before it went. What you wrote is kept here to copy.
      <Typography variant="body2" sx={{ my: 1, p: 1, bgcolor: 'background.paper', borderRadius: 1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {draft.body}
      </Typography>
    </UnsentAlert>
  );
};
