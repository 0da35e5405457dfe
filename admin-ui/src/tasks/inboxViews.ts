// The inbox's tabs. Each is a filter of GET /api/tasks; "overdue", "escalated", type and role refine any of them.
import { listViews, type ListView } from '../common/listViews';

export type InboxView = ListView & { managersOnly?: boolean };

export const INBOX_VIEWS = listViews<InboxView>([
  {
    id: 'mine',
    label: 'My tasks',
    filter: { queue: 'mine' },
    empty: { title: 'Nothing on your plate', hint: 'Claim a task from My queues to start on it.' },
  },
  {
    id: 'my-roles',
    label: 'My queues',
    filter: { queue: 'my-roles' },
    empty: { title: 'Your queues are clear', hint: 'New tasks for your roles land here, unclaimed.' },
  },
  {
    id: 'all',
    label: 'All open',
    filter: { status: 'OPEN' },
    managersOnly: true,
    empty: { title: 'No open tasks', hint: 'Every journey is waiting on something other than people.' },
  },
]);
