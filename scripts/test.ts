// `npm test`: the whole suite on real parts. Prepares what the tests need — the Prisma client, the
// Temporal dev server binary, Temporal's time-skipping server, and an isolated PostgreSQL database
// for this run (embedded, or a fresh database on DATABASE_URL's server) with migrations applied —
// then type-checks and runs jest. Arguments are passed on to jest.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client as PgClient } from 'pg';
import { startEmbeddedPostgres, type RunningPostgres } from '../platform/embedded-postgres';
import { loadConfig } from '../platform/config';
import { createLogger } from '../platform/logger';
import { runPrisma } from '../platform/prisma-cli';
import { resolveTemporalCli } from '../platform/temporal-cli';
import { ensureTimeSkippingServer } from '../test/support/time-skipping-server';
import { freePort } from './free-port';

const root = path.resolve(__dirname, '..');
const step = (msg: string) => console.log(`\n▶ ${msg}`);

/** A database of this run's own: created on the configured server, or a throwaway embedded one. */
async function isolatedDatabase(log: ReturnType<typeof createLogger>): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `pf_test_${randomBytes(4).toString('hex')}`;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const admin = new PgClient({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: async () => {
        const c = new PgClient({ connectionString: serverUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pf-test-pg-'));
  const pg: RunningPostgres = await startEmbeddedPostgres({
    dataDir: dir,
    port: await freePort(),
    database: name,
    persistent: false,
    log,
  });
  return { url: pg.url, drop: () => pg.stop() };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;
}

async function main(): Promise<number> {
  const config = loadConfig({ ...process.env, DATABASE_URL: undefined });
  const log = createLogger('warn', 'test-setup');

  step('Generating the Prisma client');
  await runPrisma(['generate']);

  step('Linting (workflow determinism rules included)');
  if (run('npx', ['eslint', '.']) !== 0) return 1;

  step('Type-checking');
  if (run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']) !== 0) return 1;
  if (fs.existsSync(path.join(root, 'admin-ui', 'tsconfig.json'))) {
    if (run('npx', ['tsc', '--noEmit', '-p', 'admin-ui/tsconfig.json']) !== 0) return 1;
  }

  // The browser tests drive the UI the API serves from admin-ui/dist: build it from this checkout.
  step('Building the admin UI');
  if (run('npx', ['vite', 'build', '--config', 'admin-ui/vite.config.mts', '--logLevel', 'warn']) !== 0) return 1;

  step('Locating the Temporal dev server (building it on first run)');
  const temporalCli = await resolveTemporalCli({
    cliPath: config.temporal.cliPath,
    dataDir: config.dataDir,
    log: createLogger('info', 'setup'),
  });
  if (!temporalCli) throw new Error('Tests need the Temporal CLI: install Go, or set TEMPORAL_CLI_PATH');
  const timeSkippingServer = ensureTimeSkippingServer(config.dataDir);

  step('Creating an isolated PostgreSQL database and applying migrations');
  const db = await isolatedDatabase(log);
  try {
    await runPrisma(['migrate', 'deploy'], { ...process.env, DATABASE_URL: db.url });
    step('Running jest');
    return run('npx', ['jest', ...process.argv.slice(2)], {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      TEMPORAL_CLI_PATH: temporalCli,
      TEMPORAL_TEST_SERVER_PATH: timeSkippingServer,
    });
  } finally {
    await db.drop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
