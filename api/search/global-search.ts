// The app bar's search: what a person types (a few letters of a name, an email, a company, an
// invoice or ticket number, a task's title, a journey id) found across customers, journeys, tasks,
// invoices and tickets, grouped by type. Every word typed must appear somewhere in a record's text,
// matched with ILIKE over the trigram indexes of migration 20261203093000_global_search; a record of
// a customer whose name matches is found too (their journeys, tasks, invoices and tickets), after
// the records that match themselves. Each group holds only what the caller may read.
import { Prisma } from '../../prisma/generated/client';
import { isManager, mayRead, type Principal } from '../auth/roles';
import type { Db } from '../../platform/db';

/** Hits per group: a search box shows the best few; the lists behind it show the rest. */
export const HITS_PER_GROUP = 5;
/** Customers whose records are searched too: the best matches, enough for a company's name. */
const MATCHED_CUSTOMERS = 20;

/** At most this many words: each is a condition on every table searched. */
export const MAX_WORDS = 10;

export const wordsOf = (q: string) => q.split(/\s+/).filter(Boolean);

/** `q`'s words as ILIKE patterns, wildcards typed by the person taken literally. */
export function wordPatterns(q: string): string[] {
  const words = wordsOf(q);
  return words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

/** Every word somewhere in `haystack` (an SQL expression the trigram indexes cover). */
const allWordsIn = (haystack: Prisma.Sql, patterns: string[]) => Prisma.join(
  patterns.map((p) => Prisma.sql`${haystack} ILIKE ${p}`),
  ' AND ',
);

const CUSTOMER_TEXT = Prisma.sql`(c."companyName" || ' ' || c."contactName" || ' ' || c.email)`;
const TICKET_TEXT = Prisma.sql`('T-' || t.number::text || ' ' || t.subject)`;

type Hits = {
  journeys: { id: string; kind: string; stage: string; status: string; companyName: string; startedAt: Date }[];
  tasks: { id: string; title: string; status: string; dueAt: Date; journeyId: string; companyName: string }[];
  invoices: { id: string; number: string; status: string; totalMinor: number; currency: string; journeyId: string; companyName: string }[];
  tickets: { id: string; number: number; subject: string; status: string; companyName: string }[];
};

/** The best few of each group the caller may read; `q` is the validated search text. */
export async function globalSearch(db: Db, p: Principal, q: string) {
  const patterns = wordPatterns(q);
  const matched = await db.$queryRaw<Array<{ id: string; companyName: string; contactName: string; email: string }>>`
    SELECT c.id, c."companyName", c."contactName", c.email FROM "Customer" c
    WHERE ${allWordsIn(CUSTOMER_TEXT, patterns)}
    ORDER BY similarity(${CUSTOMER_TEXT}, ${q}) DESC, c."createdAt" DESC
    LIMIT ${MATCHED_CUSTOMERS}`;
  const customerIds = matched.map((c) => c.id);
  // Records matching themselves first, then those of a matching customer, the newest first.
  const ofCustomer = (column: Prisma.Sql) => (customerIds.length ? Prisma.sql`${column} = ANY(${customerIds}::uuid[])` : Prisma.sql`false`);
  const rank = (haystack: Prisma.Sql) => Prisma.sql`(${allWordsIn(haystack, patterns)}) DESC, similarity(${haystack}, ${q}) DESC`;
  // The candidates as a union of two index reads (the text's trigram index, the customer's index):
  // one OR over both would read the whole table.
  const candidates = (matchingItself: Prisma.Sql, ofMatchedCustomer: Prisma.Sql) => Prisma.sql`(${matchingItself} UNION ${ofMatchedCustomer})`;

  const journeys = db.$queryRaw<Hits['journeys']>`
    SELECT j.id, j.kind, j.stage, j.status::text AS status, c."companyName", j."startedAt"
    FROM "Journey" j JOIN "Customer" c ON c.id = j."customerId"
    WHERE j.id IN ${candidates(
      Prisma.sql`SELECT j.id FROM "Journey" j WHERE ${allWordsIn(Prisma.sql`j.id`, patterns)}`,
      Prisma.sql`SELECT j.id FROM "Journey" j WHERE ${ofCustomer(Prisma.sql`j."customerId"`)}`,
    )}
    ORDER BY ${rank(Prisma.sql`j.id`)}, j."startedAt" DESC, j.id
    LIMIT ${HITS_PER_GROUP}`;

  // Managers see every task; anyone else those of their queues, held or completed by them (api/domain/task-access.ts).
  const visible = isManager(p)
    ? Prisma.sql`true`
    : Prisma.sql`(t.role = ANY(${p.roles}::text[]) OR t.assignee = ${p.id}::uuid OR t."completedBy" = ${p.id})`;
  const tasks = db.$queryRaw<Hits['tasks']>`
    SELECT t.id, t.title, t.status::text AS status, t."dueAt", t."journeyId", c."companyName"
    FROM "Task" t JOIN "Journey" j ON j.id = t."journeyId" JOIN "Customer" c ON c.id = j."customerId"
    WHERE ${visible} AND t.id IN ${candidates(
      Prisma.sql`SELECT t.id FROM "Task" t WHERE ${allWordsIn(Prisma.sql`t.title`, patterns)}`,
      Prisma.sql`SELECT t.id FROM "Task" t JOIN "Journey" j ON j.id = t."journeyId" WHERE ${ofCustomer(Prisma.sql`j."customerId"`)}`,
    )}
    ORDER BY ${rank(Prisma.sql`t.title`)}, (t.status = 'OPEN') DESC, t."createdAt" DESC, t.id
    LIMIT ${HITS_PER_GROUP}`;

  const invoices = mayRead(p, 'invoices')
    ? db.$queryRaw<Hits['invoices']>`
        SELECT i.id, i.number, i.status::text AS status, i."totalMinor", i.currency, i."journeyId", c."companyName"
        FROM "Invoice" i JOIN "Customer" c ON c.id = i."customerId"
        WHERE i.id IN ${candidates(
          Prisma.sql`SELECT i.id FROM "Invoice" i WHERE ${allWordsIn(Prisma.sql`i.number`, patterns)}`,
          Prisma.sql`SELECT i.id FROM "Invoice" i WHERE ${ofCustomer(Prisma.sql`i."customerId"`)}`,
        )}
        ORDER BY ${rank(Prisma.sql`i.number`)}, i."createdAt" DESC, i.id
        LIMIT ${HITS_PER_GROUP}`
    : undefined;

  const tickets = mayRead(p, 'tickets')
    ? db.$queryRaw<Hits['tickets']>`
        SELECT t.id, t.number, t.subject, t.status, c."companyName"
        FROM "SupportTicket" t JOIN "Customer" c ON c.id = t."customerId"
        WHERE t.id IN ${candidates(
          Prisma.sql`SELECT t.id FROM "SupportTicket" t WHERE ${allWordsIn(TICKET_TEXT, patterns)}`,
          Prisma.sql`SELECT t.id FROM "SupportTicket" t WHERE ${ofCustomer(Prisma.sql`t."customerId"`)}`,
        )}
        ORDER BY ${rank(TICKET_TEXT)}, t."createdAt" DESC, t.id
        LIMIT ${HITS_PER_GROUP}`
    : undefined;

  const [j, t, i, k] = await Promise.all([journeys, tasks, invoices, tickets]);
  return { q, customers: matched.slice(0, HITS_PER_GROUP), journeys: j, tasks: t, ...(i && { invoices: i }), ...(k && { tickets: k }) };
}
