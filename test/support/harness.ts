// One real stack per test file: a Temporal server (the dev server, or the time-skipping server for
// long timers, or one the file runs itself), a worker with the real activities on this run's
// PostgreSQL database (or the file's own), and the HTTP API on an ephemeral port. Workflow code is
// bundled once per file; each file has its own task queue.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { listen } from '../../api/http-server';
import { createApp } from '../../api/app';
import { devUserEmail, ensureDevUsers } from '../../api/auth/dev-users';
import { ROLES, type Role } from '../../api/auth/roles';
import { DEV_USER_PASSWORD, loadConfig, type Config } from '../../platform/config';
import { createDb, type Db } from '../../platform/db';
import { createLogger, type Logger } from '../../platform/logger';
import { createTemporalClient } from '../../platform/temporal-client';
import { startWithinSdkDeadline } from '../../platform/temporal-dev-server';
import { installTemporalLogging } from '../../platform/temporal-runtime';
import { bundleJourneyWorkflows, createJourneyWorker } from '../../workers/journey-worker';
import { request, type JsonResponse } from './http';

export type Api = <T = any>(method: string, path: string, body?: unknown) => Promise<JsonResponse<T>>;

export type Harness = {
  env: TestWorkflowEnvironment;
  db: Db;
  config: Config;
  baseUrl: string;
  taskQueue: string;
  /** The development user of each role: id and a session token. */
  users: Record<Role, { id: string; token: string }>;
  /** Calls the API as the development user of `role`, or without credentials. */
  as: (role: Role | 'anonymous') => Api;
  /** Stops this file's worker (journeys then wait, as they would with every worker down). */
  stopWorker: () => Promise<void>;
  stop: () => Promise<void>;
};

const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent', 'test');

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with \`npm test\`, which prepares it`);
  return value;
}

let bundle: Promise<{ code: string }> | undefined;
export function workflowBundle() {
  bundle ??= bundleJourneyWorkflows();
  return bundle;
}

export async function startTemporal(
  opts: { timeSkipping?: boolean; temporalAddress?: string; metricsBindAddress?: string; log?: Logger } = {},
): Promise<TestWorkflowEnvironment> {
  installTemporalLogging(opts.log ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'warn', 'temporal-sdk'), { metricsBindAddress: opts.metricsBindAddress });
  if (opts.temporalAddress) return TestWorkflowEnvironment.createFromExistingServer({ address: opts.temporalAddress, namespace: 'default' });
  return startWithinSdkDeadline(() =>
    opts.timeSkipping
      ? TestWorkflowEnvironment.createTimeSkipping({
          server: { executable: { type: 'existing-path', path: requiredEnv('TEMPORAL_TEST_SERVER_PATH') } },
        })
      : TestWorkflowEnvironment.createLocal({
          server: { executable: { type: 'existing-path', path: requiredEnv('TEMPORAL_CLI_PATH') } },
        }),
    opts.log,
  );
}

export type HarnessOptions = {
  timeSkipping?: boolean;
  worker?: boolean;
  /** Configuration variables for this file's API and journeys, e.g. FOLLOW_UP_DUE_HOURS. */
  env?: Record<string, string>;
  /** A Temporal server the file runs itself (the fault tests kill and restart it); else one of the harness's own. */
  temporalAddress?: string;
  /** A database on a server the file runs itself (the fault tests kill it); else the run's test database. */
  databaseUrl?: string;
  /** The API's and the Temporal SDK's logger (a test that reads the logs passes its own). */
  log?: Logger;
};

/**
 * Every test file logs in and posts leads from 127.0.0.1 into the run's one database, so the
 * production limits would refuse later files; a file that tests the limits sets its own (opts.env).
 */
export const RELAXED_RATE_LIMITS = {
  RATE_LIMIT_LOGIN_PER_IP: '100000',
  RATE_LIMIT_LOGIN_PER_ACCOUNT: '100000',
  RATE_LIMIT_LEADS_PER_IP: '100000',
  RATE_LIMIT_CUSTOMER_LINK_PER_TOKEN: '100000',
};

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const taskQueue = `test-${randomUUID()}`;
  const config = loadConfig({ ...RELAXED_RATE_LIMITS, ...process.env, ...opts.env, TEMPORAL_TASK_QUEUE: taskQueue });
  const env = await startTemporal({ ...opts, metricsBindAddress: config.metrics.workerBindAddress });
  const db = createDb(opts.databaseUrl ?? requiredEnv('DATABASE_URL'));

  let worker: Worker | undefined;
  let workerDone: Promise<void> | undefined;
  if (opts.worker ?? true) {
    worker = await createJourneyWorker({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue,
      deps: { db, config },
      workflowBundle: await workflowBundle(),
    });
    workerDone = worker.run();
  }

  const app = createApp({ db, temporal: createTemporalClient(env.connection, env.namespace ?? 'default'), config, log: opts.log ?? log });
  const server = await new Promise<Server>((resolve) => {
    const s = listen(app, 0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  await ensureDevUsers(db);
  const users = Object.fromEntries(
    await Promise.all(
      ROLES.map(async (role) => {
        const res = await request(baseUrl, 'POST', '/api/auth/login', { email: devUserEmail(role), password: DEV_USER_PASSWORD });
        if (res.status !== 200) throw new Error(`login as ${role} failed: ${JSON.stringify(res.body)}`);
        return [role, { id: res.body.user.id as string, token: res.body.token as string }];
      }),
    ),
  ) as Harness['users'];
  const as = (role: Role | 'anonymous'): Api => (method, path, body) =>
    request(baseUrl, method, path, body, role === 'anonymous' ? undefined : users[role].token);

  return {
    env,
    db,
    config,
    taskQueue,
    baseUrl,
    users,
    as,
    stopWorker: async () => {
      if (worker?.getState() === 'RUNNING') worker.shutdown();
      await workerDone;
    },
    stop: async () => {
      const closed = new Promise((resolve) => server.close(resolve));
      // Idle keep-alive sockets and requests a fault left hanging end now, not at their timeouts.
      server.closeAllConnections();
      await closed;
      if (worker?.getState() === 'RUNNING') worker.shutdown();
      await workerDone;
      await db.$disconnect();
      await env.teardown();
    },
  };
}
