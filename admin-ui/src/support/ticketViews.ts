// The support inbox's tabs, each a filter of GET /api/tickets; priority, category, queue, status
// and customer refine any of them. "Mine" needs the person's id, so the tabs are made per person.
import { useMemo } from 'react';
import { useGetIdentity } from 'react-admin';
import { listViews, type ListView } from '../common/listViews';

const OPEN: ListView = {
  id: 'open',
  label: 'Open',
  filter: { open: true },
  empty: { title: 'No open tickets', hint: 'Every customer has an answer. New tickets land here, nearest breach first.' },
};
const BREACHED: ListView = {
  id: 'breached',
  label: 'Breached',
  filter: { open: true, breached: true },
  empty: { title: 'No breaches', hint: 'Every open ticket is within its SLA.' },
};
const CLOSED: ListView = {
  id: 'closed',
  label: 'Closed',
  filter: { open: false },
  empty: { title: 'No closed tickets yet', hint: 'Tickets move here once the customer confirms, nobody answers, or they are closed as spam or duplicates.' },
};
const mine = (userId: string): ListView => ({
  id: 'mine',
  label: 'Mine',
  filter: { open: true, assigneeId: userId },
  empty: { title: 'Nothing assigned to you', hint: 'Tickets routed or assigned to you show here.' },
});

/** The default tab: the whole open inbox. */
export const DEFAULT_TICKET_VIEW = OPEN;

export function useTicketViews() {
  const { identity } = useGetIdentity();
  const userId = identity?.id === undefined ? undefined : String(identity.id);
  return useMemo(() => listViews(userId ? [OPEN, mine(userId), BREACHED, CLOSED] : [OPEN, BREACHED, CLOSED]), [userId]);
}
