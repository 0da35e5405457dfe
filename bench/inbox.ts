// `npm run bench:inbox`: the task inbox page with 100,000 tasks in the database — `GET /api/tasks`
// (session auth, zod, visibility rules, Prisma, JSON) against the bare indexed SQL that yields the
// same page (the same 50 rows with their customer and assignee, and the total for the pager),
// measured interleaved in the same run on the same database.
import { Pool } from 'pg';
import { devUserEmail } from '../api/auth/dev-users';
import { interleaved, loginAs, reportAgainstSql, startBenchStack } from './support';

const TASKS = Number(process.env.BENCH_TASKS ?? 100_000);
const JOURNEYS = 5_000;
const N = Number(process.env.BENCH_REQUESTS ?? 300);
const WARMUP = 30;
const ROLES = ['sales', 'pm', 'finance', 'support', 'manager'];

/** Customers, journeys and tasks in bulk with generate_series: realistic spread, seconds to load. */
async function seed(pool: Pool, salesUserId: string) {
  await pool.query(`
    INSERT INTO "Customer" (id, "companyName", "contactName", email, "updatedAt")
    SELECT gen_random_uuid(), 'Company ' || i, 'Contact ' || i, 'c' || i || '@bench.test', now()
    FROM generate_series(1, ${JOURNEYS}) i`);
  await pool.query(`
    INSERT INTO "Journey" (id, kind, "customerId", stage, "updatedAt")
    SELECT 'journey:' || id || ':acquisition:1', 'acquisition', id, 'inquiry', now() FROM "Customer"`);
  await pool.query(
    `
    WITH j AS (SELECT id, row_number() OVER () AS n FROM "Journey")
    INSERT INTO "Task" (id, "journeyId", type, title, role, assignee, status, "dueAt", "updatedAt")
    SELECT gen_random_uuid(), j.id, 'follow-up-call', 'Task ' || i,
           ($2::text[])[1 + i % 5],
           CASE WHEN i % 7 = 0 THEN $1::uuid END,
           (CASE WHEN i % 10 < 7 THEN 'OPEN' WHEN i % 10 < 9 THEN 'COMPLETED' ELSE 'CANCELLED' END)::"TaskStatus",
           now() + ((i % 1440) - 720) * interval '1 hour', now()
    FROM generate_series(1, ${TASKS}) i JOIN j ON j.n = 1 + i % ${JOURNEYS}`,
    [salesUserId, ROLES],
  );
  await pool.query('ANALYZE');
}

// The inbox's "My queues" tab for a salesperson: open, unclaimed tasks of the sales queue, soonest
// due (overdue) first. The visibility rule a non-manager gets is part of the same WHERE.
const BARE_PAGE = `
  SELECT t.*, u.name AS "assigneeName", j.kind, j.stage, c.id AS "customerId", c."companyName"
  FROM "Task" t
  JOIN "Journey" j ON j.id = t."journeyId"
  JOIN "Customer" c ON c.id = j."customerId"
  LEFT JOIN "User" u ON u.id = t.assignee
  WHERE t.role = ANY($1) AND t.assignee IS NULL AND t.status = 'OPEN'
  ORDER BY t."dueAt" ASC, t.id ASC
  LIMIT 50`;
const BARE_COUNT = `SELECT count(*) FROM "Task" t WHERE t.role = ANY($1) AND t.assignee IS NULL AND t.status = 'OPEN'`;

async function main() {
  const stack = await startBenchStack();
  const pool = new Pool({ connectionString: stack.databaseUrl, max: 4 });
  try {
    const token = await loginAs(stack, 'sales');
    const sales = await stack.db.user.findUniqueOrThrow({ where: { email: devUserEmail('sales') } });
    const started = Date.now();
    await seed(pool, sales.id);
    console.log(`Seeded ${TASKS.toLocaleString()} tasks over ${JOURNEYS.toLocaleString()} journeys in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const query = new URLSearchParams({
      filter: JSON.stringify({ queue: 'my-roles' }),
      sort: JSON.stringify(['dueAt', 'ASC']),
      range: JSON.stringify([0, 49]),
    });
    const viaApi = async () => {
      const res = await fetch(`${stack.baseUrl}/api/tasks?${query}`, { headers: { authorization: `Bearer ${token}` } });
      const rows = (await res.json()) as unknown[];
      if (res.status !== 200 || rows.length !== 50) throw new Error(`API answered ${res.status} with ${rows.length} rows`);
    };
    const viaSql = async () => {
      const [page] = await Promise.all([pool.query(BARE_PAGE, [['sales']]), pool.query(BARE_COUNT, [['sales']])]);
      if (page.rowCount !== 50) throw new Error(`SQL returned ${page.rowCount} rows`);
    };

    const [api, bare] = await interleaved(viaApi, viaSql, N, WARMUP);

    console.log(`\nInbox page (50 of the sales queue's open tasks, by due date; ${N} each, interleaved)`);
    reportAgainstSql('inbox', 'GET /api/tasks', api, bare, { tasks: TASKS, pages: N });
  } finally {
    await pool.end();
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
