// `npm run worker` (in a container, `node --import tsx workers/main.ts`, so signals reach this
// process): a standalone journey worker against configured Temporal and PostgreSQL (TEMPORAL_ADDRESS
// and DATABASE_URL must be set; `npm start` runs one in-process instead).
import fs from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../platform/config';
import { createDb } from '../platform/db';
import { createLogger } from '../platform/logger';
import { installTemporalLogging } from '../platform/temporal-runtime';
import { ensureDigestSchedule } from './digest-schedule';
import { serveWorkerHealth } from './health-endpoint';
import { createJourneyWorker } from './journey-worker';
import { connectWhenNamespaceExists } from './wait-for-temporal';

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel, 'worker');
  if (!config.temporal.address || !config.database.url) {
    throw new Error('The standalone worker needs TEMPORAL_ADDRESS and DATABASE_URL; `npm start` runs everything embedded.');
  }
  installTemporalLogging(log, { metricsBindAddress: config.metrics.workerBindAddress });
  const db = createDb(config.database.url);
  const connection = await connectWhenNamespaceExists(config.temporal.address, config.temporal.namespace, log);
  const bundle = config.temporal.workflowBundle;
  if (bundle && !fs.existsSync(bundle)) throw new Error(`WORKFLOW_BUNDLE names ${bundle}, which does not exist: build it with \`npm run build:workflows\``);
  log.info(bundle ? `workflows from the bundle ${bundle}` : 'bundling the journey workflows (set WORKFLOW_BUNDLE to a bundle built once to skip this)');
  const worker = await createJourneyWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    deps: { db, config },
    ...(bundle && { workflowBundle: { codePath: bundle } }),
  });
  log.info({ taskQueue: config.temporal.taskQueue, address: config.temporal.address }, 'worker started');
  const health = config.http.workerHealthPort ? serveWorkerHealth(worker, config.http.host, config.http.workerHealthPort, log) : undefined;
  const client = new Client({ connection: await Connection.connect({ address: config.temporal.address }), namespace: config.temporal.namespace });
  const digest = await ensureDigestSchedule(client, { taskQueue: config.temporal.taskQueue, cron: config.digestSchedule });
  log.info({ schedule: config.digestSchedule ?? 'off' }, `weekly digest schedule ${digest}`);
  await client.connection.close();
  await worker.run(); // resolves after SIGINT/SIGTERM, which the SDK handles by draining
  health?.close();
  await connection.close();
  await db.$disconnect();
  log.info('worker stopped');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
