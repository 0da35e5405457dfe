// A support journey's ticket on its journey page: what it is, where it stands, its clocks, and the
// way to its own page (the conversation). Tickets are support's to read: others see nothing here.
import OpenIcon from '@mui/icons-material/OpenInNew';
import { Button, Stack, Typography } from '@mui/material';
import { Link, useCreatePath, useGetList, usePermissions } from 'react-admin';
import { SectionCard } from '../../common/SectionCard';
import { SlaChips } from '../../support/SlaChip';
import { mayWorkSupport, PriorityChip, ticketNumber, TicketStatusChip } from '../../support/ticketFields';
import { useT } from '../../i18n/useT';
import type { JourneyDetail, Role, Ticket } from '../../types';

const JourneyTicket = ({ journey }: { journey: JourneyDetail }) => {
  const createPath = useCreatePath();
  const t = useT();
  const { data } = useGetList<Ticket>('tickets', { filter: { journeyId: journey.id }, sort: { field: 'createdAt', order: 'ASC' }, pagination: { page: 1, perPage: 1 } });
  const ticket = data?.[0];
  if (!ticket) return null;
  const path = createPath({ resource: 'tickets', id: ticket.id, type: 'show' });
  return (
    <SectionCard
      title={t('app.ticket_section.title')}
      action={
        <Button component={Link} to={path} size="small" startIcon={<OpenIcon />}>
          {t('app.ticket_section.open')}
        </Button>
      }
    >
      <Stack spacing={1}>
        <Typography variant="subtitle1" component="p">
          <Link to={path}>
            {ticketNumber(ticket)} {ticket.subject}
          </Link>
        </Typography>
        <Stack direction="row" spacing={1}>
          <TicketStatusChip ticket={ticket} />
          <PriorityChip priority={ticket.priority} />
        </Stack>
        <SlaChips ticket={ticket} />
      </Stack>
    </SectionCard>
  );
};

export const TicketSection = ({ journey }: { journey: JourneyDetail }) => {
  const { permissions } = usePermissions<Role[]>();
  return mayWorkSupport(permissions) ? <JourneyTicket journey={journey} /> : null;
};
