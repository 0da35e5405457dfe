// `npm run api` (in a container, `node --import tsx api/main.ts`, so signals reach this process): a
// standalone API process against configured Temporal and PostgreSQL (TEMPORAL_ADDRESS and
// DATABASE_URL must be set; `npm start` runs everything embedded).
import { Connection } from '@temporalio/client';
import { loadConfig } from '../platform/config';
import { createDb } from '../platform/db';
import { createLogger } from '../platform/logger';
import { createTemporalClient } from '../platform/temporal-client';
import { createApp } from './app';
import { listenForForgets } from './auth/auth-events';
import { ensureDevUsers } from './auth/dev-users';

/** How long requests under way get to finish once the process is asked to stop. */
const DRAIN_MS = 10_000;

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel, 'api');
  if (!config.temporal.address || !config.database.url) {
    throw new Error('The standalone API needs TEMPORAL_ADDRESS and DATABASE_URL; `npm start` runs everything embedded.');
  }
  const db = createDb(config.database.url);
  if (config.auth.devUsers) await ensureDevUsers(db);
  const connection = await Connection.connect({ address: config.temporal.address });
  const temporal = createTemporalClient(connection, config.temporal.namespace);
  const authEvents = await listenForForgets(config.database.url, log);
  const server = createApp({ db, temporal, config, log, authEvents }).listen(config.http.port, config.http.host, () =>
    log.info({ url: config.http.publicUrl }, 'API listening'),
  );
  // Drains on SIGTERM (what an orchestrator sends) or SIGINT: no new connections; requests under way
  // are answered, idle keep-alive connections closed; any still open after the grace period are cut.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'draining: answering the requests under way, taking no more');
    const cut = setTimeout(() => server.closeAllConnections(), DRAIN_MS).unref();
    server.close(async () => {
      clearTimeout(cut);
      await authEvents.close();
      await connection.close();
      await db.$disconnect();
      log.info('API stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
