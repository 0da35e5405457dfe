// Time worked on a ticket about a project: kept for the record within the project's warranty,
// billed on an invoice of its own when the ticket closes outside it.
import { Link } from 'react-admin';
import { journeyPath } from '../journeys/journeyFields';
import { RecordTimeButton } from '../time/RecordTimeButton';
import { TimeEntriesSection } from '../time/TimeEntriesSection';
import { useT } from '../i18n/useT';
import type { TicketDetail } from '../types';

export const TicketTime = ({ ticket }: { ticket: TicketDetail }) => {
  const t = useT();
  if (!ticket.project) return null;
  const { currency } = ticket.project;
  const billing = t(ticket.billable ? 'app.ticket.time_billable' : 'app.ticket.time_warranty');
  return (
    <TimeEntriesSection
      entries={ticket.timeEntries}
      currency={currency}
      billedOn={() => (ticket.invoice ? <Link to={journeyPath(ticket.invoice.journeyId)}>{ticket.invoice.number}</Link> : t('app.project.billed'))}
      emptyHint={billing}
      action={!ticket.closedAt && <RecordTimeButton currency={currency} intro={billing} record={(api, entry, key) => api.recordTicketTime(ticket.id, entry, key)} />}
    />
  );
};
