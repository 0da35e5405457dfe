import { Chip, type ChipProps } from '@mui/material';
import { humanize } from '../common/humanize';
import { translateNow } from '../i18n/i18nProvider';
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
    label={translateNow(`app.ticket.priorities.${priority}`, { _: priority })}
    color={PRIORITY_COLORS[priority]}
    variant={priority === 'urgent' || priority === 'high' ? 'filled' : 'outlined'}
    sx={priority === 'low' ? { color: 'text.secondary' } : undefined}
  />
);

const STATUS_LOOK: Record<string, { color: ChipProps['color']; variant: ChipProps['variant'] }> = {
  new: { color: 'info', variant: 'filled' },
  open: { color: 'info', variant: 'outlined' },
  'waiting-on-customer': { color: 'default', variant: 'outlined' },
  resolved: { color: 'success', variant: 'outlined' },
  closed: { color: 'default', variant: 'filled' },
};

// Statuses and close reasons in words are the catalogue's (app.ticket.statuses, app.ticket.close_reasons).
export const ticketStatusLabel = (status: string) => translateNow(`app.ticket.statuses.${status}`, { _: humanize(status) });
export const closeReasonLabel = (reason: string) => translateNow(`app.ticket.close_reasons.${reason}`, { _: humanize(reason) });

export const TicketStatusChip = ({ ticket }: { ticket: Pick<Ticket, 'status' | 'closeReason'> }) => {
  const look = STATUS_LOOK[ticket.status] ?? { color: 'default', variant: 'outlined' };
  const label =
    ticket.status === 'closed' && ticket.closeReason ? translateNow('app.ticket.closed_because', { reason: closeReasonLabel(ticket.closeReason) }) : ticketStatusLabel(ticket.status);
  return <Chip size="small" label={label} color={look.color} variant={look.variant} />;
};

export const choicesOf = (values: readonly string[], label: (v: string) => string = humanize) => values.map((id) => ({ id, name: label(id) }));
