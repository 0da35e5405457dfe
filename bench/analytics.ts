// `npm run bench:analytics`: the analytics page's five reports at 100,000 journeys (70,000
// acquisitions, 20,000 deliveries, 10,000 support tickets over the last year) with 1,200,000 stage
// events and 800,000 waits — each `GET /api/analytics/…` for the page's default question (the last
// 90 days, acquisitions) against a bare SQL floor: one statement that reads the rows the report
// depends on (the cohort's stage times, its waits, the waits' daily rollup and the waits open at a
// period's end, the tickets) and computes nothing from them, measured interleaved in the
// same run on the same database.
import { Pool, type PoolClient } from 'pg';
import { interleaved, loginAs, reportAgainstSql, startBenchStack } from './support';

const JOURNEYS = Number(process.env.BENCH_JOURNEYS ?? 100_000);
const STAGE_EVENTS_PER_JOURNEY = 12;
const WAITS_PER_JOURNEY = 8;
const CUSTOMERS = JOURNEYS / 5;
const N = Number(process.env.BENCH_REQUESTS ?? 60);
const WARMUP = 5;

const KINDS = [
  { kind: 'acquisition', share: 0.7, stages: ['inquiry', 'discovery', 'proposal', 'customer-review', 'contract', 'deposit', 'delivery'] },
  { kind: 'delivery', share: 0.2, stages: ['kickoff', 'plan-review', 'in-progress', 'sign-off', 'billing'] },
  { kind: 'support', share: 0.1, stages: ['new', 'open', 'waiting-on-customer', 'resolved', 'closed'] },
];

/**
 * Journeys started over the last year, each reaching a depth of its kind's map and looping within
 * it; their waits, tasks, leads and tickets. Written in bulk with the rollup triggers off (one
 * connection, `session_replication_role`), then the rollups filled by the migration's own functions.
 */
export async function seedAnalyticsBench(pools: Pool) {
  const pool = await pools.connect();
  await pool.query(`SET session_replication_role = replica`);
  try {
    await seed(pool);
    await pool.query(`SELECT stage_time_fill(), wait_day_fill()`);
  } finally {
    await pool.query(`SET session_replication_role = DEFAULT`);
    pool.release();
  }
  // Autovacuum would have run on tables this size (and set the visibility map index-only scans need).
  await pools.query('VACUUM ANALYZE');
}

