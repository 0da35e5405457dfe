// The inbox's tabs. Each is a filter of GET /api/tasks; "overdue", "escalated", type and role refine any of them.
import { listViews, type ListView } from '../common/listViews';

export type InboxView = ListView & { managersOnly?: boolean };

export const INBOX_VIEWS = listViews<InboxView>([
  {
    id: 'mine',
    label: 'app.tabs.tasks.mine.label',
    filter: { queue: 'mine' },
    empty: { title: 'app.tabs.tasks.mine.title', hint: 'app.tabs.tasks.mine.hint' },
  },
  {
    id: 'my-roles',
    label: 'app.tabs.tasks.my_roles.label',
    filter: { queue: 'my-roles' },
    empty: { title: 'app.tabs.tasks.my_roles.title', hint: 'app.tabs.tasks.my_roles.hint' },
  },
  {
    id: 'all',
    label: 'app.tabs.tasks.all.label',
    filter: { status: 'OPEN' },
    managersOnly: true,
    empty: { title: 'app.tabs.tasks.all.title', hint: 'app.tabs.tasks.all.hint' },
  },
]);
