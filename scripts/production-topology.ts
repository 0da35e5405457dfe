// `npm run test:topology` (CI runs it after `npm test`): the production topology on this machine with
// plain processes, as docker-compose.yml describes it (commands, variables and order are read from
// that file): PostgreSQL with a role each for the app and Temporal, the real multi-service Temporal
// server (built from the Go module proxy) with its schema and namespace set up by Temporal's own
// tools, migrations, two API processes and two workers in production mode, behind nothing else, and
// the SaaS providers' stand-ins (an SMTP sink, Stripe's and DocuSign's HTTP APIs).
//
// Then it drives it: leads through both APIs while one worker is SIGKILLed and the other SIGTERMed
// (a replacement comes up for each); counts that must agree (2xx leads = customers = journeys =
// workflows = open tasks); tasks claimed on one API and completed on the other, with claim and
// completion races; a token revoked on one API refused on the other within a second; every process
// stopped with SIGTERM, exiting 0. Figures are printed; any mismatch fails the run (exit 1).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection, Client } from '@temporalio/client';
import { SMTPServer } from 'smtp-server';
import { startEmbeddedPostgres } from '../platform/embedded-postgres';
import { createDb } from '../platform/db';
import { createLogger } from '../platform/logger';
import { resolveTemporalCli } from '../platform/temporal-cli';
import { lead, followUpQualified } from '../test/support/fixtures';
import { request } from '../test/support/http';
import { RELAXED_RATE_LIMITS } from '../test/support/harness';
import { startDocuSignStandIn } from '../test/support/stand-ins/docusign';
import { startStripeStandIn } from '../test/support/stand-ins/stripe';
import { loadCompose, NOT_RUN_IN_TOPOLOGY, requiredVariables, root, serviceEnv, startOrder, type ComposeService } from './topology/compose';
import { Processes, stop, tail, type Proc } from './topology/processes';
import { resolveTemporalServer } from './topology/temporal-server';
import { freeLowPort, freePort } from './free-port';

