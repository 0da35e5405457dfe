// The invoice list's tabs, each a filter of GET /api/invoices; the kind filter refines any of them.
import { listViews } from '../common/listViews';

export const INVOICE_VIEWS = listViews([
  {
    id: 'unpaid',
    label: 'Unpaid',
    filter: { unpaid: true },
    empty: { title: 'Nothing is owed', hint: 'Every invoice issued so far is paid.' },
  },
  {
    id: 'overdue',
    label: 'Overdue',
    filter: { overdue: true },
    empty: { title: 'Nothing is overdue', hint: 'Every unpaid invoice is still within its terms.' },
  },
  {
    id: 'paid',
    label: 'Paid',
    filter: { status: 'PAID' },
    empty: { title: 'No paid invoices yet', hint: 'Invoices move here once paid in full.' },
  },
  {
    id: 'all',
    label: 'All',
    filter: {},
    empty: { title: 'No invoices yet', hint: 'Deposits are invoiced when a contract is signed, milestones as the customer accepts them.' },
  },
]);
