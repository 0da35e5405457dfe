// The inbox's tabs. Each is a filter of GET /api/tasks; "overdue", "escalated", type and role refine any of them.

export type InboxView = {
  id: string;
  label: string;
  filter: Record<string, unknown>;
  managersOnly?: boolean;
  empty: { title: string; hint: string };
};

export const INBOX_VIEWS: InboxView[] = [
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
];

/** Filter keys that pick a tab; the others refine it and are kept when switching tabs. */
const VIEW_KEYS = ['queue', 'status'];

export const refinements = (filter: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(filter).filter(([key]) => !VIEW_KEYS.includes(key)));

// A tab is picked by its queue; "All open" is the one without a queue.
export const currentView = (filter: Record<string, unknown>) =>
  INBOX_VIEWS.find((view) => view.filter.queue === filter.queue && (filter.queue !== undefined || filter.status === 'OPEN'));
