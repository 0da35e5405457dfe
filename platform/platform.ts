// Brings the whole platform up in one process on embedded defaults: whatever is not configured
// (PostgreSQL, Temporal) is started locally under DATA_DIR; then migrations, worker and HTTP.
import path from 'node:path';
import type { Server } from 'node:http';
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { listen } from '../api/http-server';
import { createApp } from '../api/app';
import { listenForForgets } from '../api/auth/auth-events';
import { ensureDevUsers } from '../api/auth/dev-users';
import { ensureDigestSchedule } from '../workers/digest-schedule';
import { createJourneyWorker } from '../workers/journey-worker';
import type { Config } from './config';
import { createDb } from './db';
import { startEmbeddedPostgres } from './embedded-postgres';
import type { Logger } from './logger';
import type { Shutdown } from './shutdown';
import { runPrisma } from './prisma-cli';
import { createTemporalClient } from './temporal-client';
import { startTemporalDevServer } from './temporal-dev-server';
import { installTemporalLogging } from './temporal-runtime';

export type RunningPlatform = {
  url: string;
  temporalAddress: string;
  temporalUiUrl?: string;
  databaseUrl: string;
};

/** Starts each part and registers how to stop it with `shutdown`, which the caller runs. */
export async function startPlatform(config: Config, log: Logger, shutdown: Shutdown): Promise<RunningPlatform> {
  // The platform stops the worker itself, after HTTP has drained (see Shutdown), not on the SDK's own signal handling.
  installTemporalLogging(log.child({ component: 'temporal-sdk' }), { shutdownSignals: [], metricsBindAddress: config.metrics.workerBindAddress });
  let databaseUrl = config.database.url;
  if (!databaseUrl) {
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(config.dataDir, 'postgres'),
      port: config.database.embeddedPort,
      database: 'pivotal_flow',
      log: log.child({ component: 'postgres' }),
    });
    await shutdown.add('postgres', pg.stop);
    databaseUrl = pg.url;
  }

  log.info('applying database migrations');
  const migrated = await runPrisma(['migrate', 'deploy'], { ...process.env, DATABASE_URL: databaseUrl });
  log.info({ summary: migrated.split('\n').filter((l) => /migration|applied|No pending/i.test(l)).join(' ') }, 'migrations applied');

  let temporalAddress = config.temporal.address;
  if (!temporalAddress) {
    const server = await startTemporalDevServer({
      dataDir: config.dataDir,
      cliPath: config.temporal.cliPath,
      namespace: config.temporal.namespace,
      port: config.temporal.devServerPort,
      uiPort: config.temporal.uiPort,
      log: log.child({ component: 'temporal' }),
    });
    await shutdown.add('temporal', server.stop);
    temporalAddress = server.address;
  }

  const db = createDb(databaseUrl);
  await shutdown.add('database client', () => db.$disconnect());
  if (config.auth.devUsers) {
    await ensureDevUsers(db);
    log.info('development users ready (README, "Development users")');
  }
  const connection = await Connection.connect({ address: temporalAddress });
  await shutdown.add('temporal client', () => connection.close());
  const temporal = createTemporalClient(connection, config.temporal.namespace);

  const workerConnection = await NativeConnection.connect({ address: temporalAddress });
  await shutdown.add('worker connection', () => workerConnection.close());
  log.info('bundling journey workflows and starting the worker');
  const worker = await createJourneyWorker({
    connection: workerConnection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    deps: { db, config },
  });
  const workerDone = worker.run();
  const digest = await ensureDigestSchedule(temporal, { taskQueue: config.temporal.taskQueue, cron: config.digestSchedule });
  log.info({ schedule: config.digestSchedule ?? 'off' }, `weekly digest schedule ${digest}`);
  await shutdown.add('worker', async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await workerDone;
  });

  const authEvents = await listenForForgets(databaseUrl, log.child({ component: 'api' }));
  await shutdown.add('auth events', () => authEvents.close());
  const app = createApp({ db, temporal, config, log: log.child({ component: 'api' }), authEvents });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = listen(app, config.http.port, config.http.host, () => resolve(s));
    s.on('error', reject);
  });
  await shutdown.add('http', () => new Promise<void>((resolve) => server.close(() => resolve())));

  return {
    url: config.http.publicUrl,
    temporalAddress,
    temporalUiUrl: config.temporal.address ? config.temporal.uiUrl : `http://localhost:${config.temporal.uiPort}`,
    databaseUrl,
  };
}