const LEADS = 120;
const CONCURRENCY = 8;
const step = (msg: string) => console.log(`\n▶ ${msg}`);
const secret = (bytes = 24) => randomBytes(bytes).toString('base64url');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until `accept` holds; throws with the last value after `ms`. */
async function until<T>(what: string, read: () => Promise<T>, accept: (v: T) => boolean, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read().catch((err: Error) => err as unknown as T);
    if (!(value instanceof Error) && accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not so after ${ms / 1000} s (last: ${value instanceof Error ? value.message : JSON.stringify(value)})`);
    await sleep(500);
  }
}

/** Where compose mounts a repository path into a container (`./x:/y[:ro]`): the repository path for `containerPath`. */
function hostPath(service: ComposeService, containerPath: string): string {
  for (const volume of service.volumes ?? []) {
    const [from, to] = volume.split(':');
    if (from?.startsWith('./') && to && (containerPath === to || containerPath.startsWith(`${to}/`))) return path.join(root, from, containerPath.slice(to.length));
  }
  throw new Error(`docker-compose.yml mounts nothing at ${containerPath}`);
}

async function main() {
  const log = createLogger('info', 'topology');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pf-topology-'));
  fs.chmodSync(work, 0o755); // PostgreSQL runs as its own user (embedded-postgres, started as root) and must reach its folder
  const procs = new Processes(path.join(work, 'logs'));
  const compose = loadCompose();
  const svc = (name: string) => compose.services[name]!;
  const cleanups: Array<() => Promise<unknown>> = [];
  const runStarted = Date.now();
  let passed = false;
  console.log(`Production topology run in ${work} (each process's log in ${path.join(work, 'logs')}, kept if the run fails)`);
  console.log(`compose's start order: ${startOrder(compose).join(' → ')}`);
  for (const [name, why] of Object.entries(NOT_RUN_IN_TOPOLOGY)) console.log(`  not run: ${name} (${why})`);

  try {
    step('Temporal server and SQL tool (built from the Go module proxy on first run), and the Temporal CLI');
    const temporalFiles = await resolveTemporalServer(log);
    const cli = await resolveTemporalCli({ dataDir: path.join(work, 'cli'), log });
    assert.ok(cli, 'the Temporal CLI is needed to create the namespace');
    const binDir = path.join(work, 'tools'); // temporal-server, temporal-sql-tool and temporal, as the images name them
    fs.mkdirSync(binDir);
    for (const b of ['temporal-server', 'temporal-sql-tool']) fs.symlinkSync(path.join(temporalFiles.binDir, b), path.join(binDir, b));
    fs.symlinkSync(cli, path.join(binDir, 'temporal'));
    const PATH = `${binDir}${path.delimiter}${process.env.PATH}`;

    step("The providers' stand-ins: an SMTP sink, Stripe's and DocuSign's APIs");
    let mails = 0;
    const smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], onData: (stream, _s, done) => stream.on('data', () => undefined).on('end', () => (mails++, done())) });
    const smtpPort = await freePort();
    await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => smtp.close(() => resolve(undefined))));
    const stripe = await startStripeStandIn();
    const docusign = await startDocuSignStandIn();
    cleanups.push(stripe.stop, docusign.stop);

    // What whoever runs compose supplies (every `${VAR:?…}` in the file), and nothing else.
    const vars: Record<string, string> = {
      POSTGRES_PASSWORD: 'postgres', // embedded-postgres's superuser
      APP_DB_PASSWORD: secret(),
      TEMPORAL_DB_PASSWORD: secret(),
      AUTH_SECRET: secret(36),
      PUBLIC_URL: 'https://flow.topology.test',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      STRIPE_SECRET_KEY: `sk_test_${secret()}`,
      STRIPE_WEBHOOK_SECRET: `whsec_${secret()}`,
      DOCUSIGN_ACCOUNT_ID: docusign.accountId,
      DOCUSIGN_ACCESS_TOKEN: docusign.accessToken,
      DOCUSIGN_CONNECT_HMAC_KEY: secret(),
      METRICS_TOKEN: secret(),
    };
    assert.deepEqual(Object.keys(vars).sort(), requiredVariables(), "the run supplies exactly the variables compose asks for");
    // Beyond compose: the stand-ins' addresses (production talks to the real services) and rate
    // limits a load from one address would trip.
    const testOnly = { STRIPE_API_URL: stripe.url, DOCUSIGN_BASE_PATH: docusign.basePath, ...RELAXED_RATE_LIMITS };

    step('PostgreSQL (embedded-postgres binaries) and its roles (deploy/postgres/create-roles.sh, as compose runs it)');
    const pgPort = await freePort();
    const pg = await startEmbeddedPostgres({ dataDir: path.join(work, 'pg'), port: pgPort, database: 'postgres', persistent: false, log });
    cleanups.push(pg.stop);
    const addresses = { 'postgres:5432': `127.0.0.1:${pgPort}` } as Record<string, string>;
    const pgEnv = serviceEnv(svc('postgres'), vars, addresses);
    const initScript = hostPath(svc('postgres'), '/docker-entrypoint-initdb.d/create-roles.sh');
    console.log(await procs.run('create-roles', ['sh', initScript], { ...pgEnv, PGHOST: '127.0.0.1', PGPORT: String(pgPort), PGUSER: 'postgres', PGPASSWORD: pgEnv.POSTGRES_PASSWORD! }));

    step("Temporal's schemas (temporal-schema: temporal-sql-tool as the role `temporal`)");
    const schemaJob = svc('temporal-schema');
    const schemaScript = hostPath(schemaJob, schemaJob.command![0]!);
    const schemaOut = await procs.run('temporal-schema', ['sh', schemaScript], {
      PATH,
      ...serviceEnv(schemaJob, vars, addresses),
      SQL_HOST: '127.0.0.1',
      SQL_PORT: String(pgPort),
      SCHEMA_DIR: temporalFiles.schemaDir, // the image's /etc/temporal/schema/postgresql/v12
    });
    console.log(schemaOut.split('\n').filter((l) => l.startsWith('setup-schema:')).join('\n'));

    step('The Temporal server (temporal-server with the temporalio/server image\'s config template), then its namespace');
    const temporalDir = path.join(work, 'temporal');
    fs.mkdirSync(path.join(temporalDir, 'config', 'dynamicconfig'), { recursive: true });
    fs.copyFileSync(temporalFiles.configTemplate, path.join(temporalDir, 'config', 'docker.yaml'));
    fs.writeFileSync(path.join(temporalDir, 'config', 'dynamicconfig', 'docker.yaml'), '');
    const ports = Object.fromEntries(
      await Promise.all(
        ['FRONTEND_GRPC_PORT', 'FRONTEND_HTTP_PORT', 'FRONTEND_MEMBERSHIP_PORT', 'MATCHING_GRPC_PORT', 'MATCHING_MEMBERSHIP_PORT', 'HISTORY_GRPC_PORT', 'HISTORY_MEMBERSHIP_PORT', 'WORKER_GRPC_PORT', 'WORKER_MEMBERSHIP_PORT'].map(
          async (k) => [k, String(await freeLowPort())], // the server keeps them in a smallint column
        ),
      ),
    ) as Record<string, string>;
    addresses['temporal:7233'] = `127.0.0.1:${ports.FRONTEND_GRPC_PORT}`;
    const temporal = procs.start('temporal', ['temporal-server', '--root', temporalDir, '--config', 'config', '--env', 'docker', 'start'], {
      PATH,
      ...serviceEnv(svc('temporal'), vars, addresses),
      ...ports,
      POSTGRES_SEEDS: '127.0.0.1',
      DB_PORT: String(pgPort),
      POSTGRES_PORT: String(pgPort),
      BIND_ON_IP: '127.0.0.1',
      DYNAMIC_CONFIG_FILE_PATH: path.join(temporalDir, 'config', 'dynamicconfig', 'docker.yaml'),
      LOG_LEVEL: 'warn',
    });
    const namespaceJob = svc('temporal-namespace');
    const namespaceRun = procs.run('temporal-namespace', ['sh', hostPath(namespaceJob, namespaceJob.command![0]!)], { PATH, ...serviceEnv(namespaceJob, vars, addresses) });
    const serverDied = temporal.exited.then((code) => {
      throw new Error(`the Temporal server exited (${code}); its log: ${temporal.logFile}\n${tail(temporal.output(), 5)}`);
    });
    console.log(await Promise.race([namespaceRun, serverDied]));
    // compose's health check for the server: the namespace answers on the frontend's HTTP API.
    const health = new URL(svc('temporal').healthcheck!.test.find((a) => a.startsWith('http'))!);
    health.port = ports.FRONTEND_HTTP_PORT!;
    await until('Temporal healthy (its namespace answers)', () => fetch(health).then((r) => r.status), (s) => s === 200, 60_000);
    console.log(`  healthy: ${health.pathname} answers 200`);

    step('Migrations (migrate: npm run db:migrate, as the role `pivotal`)');
    const migrate = svc('migrate');
    const migrateOut = await procs.run('migrate', migrate.command!, serviceEnv(migrate, vars, addresses));
    console.log(tail(migrateOut, 3));

    // The Dockerfile's build steps (its `npm run …` commands: the Prisma client, the admin UI, the
    // compiled server, the workflow bundle at the path its WORKFLOW_BUNDLE names), on this checkout.
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    const builds = [...dockerfile.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
    step(`The image's build steps, as the Dockerfile runs them: ${builds.map((b) => `npm run ${b}`).join(', ')}`);
    for (const b of builds) await procs.run(`build-${b.replace(':', '-')}`, ['npm', 'run', b], {});
    const bundle = path.join(root, dockerfile.match(/WORKFLOW_BUNDLE=\/app\/(\S+)/)![1]!);
    assert.ok(fs.existsSync(bundle), `the workflow bundle is where WORKFLOW_BUNDLE says: ${bundle}`);

    const appEnv = (name: 'api' | 'worker', extra: Record<string, string>) => ({ ...serviceEnv(svc(name), vars, addresses), ...testOnly, ...extra });
    const adminEnv = appEnv('api', {});
    const runTag = secret(6).toLowerCase().replace(/[^a-z0-9]/g, 'x');
    const cli_ = (name: string, args: string[], env: Record<string, string> = {}) => procs.run(name, ['node', '--import', 'tsx', 'scripts/users.ts', ...args], { ...adminEnv, ...env });
    step("An admin's API token and two salespeople, through the operator's command (npm run users -- …)");
    const admin = (await cli_('token-admin', ['token', 'topology-admin', 'admin'])).trim().split('\n').at(-1)!;
    const password = secret();
    const salespeople = [`sales-a-${runTag}@topology.test`, `sales-b-${runTag}@topology.test`];
    for (const [i, email] of salespeople.entries()) await cli_(`user-sales-${i}`, ['add', email, `Salesperson ${i + 1}`, 'sales'], { USER_PASSWORD: password });

    step('Two API processes and two workers (compose\'s commands, NODE_ENV=production)');
    const apis: Array<{ proc: Proc; url: string }> = [];
    for (const n of [1, 2]) {
      const port = await freePort();
      apis.push({ proc: procs.start(`api-${n}`, svc('api').command!, appEnv('api', { HOST: '127.0.0.1', PORT: String(port) }), { ready: /API listening/ }), url: `http://127.0.0.1:${port}` });
    }
    const startWorker = async (n: number) => {
      const healthPort = await freePort();
      const proc = procs.start(`worker-${n}`, svc('worker').command!, appEnv('worker', { HOST: '127.0.0.1', WORKER_METRICS_PORT: String(await freePort()), WORKER_HEALTH_PORT: String(healthPort), WORKFLOW_BUNDLE: bundle }), { ready: /worker started/ });
      return { proc, health: `http://127.0.0.1:${healthPort}/healthz` };
    };
    const workers = [await startWorker(1), await startWorker(2)];
    await Promise.all([...apis.map((a) => a.proc.ready), ...workers.map((w) => w.proc.ready)]);
    for (const w of workers) await until(`${w.proc.name} healthy`, () => fetch(w.health).then((r) => r.status), (s) => s === 200, 20_000);
    for (const { url } of apis) {
      assert.equal((await fetch(`${url}/readyz`)).status, 200, 'the API is ready');
      const ui = await fetch(`${url}/`);
      assert.equal(ui.status, 200, 'the compiled API serves the admin UI');
      assert.match(ui.headers.get('content-type') ?? '', /text\/html/);
      assert.equal((await fetch(`${url}/api/docs`)).status, 200, 'and the API reference');
    }
    console.log(`  ${apis.map((a) => a.url).join(', ')} ready, serving the admin UI; workers healthy on /healthz`);

    const db = createDb(serviceEnv(migrate, vars, addresses).DATABASE_URL!);
    cleanups.push(() => db.$disconnect());
    const client = new Client({ connection: await Connection.connect({ address: addresses['temporal:7233']! }), namespace: 'default' });
    cleanups.push(() => client.connection.close());

    step(`${LEADS} leads through both APIs; worker-1 SIGKILLed after a third, worker-2 SIGTERMed after two thirds, a replacement started for each`);
    const answers: Array<{ status: number; journeyId?: string }> = [];
    const started = Date.now();
    const drains: Array<Promise<number | null | 'still running'>> = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < LEADS) {
          const i = next++;
          if (i === Math.floor(LEADS / 3)) {
            workers[0]!.proc.child.kill('SIGKILL');
            workers.push(await startWorker(3));
          }
          if (i === Math.floor((2 * LEADS) / 3)) {
            drains.push(stop(workers[1]!.proc, 'SIGTERM', 30_000));
            workers.push(await startWorker(4));
          }
          const api = apis[i % 2]!;
          const r = await request(api.url, 'POST', '/api/leads', lead({ email: `lead-${i}-${runTag}@topology.test` }));
          answers.push({ status: r.status, journeyId: r.body?.journeyId });
        }
      }),
    );
    const leadSeconds = (Date.now() - started) / 1000;
    const created = answers.filter((a) => a.status >= 200 && a.status < 300);
    assert.equal(created.length, LEADS, `every lead answered 2xx (statuses: ${JSON.stringify(answers.map((a) => a.status).filter((s) => s >= 300))})`);
    assert.equal(await workers[0]!.proc.exited, null, 'worker-1 died of its SIGKILL');
    const worker2Exit = await drains[0]!;
    assert.equal(worker2Exit, 0, 'worker-2 drained and exited 0 on SIGTERM');
    assert.match(workers[1]!.proc.output(), /worker stopped/);
    await Promise.all(workers.slice(2).map((w) => w.proc.ready));

    step('Counts: 2xx leads = customers = journeys = workflows = open follow-up tasks');
    const emails = { endsWith: `-${runTag}@topology.test` };
    const journeyIds = created.map((a) => a.journeyId!);
    const customers = await until('every lead has its customer', () => db.customer.count({ where: { email: emails } }), (n) => n === LEADS);
    const journeys = await until('every lead has its journey', () => db.journey.count({ where: { id: { in: journeyIds } } }), (n) => n === LEADS);
    const workflows = (await Promise.all(journeyIds.map((id) => client.workflow.getHandle(id).describe()))).filter((d) => d.status.name === 'RUNNING').length;
    const tasks = await until(
      'every journey waits on its follow-up call',
      () => db.task.count({ where: { journeyId: { in: journeyIds }, type: 'follow-up-call', status: 'OPEN' } }),
      (n) => n === LEADS,
    );
    assert.equal(workflows, LEADS, 'every journey has a running workflow');

    step('Tasks claimed on one API and completed on the other; claim and completion races across them');
    const openTasks = await db.task.findMany({ where: { journeyId: { in: journeyIds }, type: 'follow-up-call', status: 'OPEN' }, select: { id: true, journeyId: true }, take: 30 });
    const [a, b] = [apis[0]!.url, apis[1]!.url];
    const login = async (email: string) => (await request(a, 'POST', '/api/auth/login', { email, password })).body.token as string;
    const [salesA, salesB] = [await login(salespeople[0]!), await login(salespeople[1]!)];
    const races = { claim: [] as string[], complete: [] as string[] };
    for (const [i, task] of openTasks.entries()) {
      if (i < 20) {
        assert.equal((await request(a, 'POST', `/api/tasks/${task.id}/claim`, undefined, salesA)).status, 200, 'claim on api-1');
        assert.equal((await request(b, 'POST', `/api/tasks/${task.id}/complete`, { result: followUpQualified }, salesA)).status, 200, 'complete on api-2');
      } else {
        const claims = await Promise.all([request(a, 'POST', `/api/tasks/${task.id}/claim`, undefined, salesA), request(b, 'POST', `/api/tasks/${task.id}/claim`, undefined, salesB)]);
        races.claim.push(claims.map((c) => c.status).sort().join('/'));
        const holder = claims[0]!.status === 200 ? salesA : salesB;
        const completes = await Promise.all([a, b].map((url) => request(url, 'POST', `/api/tasks/${task.id}/complete`, { result: followUpQualified }, holder)));
        races.complete.push(completes.map((c) => c.status).sort().join('/'));
      }
    }
    assert.deepEqual(new Set(races.claim), new Set(['200/409']), `each claim race: one 200, one 409 (${races.claim.join(', ')})`);
    assert.deepEqual(new Set(races.complete), new Set(['200/409']), `each completion race: one 200, one 409 (${races.complete.join(', ')})`);
    const completed = openTasks.map((t) => t.journeyId);
    const discovery = await until(
      'each completed follow-up moved its journey to a discovery meeting',
      () => db.task.count({ where: { journeyId: { in: completed }, type: 'discovery-meeting' } }),
      (n) => n === completed.length,
    );

    step('A token revoked on api-1 is refused on api-2 within a second');
    const issued = await request(a, 'POST', '/api/api-tokens', { name: `revoked-${runTag}`, roles: ['sales'] }, admin);
    assert.equal(issued.status, 201);
    assert.equal((await request(b, 'GET', '/api/auth/me', undefined, issued.body.token)).status, 200, 'cached on api-2');
    assert.equal((await request(a, 'DELETE', `/api/api-tokens/${issued.body.id}`, undefined, admin)).status, 204);
    const revokedAt = Date.now();
    await until('api-2 refuses the revoked token', () => request(b, 'GET', '/api/auth/me', undefined, issued.body.token).then((r) => r.status), (s) => s === 401, 1_000);
    const refusedAfterMs = Date.now() - revokedAt;

    step('Every process stopped with SIGTERM');
    const exits: Record<string, number | null | 'still running'> = {};
    for (const p of [...apis.map((x) => x.proc), ...workers.slice(2).map((w) => w.proc)]) exits[p.name] = await stop(p, 'SIGTERM', 30_000);
    exits.temporal = await stop(temporal, 'SIGTERM', 30_000);
    for (const [name, code] of Object.entries(exits)) assert.equal(code, 0, `${name} exits 0 on SIGTERM`);

    console.log(`
Production topology: passed
  leads             ${LEADS} in ${leadSeconds.toFixed(1)} s (${(LEADS / leadSeconds).toFixed(1)}/s, ${CONCURRENCY} at a time, alternating api-1/api-2), all 2xx
  counts            customers ${customers} = journeys ${journeys} = running workflows ${workflows} = open follow-up tasks ${tasks}
  workers           worker-1 SIGKILLed, worker-2 drained (exit ${worker2Exit}); worker-3 and worker-4 carried on
  across processes  20 claimed on api-1 and completed on api-2; ${races.claim.length} claim races ${races.claim[0]}, ${races.complete.length} completion races ${races.complete[0]}; ${discovery} journeys moved on to discovery
  revocation        refused on api-2 ${refusedAfterMs} ms after api-1 revoked it
  stops             ${Object.entries(exits).map(([n, c]) => `${n} ${c}`).join(', ')}
  emails sent       ${mails} (SMTP sink)
  whole run         ${Math.round((Date.now() - runStarted) / 1000)} s`);
    passed = true;
  } finally {
    procs.killAll();
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    // A failed run's folder stays, with every process's log in it.
    if (passed) fs.rmSync(work, { recursive: true, force: true });
    else console.error(`The processes' logs: ${path.join(work, 'logs')}`);
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(`\nProduction topology: FAILED\n${err.stack ?? err.message}`);
    process.exit(1);
  },
);
