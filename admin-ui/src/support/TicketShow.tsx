// A ticket's page: the conversation and the reply box on the left; its clocks and facts on the
// right; triage, closing and its journey in the toolbar. Polled: the customer replies and the
// clocks move while it is open.
import CustomerIcon from '@mui/icons-material/Business';
import JourneyIcon from '@mui/icons-material/Route';
import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Link, Loading, RecordField, TopToolbar, useCreatePath, useRecordContext } from 'react-admin';
import { FactGrid } from '../common/FactGrid';
import { calendarDate, RelativeTime } from '../common/RelativeTime';
import { SectionCard } from '../common/SectionCard';
import { ShowPage } from '../common/ShowPage';
import { useUserNames } from '../common/useUserNames';
import { journeyPath } from '../journeys/journeyFields';
import { useT } from '../i18n/useT';
import type { TicketDetail } from '../types';
import { Conversation } from './Conversation';
import { CustomerContext } from './CustomerContext';
import { ReplyBox, UnsentReply } from './ReplyBox';
import { CloseTicketButton, TriageButton } from './TicketActions';
import { TicketClocks } from './TicketClocks';
import { TicketFiles } from './TicketFiles';
import { TicketTime } from './TicketTime';
import { closeReasonLabel, PriorityChip, ticketNumber, TicketStatusChip } from './ticketFields';

// Coming from the inbox, the cached list row shows first; it lacks the conversation.
const isDetail = (ticket: unknown): ticket is TicketDetail => !!ticket && typeof ticket === 'object' && 'messages' in ticket;

const TicketActions = () => {
  const ticket = useRecordContext();
  const t = useT();
  if (!isDetail(ticket)) return <TopToolbar />;
  return (
    <TopToolbar sx={{ gap: 1, flexWrap: 'wrap' }}>
      <Button component={Link} to={journeyPath(ticket.journeyId)} startIcon={<JourneyIcon />}>
        {t('app.ticket.journey')}
      </Button>
      {!ticket.closedAt && <TriageButton ticket={ticket} />}
      {!ticket.closedAt && <CloseTicketButton ticket={ticket} />}
    </TopToolbar>
  );
};

const Warranty = ({ ticket }: { ticket: TicketDetail }) => {
  const t = useT();
  return ticket.billable ? (
    <Chip size="small" color="warning" variant="outlined" label={t('app.ticket.billable')} title={t('app.ticket.billable_hint')} />
  ) : ticket.warrantyEndsAt ? (
    <Chip size="small" color="success" variant="outlined" label={t('app.ticket.warranty_until', { date: calendarDate(ticket.warrantyEndsAt) })} />
  ) : null;
};

const TicketHeader = ({ ticket }: { ticket: TicketDetail }) => {
  const createPath = useCreatePath();
  const userName = useUserNames();
  const t = useT();
  return (
    <Card>
      <CardContent>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <Typography variant="h5" component="h1">
            <Typography component="span" variant="h5" color="text.secondary">
              {ticketNumber(ticket)}
            </Typography>{' '}
            {ticket.subject}
          </Typography>
          <TicketStatusChip ticket={ticket} />
          <PriorityChip priority={ticket.priority} />
          <Warranty ticket={ticket} />
        </Stack>
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', color: 'text.secondary', mb: 2 }}>
          <CustomerIcon fontSize="small" />
          <Link to={createPath({ resource: 'customers', id: ticket.customerId, type: 'show' })}>{ticket.customer.companyName}</Link>
        </Stack>
        <FactGrid>
          <RecordField label={t('resources.tickets.fields.assigneeId')}>{ticket.assigneeId ? (userName(ticket.assigneeId) ?? '…') : t('app.ticket.unassigned')}</RecordField>
          <RecordField label={t('resources.tickets.fields.queue')}>{ticket.queue}</RecordField>
          <RecordField label={t('resources.tickets.fields.category')}>{ticket.category}</RecordField>
          <RecordField label={t('resources.tickets.fields.createdAt')}>
            <RelativeTime date={ticket.createdAt} />
          </RecordField>
          {ticket.project && (
            <RecordField label={t('app.ticket.project')}>
              {ticket.project.deliveryJourneyId ? <Link to={journeyPath(ticket.project.deliveryJourneyId)}>{ticket.project.name}</Link> : ticket.project.name}
            </RecordField>
          )}
          {ticket.closedAt && (
            <RecordField label={t('app.ticket.closed')}>
              <RelativeTime date={ticket.closedAt} />
              {ticket.closeReason && ` · ${closeReasonLabel(ticket.closeReason)}`}
            </RecordField>
          )}
          {ticket.mergedIntoId && (
            <RecordField label={t('app.ticket.duplicate_of')}>
              <Link to={createPath({ resource: 'tickets', id: ticket.mergedIntoId, type: 'show' })}>{t('app.ticket.merged_into')}</Link>
            </RecordField>
          )}
          {ticket.satisfaction !== null && <RecordField label={t('app.ticket.rating')}>{t('app.ticket.rating_value', { rating: ticket.satisfaction })}</RecordField>}
        </FactGrid>
      </CardContent>
    </Card>
  );
};

/** Once closed: the figures it keeps, in business time. */
const Figures = ({ ticket }: { ticket: TicketDetail }) => {
  const t = useT();
  const minutes = (n: number | null) => (n === null ? '—' : t('app.ticket.business_min', { minutes: n }));
  return (
    <SectionCard title={t('app.ticket.figures')}>
      <FactGrid>
        <RecordField label={t('app.sla.clocks.firstResponse')}>{minutes(ticket.firstResponseMinutes)}</RecordField>
        <RecordField label={t('app.sla.clocks.resolution')}>{minutes(ticket.resolutionMinutes)}</RecordField>
        <RecordField label={t('app.ticket.breaches')}>{ticket.breaches}</RecordField>
      </FactGrid>
    </SectionCard>
  );
};

const TicketView = () => {
  const ticket = useRecordContext();
  if (!isDetail(ticket)) return <Loading />;
  return (
    <Stack spacing={2} sx={{ mt: 1, mb: 3 }}>
      <TicketHeader ticket={ticket} />
      {/* minmax(0, …): a long unbroken line wraps in its card instead of widening the page. */}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 2fr) minmax(0, 1fr)' }, gap: 2, alignItems: 'start' }}>
        <Stack spacing={2}>
          <Conversation ticket={ticket} />
          {ticket.closedAt ? <UnsentReply ticket={ticket} /> : <ReplyBox key={ticket.id} ticket={ticket} />}
          <TicketTime ticket={ticket} />
        </Stack>
        <Stack spacing={2}>
          <TicketClocks ticket={ticket} />
          {ticket.closedAt && <Figures ticket={ticket} />}
          <TicketFiles ticket={ticket} />
          <CustomerContext ticket={ticket} />
        </Stack>
      </Box>
    </Stack>
  );
};

const TicketPageTitle = () => {
  const ticket = useRecordContext<TicketDetail>();
  const t = useT();
  return <>{ticket ? `${ticketNumber(ticket)} ${ticket.subject}` : t('app.ticket.title')}</>;
};

export const TicketShow = () => (
  <ShowPage title={<TicketPageTitle />} actions={<TicketActions />} refetchInterval={15_000}>
    <TicketView />
  </ShowPage>
);
