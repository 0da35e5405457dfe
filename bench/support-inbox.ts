// `npm run bench:support-inbox`: the support inbox's first page with 50,000 open tickets (and
// 10,000 closed) — `GET /api/tickets` sorted by the nearest breach (session auth, zod, Prisma,
// JSON) against the bare SQL that yields the same page (the same 25 rows with their customer's
// name, and the total for the pager), measured interleaved in the same run on the same database.
import { Pool } from 'pg';
import { interleaved, loginAs, reportAgainstSql, startBenchStack } from './support';

const OPEN = Number(process.env.BENCH_TICKETS ?? 50_000);
const CLOSED = OPEN / 5;
const CUSTOMERS = 5_000;
const N = Number(process.env.BENCH_REQUESTS ?? 300);
const WARMUP = 30;
const PRIORITIES = ['urgent', 'high', 'normal', 'low'];

/** Customers, support journeys and tickets in bulk: breaches spread over the next month, some paused (no running clock). */
async function seed(pool: Pool) {
  await pool.query(`
    INSERT INTO "Customer" (id, "companyName", "contactName", email, "updatedAt")
    SELECT gen_random_uuid(), 'Company ' || i, 'Contact ' || i, 'c' || i || '@bench.test', now()
    FROM generate_series(1, ${CUSTOMERS}) i`);
  await pool.query(
    `
    WITH c AS (SELECT id, row_number() OVER () AS n FROM "Customer"),
    t AS (SELECT i, c.id AS customer FROM generate_series(1, ${OPEN + CLOSED}) i JOIN c ON c.n = 1 + i % ${CUSTOMERS}),
    j AS (
      INSERT INTO "Journey" (id, kind, "customerId", stage, "updatedAt")
      SELECT 'journey:' || customer || ':support:' || i, 'support', customer, 'open', now() FROM t RETURNING id
    )
    INSERT INTO "SupportTicket" (id, "journeyId", "customerId", subject, description, category, priority, status, queue, "raisedBy", channel,
                                 "nextBreachAt", "closedAt", "updatedAt")
    SELECT gen_random_uuid(), 'journey:' || customer || ':support:' || i, customer, 'Ticket ' || i, 'Description of ticket ' || i, 'question',
           ($1::text[])[1 + i % 4]::"TicketPriority",
           CASE WHEN i > ${OPEN} THEN 'closed' WHEN i % 5 = 0 THEN 'waiting-on-customer' ELSE 'open' END,
           'general', 'customer', 'customer-link',
           CASE WHEN i <= ${OPEN} AND i % 5 <> 0 THEN now() + ((i * 7919) % 43200) * interval '1 minute' END,
           CASE WHEN i > ${OPEN} THEN now() END,
           now()
    FROM t`,
    [PRIORITIES],
  );
  await pool.query('ANALYZE');
}

// The inbox's default view: open tickets, the nearest breach first, those with no running clock last.
const BARE_PAGE = `
  SELECT t.id, t.number, t."journeyId", t."customerId", t."projectId", t.subject, t.category, t.priority, t.status, t.queue, t."assigneeId",
         t.billable, t.clocks, t."nextBreachAt", t."firstResponseMinutes", t."resolutionMinutes", t.breaches, t."closedAt", t."closeReason",
         t.satisfaction, t."createdAt", c."companyName"
  FROM "SupportTicket" t JOIN "Customer" c ON c.id = t."customerId"
  WHERE t."closedAt" IS NULL
  ORDER BY t."nextBreachAt" ASC NULLS LAST, t.id ASC
  LIMIT 25`;
const BARE_COUNT = `SELECT count(*) FROM "SupportTicket" t WHERE t."closedAt" IS NULL`;

async function main() {
  const stack = await startBenchStack();
  const pool = new Pool({ connectionString: stack.databaseUrl, max: 4 });
  try {
    const started = Date.now();
    await seed(pool);
    console.log(`Seeded ${OPEN.toLocaleString()} open and ${CLOSED.toLocaleString()} closed tickets in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const token = await loginAs(stack, 'support');
    const query = new URLSearchParams({ filter: JSON.stringify({ open: true }), sort: JSON.stringify(['nextBreachAt', 'ASC']), range: JSON.stringify([0, 24]) });
    const viaApi = async () => {
      const res = await fetch(`${stack.baseUrl}/api/tickets?${query}`, { headers: { authorization: `Bearer ${token}` } });
      const rows = (await res.json()) as unknown[];
      if (res.status !== 200 || rows.length !== 25) throw new Error(`API answered ${res.status} with ${rows.length} rows`);
    };
    const viaSql = async () => {
      const [page] = await Promise.all([pool.query(BARE_PAGE), pool.query(BARE_COUNT)]);
      if (page.rowCount !== 25) throw new Error(`SQL returned ${page.rowCount} rows`);
    };
    const [api, bare] = await interleaved(viaApi, viaSql, N, WARMUP);

    console.log(`\nSupport inbox page (25 of ${OPEN.toLocaleString()} open tickets, the nearest breach first; ${N} each, interleaved)`);
    reportAgainstSql('support-inbox', 'GET /api/tickets', api, bare, { tickets: OPEN, pages: N });
  } finally {
    await pool.end();
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
