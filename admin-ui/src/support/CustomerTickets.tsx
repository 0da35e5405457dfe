// A customer's tickets on their page, newest first, with the button to raise one (support roles only).
import SupportIcon from '@mui/icons-material/SupportAgent';
import { DataTable, ListContextProvider, ResourceContextProvider, useList, useGetList, usePermissions } from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { RelativeTime } from '../common/RelativeTime';
import { SectionCard, sectionTableSx } from '../common/SectionCard';
import { useT } from '../i18n/useT';
import type { Customer, Role, Ticket } from '../types';
import { RaiseTicketButton } from './RaiseTicket';
import { SlaChips } from './SlaChip';
import { mayWorkSupport, ticketNumber, TicketStatusChip } from './ticketFields';

const Column = DataTable.Col<Ticket>;

const TicketsTable = ({ customer }: { customer: Pick<Customer, 'id' | 'companyName'> }) => {
  const { data, isPending } = useGetList<Ticket>('tickets', {
    filter: { customerId: customer.id },
    sort: { field: 'createdAt', order: 'DESC' },
    pagination: { page: 1, perPage: 50 },
  });
  const list = useList({ data: data ?? [], isPending });
  const t = useT();
  return (
    <SectionCard title={t('app.ticket.tickets')} flush action={<RaiseTicketButton customer={customer} />}>
      <ResourceContextProvider value="tickets">
        <ListContextProvider value={list}>
          <DataTable rowClick="show" bulkActionButtons={false} empty={<EmptyState dense icon={<SupportIcon />} title={t('app.ticket.no_tickets')} />} sx={sectionTableSx}>
            <Column source="subject" label={t('resources.tickets.fields.subject')} render={(ticket) => `${ticketNumber(ticket)} ${ticket.subject}`} />
            <Column source="status" render={(ticket) => <TicketStatusChip ticket={ticket} />} />
            <Column source="nextBreachAt" label={t('resources.tickets.fields.nextBreachAt')} render={(ticket) => <SlaChips ticket={ticket} />} />
            <Column source="createdAt" label={t('resources.tickets.fields.createdAt')} render={(ticket) => <RelativeTime date={ticket.createdAt} />} />
          </DataTable>
        </ListContextProvider>
      </ResourceContextProvider>
    </SectionCard>
  );
};

export const CustomerTickets = ({ customer }: { customer: Pick<Customer, 'id' | 'companyName'> }) => {
  const { permissions } = usePermissions<Role[]>();
  return mayWorkSupport(permissions) ? <TicketsTable customer={customer} /> : null;
};
