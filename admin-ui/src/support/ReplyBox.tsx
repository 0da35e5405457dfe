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
import type { MessageKey } from '../i18n/en';
import { useT } from '../i18n/useT';
import type { TicketDetail } from '../types';
import { ticketNumber } from './ticketFields';

type ReplyDraft = { id: string; body: string; internal: boolean };
const drafts = draftStore<ReplyDraft>('pf:ticket-reply');
const freshDraft = (): ReplyDraft => ({ id: uuidv4(), body: '', internal: false });

const SENT: Record<NonNullable<TicketReply['then']>, MessageKey> = {
  'waiting-on-customer': 'app.ticket.sent_waiting',
  open: 'app.ticket.sent_open',
  resolved: 'app.ticket.sent_resolved',
};

export const ReplyBox = ({ ticket }: { ticket: TicketDetail }) => {
  const { run, pending } = useCommand();
  const notify = useNotify();
  const t = useT();
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
      notify(t(draft.internal ? 'app.ticket.note_added' : SENT[then ?? 'waiting-on-customer']), { type: 'success' });
    } else {
      setBodyError(apiFieldErrors(outcome.error).find((f) => f.field === 'body')?.message);
    }
  };
  const empty = !draft.body.trim();

  return (
    <SectionCard title={draft.internal ? t('app.ticket.internal_note') : t('app.ticket.reply_title')}>
      <TextField
        label={draft.internal ? t('app.ticket.note_label') : t('app.ticket.reply_label', { ticket: ticketNumber(ticket) })}
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
          label={t('app.ticket.internal_note')}
          sx={{ mr: 'auto' }}
        />
        {/* The usual answer last, on the right; on a narrow screen the buttons wrap under the switch. */}
        <Stack direction={{ xs: 'column', sm: 'row' }} useFlexGap sx={{ gap: 1, flexWrap: 'wrap', justifyContent: 'flex-end', width: { xs: '100%', sm: 'auto' } }}>
          {draft.internal ? (
            <Button variant="contained" color="warning" startIcon={<LockIcon />} disabled={pending || empty} onClick={() => send()}>
              {t('app.ticket.add_note')}
            </Button>
          ) : (
            <>
              <Button variant="outlined" disabled={pending || empty} onClick={() => send('open')}>
                {t('app.ticket.send_keep_open')}
              </Button>
              <Button variant="outlined" color="success" disabled={pending || empty} onClick={() => send('resolved')}>
                {t('app.ticket.send_resolve')}
              </Button>
              <Button variant="contained" startIcon={<SendIcon />} disabled={pending || empty} onClick={() => send('waiting-on-customer')}>
                {t('app.ticket.send_wait')}
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
  const t = useT();
  if (!draft?.body) return null;
  return (
    <UnsentAlert
      title={t(draft.internal ? 'app.ticket.unsent_note' : 'app.ticket.unsent_reply')}
      copyText={draft.body}
      testId="unsent-reply"
      onDiscard={() => {
        drafts.clear(ticket.id);
        setDraft(undefined);
      }}
    >
      {t('app.ticket.unsent_body')}
      <Typography variant="body2" sx={{ my: 1, p: 1, bgcolor: 'background.paper', borderRadius: 1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {draft.body}
      </Typography>
    </UnsentAlert>
  );
};
