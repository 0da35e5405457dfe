// The journey list's tabs, each a filter of GET /api/journeys; kind, stage and the waiting-on
// filters refine any of them.
import { listViews, type ListView } from '../common/listViews';

export type JourneyView = ListView & { managersOnly?: boolean };

export const JOURNEY_VIEWS = listViews<JourneyView>([
  {
    id: 'running',
    label: 'Running',
    filter: { status: 'RUNNING' },
    empty: { title: 'No running journeys', hint: 'A journey starts when a lead comes in through the contact form.' },
  },
  {
    id: 'failed',
    label: 'Failed',
    filter: { status: 'FAILED' },
    managersOnly: true,
    empty: { title: 'No failed journeys', hint: 'A journey that cannot go on shows here with the reason, to retry once its cause is fixed.' },
  },
  {
    id: 'all',
    label: 'All',
    filter: {},
    empty: { title: 'No journeys yet', hint: 'A journey starts when a lead comes in through the contact form.' },
  },
]);
