import { Chip, type ChipProps } from '@mui/material';
import { humanize } from '../common/humanize';
import type { Role, Ticket, TicketPriority } from '../types';

export { CUSTOMER_TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_STATUSES } from '../types';

/** What people quote: T-1042. */
export const ticketNumber = (ticket: Pick<Ticket, 'number'>) => `T-${ticket.number}`;

/** The roles that work tickets (GET /api/tickets answers 403 to the others); admins hold every role. */
export const SUPPORT_ROLES: readonly Role[] = ['support', 'support_lead', 'manager'];
export const mayWorkSupport = (roles: readonly Role[] | undefined) => !!roles?.some((r) => r === 'admin' || SUPPORT_ROLES.includes(r));

const PRIORITY_COLORS: Record<TicketPriority, ChipProps['color']> = { urgent: 'error', high: 'warning', normal: 'default', low: 'default' };

export const PriorityChip = ({ priority }: { priority: TicketPriority }) => (
  <Chip
    size="small"
    label={priority}
    color={PRIORITY_COLORS[priority]}
    variant={priority === 'urgent' || priority === 'high' ? 'filled' : 'outlined'}
    sx={priority === 'low' ? { color: 'text.secondary' } : undefined}
  />
);

const STATUS_LOOK: Record<string, { label: string; color: ChipProps['color']; variant: ChipProps['variant'] }> = {
  new: { label: 'new', color: 'info', variant: 'filled' },
  open: { label: 'open', color: 'info', variant: 'outlined' },
  'waiting-on-customer': { label: 'waiting on customer', color: 'default', variant: 'outlined' },
  resolved: { label: 'resolved', color: 'success', variant: 'outlined' },
  closed: { label: 'closed', color: 'default', variant: 'filled' },
};

const CLOSE_REASONS: Record<string, string> = {
  confirmed: 'confirmed by the customer',
  'no-answer': 'no answer from the customer',
  spam: 'spam',
  duplicate: 'duplicate',
  deflected: 'solved by an article',
};

export const ticketStatusLabel = (status: string) => STATUS_LOOK[status]?.label ?? humanize(status);
export const closeReasonLabel = (reason: string) => CLOSE_REASONS[reason] ?? humanize(reason);

export const TicketStatusChip = ({ ticket }: { ticket: Pick<Ticket, 'status' | 'closeReason'> }) => {
  const look = STATUS_LOOK[ticket.status] ?? { label: humanize(ticket.status), color: 'default', variant: 'outlined' };
  const label = ticket.status === 'closed' && ticket.closeReason ? `closed · ${closeReasonLabel(ticket.closeReason)}` : look.label;
  return <Chip size="small" label={label} color={look.color} variant={look.variant} />;
};

export const choicesOf = (values: readonly string[], label: (v: string) => string = humanize) => values.map((id) => ({ id, name: label(id) }));
