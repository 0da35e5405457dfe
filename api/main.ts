// `npm run api` (in a container, `node --import tsx api/main.ts`, so signals reach this process): a
// standalone API process against configured Temporal and PostgreSQL (TEMPORAL_ADDRESS and
// DATABASE_URL must be set; `npm start` runs everything embedded).
import net from 'node:net';
import { Connection } from '@temporalio/client';
import { loadConfig } from '../platform/config';
import { createDb } from '../platform/db';
import { createLogger } from '../platform/logger';
import { createTemporalClient } from '../platform/temporal-client';
import { listen } from './http-server';
import { createApp } from './app';
import { listenForForgets } from './auth/auth-events';
import { ensureDevUsers } from './auth/dev-users';

/** How long requests under way get to finish once the process is asked to stop. */
const DRAIN_MS = 10_000;
/** How long after the signal connections are still taken (each answered once, then closed). */
const SETTLE_MS = 1_000;

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
  const server = listen(createApp({ db, temporal, config, log, authEvents }), config.http.port, config.http.host, () =>
    log.info({ url: config.http.publicUrl }, 'API listening'),
  );
  // Drains on SIGTERM (what an orchestrator sends) or SIGINT. For a moment it still accepts
  // connections (a client's connect may be on its way, and refusing it then would reset requests
  // sent before the signal), answering everything with `Connection: close`; then it stops
  // listening (the net server's close: http.Server's would also drop idle connections at once,
  // with requests sent on them but not yet read), closes the connections left idle, answers what
  // is under way, and cuts what remains after the grace period.
  let stopping = false;
  server.on('request', (_req, res) => {
    if (stopping && !res.headersSent) res.setHeader('Connection', 'close');
  });
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'draining: answering the requests under way, taking no more');
    const cut = setTimeout(() => server.closeAllConnections(), SETTLE_MS + DRAIN_MS).unref();
    setTimeout(() => {
      net.Server.prototype.close.call(server, async () => {
        clearTimeout(cut);
        await authEvents.close();
        await connection.close();
        await db.$disconnect();
        log.info('API stopped');
        process.exit(0);
      });
      server.closeIdleConnections();
    }, SETTLE_MS);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
