// A customer's tickets on their page, newest first, with the button to raise one (support roles only).
import SupportIcon from '@mui/icons-material/SupportAgent';
import { DataTable, ListContextProvider, ResourceContextProvider, useList, useGetList, usePermissions } from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { RelativeTime } from '../common/RelativeTime';
import { SectionCard, sectionTableSx } from '../common/SectionCard';
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
  return (
    <SectionCard title="Tickets" flush action={<RaiseTicketButton customer={customer} />}>
      <ResourceContextProvider value="tickets">
        <ListContextProvider value={list}>
          <DataTable rowClick="show" bulkActionButtons={false} empty={<EmptyState dense icon={<SupportIcon />} title="No tickets" />} sx={sectionTableSx}>
            <Column source="subject" label="Ticket" render={(t) => `${ticketNumber(t)} ${t.subject}`} />
            <Column source="status" render={(t) => <TicketStatusChip ticket={t} />} />
            <Column source="nextBreachAt" label="SLA" render={(t) => <SlaChips ticket={t} />} />
            <Column source="createdAt" label="Raised" render={(t) => <RelativeTime date={t.createdAt} />} />
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
