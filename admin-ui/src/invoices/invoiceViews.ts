// The invoice list's tabs, each a filter of GET /api/invoices; the kind filter refines any of them.
import { listViews } from '../common/listViews';

export const INVOICE_VIEWS = listViews([
  {
    id: 'unpaid',
    label: 'app.tabs.invoices.unpaid.label',
    filter: { unpaid: true },
    empty: { title: 'app.tabs.invoices.unpaid.title', hint: 'app.tabs.invoices.unpaid.hint' },
  },
  {
    id: 'overdue',
    label: 'app.tabs.invoices.overdue.label',
    filter: { overdue: true },
    empty: { title: 'app.tabs.invoices.overdue.title', hint: 'app.tabs.invoices.overdue.hint' },
  },
  {
    id: 'paid',
    label: 'app.tabs.invoices.paid.label',
    filter: { status: 'PAID' },
    empty: { title: 'app.tabs.invoices.paid.title', hint: 'app.tabs.invoices.paid.hint' },
  },
  {
    id: 'all',
    label: 'app.tabs.invoices.all.label',
    filter: {},
    empty: { title: 'app.tabs.invoices.all.title', hint: 'app.tabs.invoices.all.hint' },
  },
]);
