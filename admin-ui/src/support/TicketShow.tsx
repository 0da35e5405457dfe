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
  if (!isDetail(ticket)) return <TopToolbar />;
  return (
    <TopToolbar sx={{ gap: 1, flexWrap: 'wrap' }}>
      <Button component={Link} to={journeyPath(ticket.journeyId)} startIcon={<JourneyIcon />}>
        Journey
      </Button>
      {!ticket.closedAt && <TriageButton ticket={ticket} />}
      {!ticket.closedAt && <CloseTicketButton ticket={ticket} />}
    </TopToolbar>
  );
};

const Warranty = ({ ticket }: { ticket: TicketDetail }) =>
  ticket.billable ? (
    <Chip size="small" color="warning" variant="outlined" label="billable" title="Outside its project's warranty: time on it is billed, and the customer was told" />
  ) : ticket.warrantyEndsAt ? (
    <Chip size="small" color="success" variant="outlined" label={`warranty until ${calendarDate(ticket.warrantyEndsAt)}`} />
  ) : null;

const TicketHeader = ({ ticket }: { ticket: TicketDetail }) => {
  const createPath = useCreatePath();
  const userName = useUserNames();
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
          <RecordField label="Assignee">{ticket.assigneeId ? (userName(ticket.assigneeId) ?? '…') : 'unassigned'}</RecordField>
          <RecordField label="Queue">{ticket.queue}</RecordField>
          <RecordField label="Category">{ticket.category}</RecordField>
          <RecordField label="Raised">
            <RelativeTime date={ticket.createdAt} />
          </RecordField>
          {ticket.project && (
            <RecordField label="Project">
              {ticket.project.deliveryJourneyId ? <Link to={journeyPath(ticket.project.deliveryJourneyId)}>{ticket.project.name}</Link> : ticket.project.name}
            </RecordField>
          )}
          {ticket.closedAt && (
            <RecordField label="Closed">
              <RelativeTime date={ticket.closedAt} />
              {ticket.closeReason && ` · ${closeReasonLabel(ticket.closeReason)}`}
            </RecordField>
          )}
          {ticket.mergedIntoId && (
            <RecordField label="Duplicate of">
              <Link to={createPath({ resource: 'tickets', id: ticket.mergedIntoId, type: 'show' })}>the ticket it was merged into</Link>
            </RecordField>
          )}
          {ticket.satisfaction !== null && <RecordField label="Rating">{ticket.satisfaction} / 5</RecordField>}
        </FactGrid>
      </CardContent>
    </Card>
  );
};

/** Once closed: the figures it keeps, in business time. */
const Figures = ({ ticket }: { ticket: TicketDetail }) => (
  <SectionCard title="Figures">
    <FactGrid>
      <RecordField label="First response">{ticket.firstResponseMinutes === null ? '—' : `${ticket.firstResponseMinutes} business min`}</RecordField>
      <RecordField label="Resolution">{ticket.resolutionMinutes === null ? '—' : `${ticket.resolutionMinutes} business min`}</RecordField>
      <RecordField label="Breaches">{ticket.breaches}</RecordField>
    </FactGrid>
  </SectionCard>
);

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
  return <>{ticket ? `${ticketNumber(ticket)} ${ticket.subject}` : 'Ticket'}</>;
};

export const TicketShow = () => (
  <ShowPage title={<TicketPageTitle />} actions={<TicketActions />} refetchInterval={15_000}>
    <TicketView />
  </ShowPage>
);