async function seed(pool: PoolClient) {
  await pool.query(`
    INSERT INTO "Customer" (id, "companyName", "contactName", email, "updatedAt")
    SELECT gen_random_uuid(), 'Company ' || i, 'Contact ' || i, 'c' || i || '@bench.test', now() FROM generate_series(1, ${CUSTOMERS}) i`);
  let first = 1;
  for (const k of KINDS) {
    const last = first + Math.round(JOURNEYS * k.share) - 1;
    await pool.query(
      `
      WITH c AS (SELECT id, row_number() OVER () AS n FROM "Customer")
      INSERT INTO "Journey" (id, kind, "customerId", status, stage, "startedAt", "endedAt", "endReason", "updatedAt")
      SELECT 'journey:' || c.id || ':' || $1 || ':' || i, $1, c.id,
             (CASE WHEN i % 10 < 3 THEN 'RUNNING' WHEN i % 10 < 6 THEN 'LOST' ELSE 'COMPLETED' END)::"JourneyStatus",
             ($2::text[])[1 + (i * 31) % array_length($2::text[], 1)],
             now() - ((i * 7919) % 525600) * interval '1 minute',
             CASE WHEN i % 10 >= 3 THEN now() - ((i * 7919) % 525600) * interval '1 minute' + 60 * interval '1 hour' END,
             CASE WHEN i % 10 BETWEEN 3 AND 5 THEN 'Reason ' || i % 4 END, now()
      FROM generate_series(${first}, ${last}) i JOIN c ON c.n = 1 + i % ${CUSTOMERS}`,
      [k.kind, k.stages],
    );
    // Stage g of a journey that reached depth d is stage (g - 1) mod d: every journey loops over the stages it reached.
    await pool.query(
      `
      INSERT INTO "JourneyEvent" (key, "journeyId", type, data, at)
      SELECT 'stage:' || j.id || ':' || g, j.id, 'stage_entered',
             jsonb_build_object('stage', ($2::text[])[1 + (g - 1) % (1 + (j.n * 31) % array_length($2::text[], 1))]),
             j."startedAt" + g * interval '5 hours'
      FROM (SELECT id, "startedAt", split_part(id, ':', 4)::int AS n FROM "Journey" WHERE kind = $1) j, generate_series(1, ${STAGE_EVENTS_PER_JOURNEY}) g`,
      [k.kind, k.stages],
    );
    first = last + 1;
  }
  // The stage-visit rollup recordStage keeps beside each event, in the order it appends them (by time).
  await pool.query(`
    INSERT INTO "StageVisit" (id, "journeyId", kind, "journeyStartedAt", stage, "enteredAt", "leftAt", "nextStage")
    SELECT e.key, e."journeyId", j.kind, j."startedAt", e.data->>'stage', e.at, lead(e.at) OVER w, lead(e.data->>'stage') OVER w
    FROM "JourneyEvent" e JOIN "Journey" j ON j.id = e."journeyId"
    WINDOW w AS (PARTITION BY e."journeyId" ORDER BY e.at, e.id)
    ORDER BY e.at`);
  await pool.query(`
    INSERT INTO "Inquiry" (id, "customerId", "journeyId", "projectType", "budgetRange", timeline, description, "receivedAt")
    SELECT gen_random_uuid(), "customerId", id, 'Type ' || (hashtext(id) & 7), 'Budget ' || (hashtext(id) & 3), 'soon', 'bench', "startedAt"
    FROM "Journey" WHERE kind = 'acquisition'`);
  // Every other wait a human task (with its task row), the others on the customer; 5% still open.
  await pool.query(`
    WITH w AS (
      SELECT j.id AS journey, j.kind AS journey_kind, j."startedAt" AS started, gen_random_uuid() AS key, w, j."startedAt" + w * interval '6 hours' AS since, (ARRAY['sales', 'pm', 'finance', 'support'])[1 + w % 4] AS role,
             CASE WHEN (hashtext(j.id) + w) % 20 <> 0 THEN j."startedAt" + w * interval '6 hours' + ((hashtext(j.id) & 255) + w) * interval '1 hour' END AS ended
      FROM "Journey" j, generate_series(1, ${WAITS_PER_JOURNEY}) w),
    t AS (
      INSERT INTO "Task" (id, "journeyId", type, title, role, status, "dueAt", "updatedAt")
      SELECT key, journey, 'bench', 'Bench task', role,
             (CASE WHEN ended IS NULL THEN 'OPEN' ELSE 'COMPLETED' END)::"TaskStatus", since + interval '24 hours', now()
      FROM w WHERE w % 2 = 0)
    INSERT INTO "JourneyWait" (id, "journeyId", "journeyKind", "journeyStartedAt", kind, key, description, since, deadline, "unblockedBy", "endedAt", stage, role)
    SELECT 'wait:' || key, journey, journey_kind, started, (CASE WHEN w % 2 = 0 THEN 'task' ELSE (ARRAY['approval', 'signature', 'payment'])[1 + w % 3] END)::"WaitKind",
           key::text, 'bench', since, since + interval '24 hours', CASE WHEN w % 2 = 0 THEN NULL ELSE 'customer' END, ended,
           (SELECT v.stage FROM "StageVisit" v WHERE v."journeyId" = journey AND v."enteredAt" <= since ORDER BY v."enteredAt" DESC LIMIT 1),
           CASE WHEN w % 2 = 0 THEN role ELSE 'customer' END
    FROM w`);
  await pool.query(`
    INSERT INTO "SupportTicket" (id, "journeyId", "customerId", subject, description, category, priority, queue, "raisedBy", channel,
                                 "firstResponseMinutes", "resolutionMinutes", breaches, "closedAt", "closeReason", satisfaction, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), id, "customerId", 'Ticket', 'Bench', 'question', (ARRAY['urgent', 'high', 'normal', 'low'])[1 + (hashtext(id) & 3)]::"TicketPriority",
           'general', 'customer', 'api', (hashtext(id) & 1023), (hashtext(id) & 4095), (hashtext(id) & 3) / 3, "endedAt",
           CASE WHEN "endedAt" IS NOT NULL THEN 'confirmed' END, CASE WHEN "endedAt" IS NOT NULL THEN 1 + (hashtext(id) & 3) END, "startedAt", now()
    FROM "Journey" WHERE kind = 'support'`);
}

