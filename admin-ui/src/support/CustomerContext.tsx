// Who the ticket is from, beyond its conversation: the customer's other tickets (a pattern, or a
// duplicate) and their latest invoices (a billing question is often about one).
import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { Link, useCreatePath } from 'react-admin';
import { formatMoney } from '../common/money';
import { calendarDate } from '../common/RelativeTime';
import { SectionCard } from '../common/SectionCard';
import { useStatusLabel } from '../common/StatusChip';
import { useT } from '../i18n/useT';
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
  const t = useT();
  const status = useStatusLabel();
  if (ticket.otherTickets.length === 0 && ticket.recentInvoices.length === 0) return null;
  return (
    <SectionCard title={t('app.ticket.about', { customer: ticket.customer.companyName })} flush>
      {ticket.otherTickets.length > 0 && (
        <>
          <Heading>{t('app.ticket.other_tickets')}</Heading>
          <List dense disablePadding>
            {ticket.otherTickets.map((other) => (
              <ListItem key={other.id}>
                <ListItemText
                  primary={<Link to={createPath({ resource: 'tickets', id: other.id, type: 'show' })}>{`${ticketNumber(other)} ${other.subject}`}</Link>}
                  secondary={t('app.ticket.status_raised', { status: ticketStatusLabel(other.status), date: calendarDate(other.createdAt) })}
                />
              </ListItem>
            ))}
          </List>
        </>
      )}
      {ticket.recentInvoices.length > 0 && (
        <>
          <Heading>{t('app.ticket.latest_invoices')}</Heading>
          <List dense disablePadding sx={{ pb: 1 }}>
            {ticket.recentInvoices.map((i) => (
              <ListItem key={i.id}>
                <ListItemText
                  primary={<Link to={journeyPath(i.journeyId)}>{i.number}</Link>}
                  secondary={[
                    status(i.status),
                    formatMoney(i.totalMinor, i.currency),
                    balanceOf(i) > 0 ? t('app.ticket.amount_due', { amount: formatMoney(balanceOf(i), i.currency) }) : undefined,
                    i.dueAt ? t('app.ticket.due_on', { date: calendarDate(i.dueAt) }) : undefined,
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
