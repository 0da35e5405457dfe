// What the app bar's search answers (GET /api/search): the best few of each kind of record, grouped;
// a group the caller may not read (invoices, tickets) is left out. Pure, like records.ts: the admin
// UI imports these schemas for its types.
import { z } from 'zod';
import { INVOICE_STATUSES, JOURNEY_STATUSES, TASK_STATUSES } from './records';

const date = z.iso.datetime({ offset: true });

export const searchResults = z
  .object({
    q: z.string(),
    customers: z.array(z.object({ id: z.uuid(), companyName: z.string(), contactName: z.string(), email: z.string() })),
    journeys: z.array(z.object({ id: z.string(), kind: z.string(), stage: z.string(), status: z.enum(JOURNEY_STATUSES), companyName: z.string(), startedAt: date })),
    tasks: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.enum(TASK_STATUSES), dueAt: date, journeyId: z.string(), companyName: z.string() })),
    invoices: z.array(z.object({ id: z.uuid(), number: z.string(), status: z.enum(INVOICE_STATUSES), totalMinor: z.int(), currency: z.string(), journeyId: z.string(), companyName: z.string() })).optional(),
    tickets: z.array(z.object({ id: z.uuid(), number: z.int(), subject: z.string(), status: z.string(), companyName: z.string() })).optional(),
  })
  .meta({ id: 'SearchResults' });

export type SearchResults = z.infer<typeof searchResults>;