/** The floors: one statement reading the rows each report depends on, with nothing computed from them. */
const STAGE_TIMES = `
    SELECT count(t."firstEnteredAt") FROM "Journey" j JOIN "StageTime" t ON t."journeyId" = j.id
    WHERE j.kind = 'acquisition' AND j."startedAt" >= $1 AND j."startedAt" < $2`;
const FLOORS: Record<string, string> = {
  funnel: STAGE_TIMES,
  // The stage times and the cohort's waits.
  'cycle-times': `
    SELECT (${STAGE_TIMES}),
           (SELECT count(*) FROM "JourneyWait" w WHERE w."journeyKind" = 'acquisition' AND w."journeyStartedAt" >= $1 AND w."journeyStartedAt" < $2)`,
  // The days of this period and the previous one (of equal length, 90 days), and the waits open at each end.
  bottlenecks: `
    SELECT (SELECT count(*) FROM "WaitDay" d WHERE d.day >= $1::timestamp - interval '90 days' AND d.day < $2),
           (SELECT count(*) FROM "JourneyWait" w, unnest(ARRAY[$1::timestamp, $2::timestamp]) AS e(t)
            WHERE tsrange(w.since, CASE WHEN w."endedAt" IS NOT NULL THEN greatest(w."endedAt", w.since) END) @> e.t AND w.since >= e.t - interval '90 days')`,
  support: `SELECT count(*), max("firstResponseMinutes") FROM "SupportTicket" WHERE "createdAt" >= $1 AND "createdAt" < $2`,
  'journey-map': STAGE_TIMES,
};

async function main() {
  const stack = await startBenchStack();
  const pool = new Pool({ connectionString: stack.databaseUrl, max: 4 });
  try {
    const started = Date.now();
    await seedAnalyticsBench(pool);
    const [{ events, waits }] = (await pool.query(`SELECT (SELECT count(*) FROM "JourneyEvent")::int AS events, (SELECT count(*) FROM "JourneyWait")::int AS waits`)).rows;
    console.log(`Seeded ${JOURNEYS.toLocaleString()} journeys, ${events.toLocaleString()} events, ${waits.toLocaleString()} waits in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const token = await loginAs(stack, 'manager');
    const to = new Date();
    const from = new Date(to.getTime() - 90 * 86_400_000);
    const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
    for (const report of Object.keys(FLOORS)) {
      const viaApi = async () => {
        const res = await fetch(`${stack.baseUrl}/api/analytics/${report}?${query}`, { headers: { authorization: `Bearer ${token}` } });
        if (res.status !== 200) throw new Error(`API answered ${res.status}: ${await res.text()}`);
        await res.json();
      };
      // Timestamps as the columns hold them (UTC, no zone), as the API's driver sends them.
      const viaSql = () => pool.query(FLOORS[report]!, [from.toISOString().replace('Z', ''), to.toISOString().replace('Z', '')]);
      const [api, bare] = await interleaved(viaApi, viaSql, N, WARMUP);
      console.log(`\nGET /api/analytics/${report} (the last 90 days of ${JOURNEYS.toLocaleString()} journeys; ${N} each, interleaved)`);
      reportAgainstSql(`analytics-${report}`, `GET /api/analytics/${report}`, api, bare, { journeys: JOURNEYS, events, waits, requests: N }, 'bare SQL floor');
    }
  } finally {
    await pool.end();
    await stack.stop();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
