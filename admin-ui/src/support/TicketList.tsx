// The support inbox: tickets with their SLA clocks, the nearest breach first (breached ones at the
// top), filtered by tab and by priority, category, queue, status, assignee and customer; bulk
// assign, reprioritise and close as spam. Polled: clocks run and tickets arrive while it is open.
import SupportIcon from '@mui/icons-material/SupportAgent';
import { Box, Typography } from '@mui/material';
import { CreateButton, DataTable, FilterButton, SelectInput, TextInput, TopToolbar, useGetList } from 'react-admin';
import { List } from '../common/List';
import { lateRowSx } from '../common/lateRow';
import { ListLoadError } from '../common/LoadError';
import { RelativeTime } from '../common/RelativeTime';
import { CompactList, ResponsiveList } from '../common/ResponsiveList';
import { RowLink } from '../common/RowLink';
import { useUserNames, useUsers } from '../common/useUserNames';
import { ViewEmpty, ViewTabs } from '../common/ViewTabs';
import type { Customer, Ticket } from '../types';
import { SlaChips } from './SlaChip';
import { clocksOf, readClock } from './slaClocks';
import { TicketBulkActions } from './TicketBulkActions';
import {
  choicesOf,
  CUSTOMER_TICKET_CATEGORIES,
  PriorityChip,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  ticketNumber,
  ticketStatusLabel,
  TicketStatusChip,
} from './ticketFields';
import { DEFAULT_TICKET_VIEW, useTicketViews } from './ticketViews';

const Column = DataTable.Col<Ticket>;
const REFRESH_MS = 30_000;

const AssigneeFilter = (props: { source: string; label?: string }) => {
  const { data } = useUsers();
  const agents = (data ?? []).filter((u) => u.roles.some((r) => r === 'support' || r === 'support_lead' || r === 'manager'));
  return <SelectInput {...props} choices={agents.map((u) => ({ id: u.id, name: u.name }))} />;
};

// The API has no search of customers by name: the first 200 by name make the choices.
const CustomerFilter = (props: { source: string; label?: string }) => {
  const { data } = useGetList<Customer>('customers', { pagination: { page: 1, perPage: 200 }, sort: { field: 'companyName', order: 'ASC' } });
  return <SelectInput {...props} choices={(data ?? []).map((c) => ({ id: c.id, name: c.companyName }))} />;
};

const filters = [
  <SelectInput key="priority" source="priority" choices={choicesOf(TICKET_PRIORITIES, (p) => p)} />,
  <SelectInput key="category" source="category" choices={choicesOf(CUSTOMER_TICKET_CATEGORIES)} />,
  <TextInput key="queue" source="queue" />,
  <SelectInput key="status" source="status" choices={choicesOf(TICKET_STATUSES, ticketStatusLabel)} />,
  <AssigneeFilter key="assigneeId" source="assigneeId" />,
  <CustomerFilter key="customerId" source="customerId" />,
];

const InboxActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="app.lists.raise_ticket" />
  </TopToolbar>
);

const InboxTabs = () => {
  const views = useTicketViews();
  return <ViewTabs views={views} refreshMs={REFRESH_MS} />;
};

/** Something on it is breached (or breaching now), still open. */
const isLate = (ticket: Ticket) => !ticket.closedAt && clocksOf(ticket.clocks).some(({ clock }) => readClock(clock, ticket.status).tone === 'breached' && !clock.stoppedAt);

const TicketTitle = ({ ticket }: { ticket: Ticket }) => (
  <>
    <Typography variant="body2" sx={{ fontWeight: 500 }}>
      <RowLink>{ticket.subject}</RowLink>
    </Typography>
    <Typography variant="caption" color="text.secondary">
      {ticketNumber(ticket)} · {ticket.customer.companyName} · {ticket.category}
    </Typography>
  </>
);

const Assignee = ({ ticket }: { ticket: Ticket }) => {
  const userName = useUserNames();
  return (
    <>
      <Typography variant="body2" color={ticket.assigneeId ? undefined : 'text.secondary'}>
        {ticket.assigneeId ? (userName(ticket.assigneeId) ?? '…') : 'unassigned'}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {ticket.queue} queue
      </Typography>
    </>
  );
};

const InboxEmpty = () => <ViewEmpty views={useTicketViews()} icon={<SupportIcon />} noun="tickets" />;

const InboxTable = () => (
  <DataTable rowClick="show" rowSx={(t) => (isLate(t) ? lateRowSx : {})} bulkActionButtons={<TicketBulkActions />} empty={<InboxEmpty />}>
    <Column source="subject" disableSort render={(t) => <TicketTitle ticket={t} />} />
    <Column source="priority" render={(t) => <PriorityChip priority={t.priority} />} />
    <Column source="status" disableSort render={(t) => <TicketStatusChip ticket={t} />} />
    {/* The inbox's own order: the nearest breach first. */}
    <Column source="nextBreachAt" render={(t) => <SlaChips ticket={t} />} />
    <Column source="assigneeId" disableSort render={(t) => <Assignee ticket={t} />} />
    <Column source="createdAt" sortByOrder="DESC" render={(t) => <RelativeTime date={t.createdAt} />} />
  </DataTable>
);

/** On a phone: one compact block per ticket, the clocks under its subject. */
const InboxCards = () => (
  <CompactList<Ticket>
    primary={(t) => t.subject}
    tertiary={(t) => <RelativeTime date={t.createdAt} />}
    secondary={(t) => `${ticketNumber(t)} · ${t.customer.companyName} · ${t.category}`}
    chips={(t) => (
      <>
        <PriorityChip priority={t.priority} />
        <TicketStatusChip ticket={t} />
        <Box sx={{ flexBasis: '100%' }}>
          <SlaChips ticket={t} />
        </Box>
      </>
    )}
    rowSx={(t) => (isLate(t) ? lateRowSx : {})}
    empty={<InboxEmpty />}
  />
);

export const TicketList = () => {
  const views = useTicketViews();
  return (
    <List
      filters={filters}
      actions={<InboxActions />}
      filterDefaultValues={DEFAULT_TICKET_VIEW.filter}
      sort={{ field: 'nextBreachAt', order: 'ASC' }}
      perPage={25}
      exporter={false}
      empty={false}
      error={<ListLoadError />}
      queryOptions={{ refetchInterval: REFRESH_MS }}
    >
      <InboxTabs />
      <ResponsiveList phone={<InboxCards />} views={views}>
        <InboxTable />
      </ResponsiveList>
    </List>
  );
};
