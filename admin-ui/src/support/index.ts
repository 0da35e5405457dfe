import SupportIcon from '@mui/icons-material/SupportAgent';
import type { Ticket } from '../types';
import { TicketCreate } from './RaiseTicket';
import { TicketList } from './TicketList';
import { TicketShow } from './TicketShow';
import { ticketNumber } from './ticketFields';

export default {
  list: TicketList,
  show: TicketShow,
  create: TicketCreate,
  icon: SupportIcon,
  recordRepresentation: (ticket: Ticket) => `${ticketNumber(ticket)} ${ticket.subject}`,
};
