// `npm run api`: a standalone API process against configured Temporal and PostgreSQL
// (TEMPORAL_ADDRESS and DATABASE_URL must be set; `npm start` runs everything embedded).
import { Connection } from '@temporalio/client';
import { loadConfig } from '../platform/config';
import { createDb } from '../platform/db';
import { createLogger } from '../platform/logger';
import { createTemporalClient } from '../platform/temporal-client';
import { createApp } from './app';
import { listenForForgets } from './auth/auth-events';
import { ensureDevUsers } from './auth/dev-users';

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
  const stop = () =>
    server.close(async () => {
      await authEvents.close();
      await connection.close();
      await db.$disconnect();
      process.exit(0);
    });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
