// The journey list's tabs, each a filter of GET /api/journeys; kind, stage and the waiting-on
// filters refine any of them.
import { listViews, type ListView } from '../common/listViews';

export type JourneyView = ListView & { managersOnly?: boolean };

export const JOURNEY_VIEWS = listViews<JourneyView>([
  {
    id: 'running',
    label: 'app.tabs.journeys.running.label',
    filter: { status: 'RUNNING' },
    empty: { title: 'app.tabs.journeys.running.title', hint: 'app.tabs.journeys.running.hint' },
  },
  {
    id: 'failed',
    label: 'app.tabs.journeys.failed.label',
    filter: { status: 'FAILED' },
    managersOnly: true,
    empty: { title: 'app.tabs.journeys.failed.title', hint: 'app.tabs.journeys.failed.hint' },
  },
  {
    id: 'all',
    label: 'app.tabs.journeys.all.label',
    filter: {},
    empty: { title: 'app.tabs.journeys.all.title', hint: 'app.tabs.journeys.all.hint' },
  },
]);
