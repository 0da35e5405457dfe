// The support inbox's tabs, each a filter of GET /api/tickets; priority, category, queue, status
// and customer refine any of them. "Mine" needs the person's id, so the tabs are made per person.
import { useMemo } from 'react';
import { useGetIdentity } from 'react-admin';
import { listViews, type ListView } from '../common/listViews';

const OPEN: ListView = {
  id: 'open',
  label: 'app.tabs.tickets.open.label',
  filter: { open: true },
  empty: { title: 'app.tabs.tickets.open.title', hint: 'app.tabs.tickets.open.hint' },
};
const BREACHED: ListView = {
  id: 'breached',
  label: 'app.tabs.tickets.breached.label',
  filter: { open: true, breached: true },
  empty: { title: 'app.tabs.tickets.breached.title', hint: 'app.tabs.tickets.breached.hint' },
};
const CLOSED: ListView = {
  id: 'closed',
  label: 'app.tabs.tickets.closed.label',
  filter: { open: false },
  empty: { title: 'app.tabs.tickets.closed.title', hint: 'app.tabs.tickets.closed.hint' },
};
const mine = (userId: string): ListView => ({
  id: 'mine',
  label: 'app.tabs.tickets.mine.label',
  filter: { open: true, assigneeId: userId },
  empty: { title: 'app.tabs.tickets.mine.title', hint: 'app.tabs.tickets.mine.hint' },
});

/** The default tab: the whole open inbox. */
export const DEFAULT_TICKET_VIEW = OPEN;

export function useTicketViews() {
  const { identity } = useGetIdentity();
  const userId = identity?.id === undefined ? undefined : String(identity.id);
  return useMemo(() => listViews(userId ? [OPEN, mine(userId), BREACHED, CLOSED] : [OPEN, BREACHED, CLOSED]), [userId]);
}
