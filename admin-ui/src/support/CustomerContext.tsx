// Who the ticket is from, beyond its conversation: the customer's other tickets (a pattern, or a
// duplicate) and their latest invoices (a billing question is often about one).
import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { Link, useCreatePath } from 'react-admin';
import { humanize } from '../common/humanize';
import { formatMoney } from '../common/money';
import { calendarDate } from '../common/RelativeTime';
import { SectionCard } from '../common/SectionCard';
import { journeyPath } from '../journeys/journeyFields';
import { balanceOf } from '../invoices/invoiceFields';
import type { TicketDetail } from '../types';
import { ticketNumber, ticketStatusLabel } from './ticketFields';

const Heading = ({ children }: { children: string }) => (
  <Typography variant="overline" component="h3" color="text.secondary" sx={{ px: 2, display: 'block' }}>
    {children}
  </Typography>
);

export const CustomerContext = ({ ticket }: { ticket: TicketDetail }) => {
  const createPath = useCreatePath();
  if (ticket.otherTickets.length === 0 && ticket.recentInvoices.length === 0) return null;
  return (
    <SectionCard title={`About ${ticket.customer.companyName}`} flush>
      {ticket.otherTickets.length > 0 && (
        <>
          <Heading>Other tickets</Heading>
          <List dense disablePadding>
            {ticket.otherTickets.map((t) => (
              <ListItem key={t.id}>
                <ListItemText
                  primary={<Link to={createPath({ resource: 'tickets', id: t.id, type: 'show' })}>{`${ticketNumber(t)} ${t.subject}`}</Link>}
                  secondary={`${ticketStatusLabel(t.status)} · raised ${calendarDate(t.createdAt)}`}
                />
              </ListItem>
            ))}
          </List>
        </>
      )}
      {ticket.recentInvoices.length > 0 && (
        <>
          <Heading>Latest invoices</Heading>
          <List dense disablePadding sx={{ pb: 1 }}>
            {ticket.recentInvoices.map((i) => (
              <ListItem key={i.id}>
                <ListItemText
                  primary={<Link to={journeyPath(i.journeyId)}>{i.number}</Link>}
                  secondary={[
                    humanize(i.status),
                    formatMoney(i.totalMinor, i.currency),
                    balanceOf(i) > 0 ? `${formatMoney(balanceOf(i), i.currency)} due` : undefined,
                    i.dueAt ? `due ${calendarDate(i.dueAt)}` : undefined,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </ListItem>
            ))}
          </List>
        </>
      )}
    </SectionCard>
  );
};
