// A ticket's conversation, oldest first: what the customer wrote (the ticket's description first),
// the agents' replies, and internal notes, which look nothing like what the customer reads.
import CustomerIcon from '@mui/icons-material/Person';
import AgentIcon from '@mui/icons-material/SupportAgent';
import LockIcon from '@mui/icons-material/LockOutlined';
import { alpha, Box, Stack, Typography, type SxProps, type Theme } from '@mui/material';
import type { ReactNode } from 'react';
import { RelativeTime } from '../common/RelativeTime';
import { SectionCard } from '../common/SectionCard';
import { useUserNames } from '../common/useUserNames';
import type { MessageKey } from '../i18n/en';
import { useT } from '../i18n/useT';
import type { TicketDetail, TicketMessage } from '../types';

type Kind = 'customer' | 'agent' | 'note';

const LOOK: Record<Kind, { sx: SxProps<Theme>; icon: ReactNode; what: MessageKey }> = {
  customer: { sx: { mr: { sm: 6 }, bgcolor: 'action.hover', border: 1, borderColor: 'divider' }, icon: <CustomerIcon fontSize="small" />, what: 'app.ticket.from_customer' },
  agent: {
    sx: { ml: { sm: 6 }, bgcolor: (t) => alpha(t.palette.primary.main, 0.06), border: 1, borderColor: (t) => alpha(t.palette.primary.main, 0.4) },
    icon: <AgentIcon fontSize="small" />,
    what: 'app.ticket.from_agent',
  },
  note: {
    sx: { bgcolor: (t) => alpha(t.palette.warning.main, 0.1), border: '1px dashed', borderColor: 'warning.main' },
    icon: <LockIcon fontSize="small" />,
    what: 'app.ticket.from_note',
  },
};

const kindOf = (m: Pick<TicketMessage, 'author' | 'internal'>): Kind => (m.internal ? 'note' : m.author === 'customer' ? 'customer' : 'agent');

const Message = ({ kind, author, at, body }: { kind: Kind; author: string; at: string; body: string }) => {
  const look = LOOK[kind];
  const t = useT();
  return (
    <Box sx={{ p: 1.5, borderRadius: 2, ...look.sx } as SxProps<Theme>} data-message-kind={kind}>
      <Stack direction="row" useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', columnGap: 1, mb: 0.5, color: 'text.secondary' }}>
        {look.icon}
        <Typography variant="body2" color="text.primary" sx={{ fontWeight: 500 }}>
          {author}
        </Typography>
        <Typography variant="caption" sx={{ flexBasis: { xs: '100%', sm: 'auto' } }}>
          {t(look.what)} · <RelativeTime date={at} />
        </Typography>
      </Stack>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {body}
      </Typography>
    </Box>
  );
};

export const Conversation = ({ ticket }: { ticket: TicketDetail }) => {
  const userName = useUserNames();
  const t = useT();
  // Raised by staff or a system on the customer's behalf: say who, the words are still the customer's matter.
  const raisedBy = ticket.raisedBy === 'customer' ? ticket.customer.companyName : t('app.ticket.raised_for', { customer: ticket.customer.companyName, name: userName(ticket.raisedBy) ?? ticket.channel });
  return (
    <SectionCard title={t('app.ticket.conversation')}>
      <Stack spacing={1.5}>
        <Message kind="customer" author={raisedBy} at={ticket.createdAt} body={ticket.description} />
        {ticket.messages.map((m) => (
          <Message key={m.id} kind={kindOf(m)} author={m.authorName} at={m.createdAt} body={m.body} />
        ))}
      </Stack>
    </SectionCard>
  );
};
