// Shared by the benchmarks: an isolated stack (throwaway embedded PostgreSQL with migrations, a
// fresh Temporal dev server, the API on an ephemeral port) and latency statistics.
import fs from 'node:fs';
import http from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { createApp } from '../api/app';
import { recordResults } from './results';
import { devUserEmail, ensureDevUsers } from '../api/auth/dev-users';
import type { Role } from '../api/auth/roles';
import { DEV_USER_PASSWORD, loadConfig, type Config } from '../platform/config';
import { createDb, type Db } from '../platform/db';
import { startEmbeddedPostgres } from '../platform/embedded-postgres';
import { createLogger } from '../platform/logger';
import { runPrisma } from '../platform/prisma-cli';
import { resolveTemporalCli } from '../platform/temporal-cli';
import { createTemporalClient } from '../platform/temporal-client';
import { startWithinSdkDeadline } from '../platform/temporal-dev-server';
import { installTemporalLogging } from '../platform/temporal-runtime';
import { createJourneyWorker } from '../workers/journey-worker';

export type BenchStack = {
  env: TestWorkflowEnvironment;
  db: Db;
  databaseUrl: string;
  config: Config;
  baseUrl: string;
  stop: () => Promise<void>;
};

/** `worker`: also run a journey worker (benchmarks of whole journeys); `env`: extra configuration. */
export async function startBenchStack(opts: { worker?: boolean; env?: Record<string, string> } = {}): Promise<BenchStack> {
  const log = createLogger('warn', 'bench');
  installTemporalLogging(log);
  // The start benchmark posts its leads from one address, far past the contact form's limit.
  const config = loadConfig({ RATE_LIMIT_LEADS_PER_IP: '1000000', ...process.env, ...opts.env, DATABASE_URL: undefined, TEMPORAL_ADDRESS: undefined, TEMPORAL_TASK_QUEUE: 'bench' });
  const pg = await startEmbeddedPostgres({
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'pf-bench-pg-')),
    port: 20000 + Math.floor(Math.random() * 20000),
    database: 'bench',
    persistent: false,
    log,
  });
  await runPrisma(['migrate', 'deploy'], { ...process.env, DATABASE_URL: pg.url });
  const cli = await resolveTemporalCli({ cliPath: config.temporal.cliPath, dataDir: config.dataDir, log });
  // File-backed, as `npm start` runs it: both sides of a comparison pay for durable writes.
  const env = await startWithinSdkDeadline(() =>
    TestWorkflowEnvironment.createLocal({
      server: {
        executable: cli ? { type: 'existing-path', path: cli } : { type: 'cached-download' },
        dbFilename: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pf-bench-temporal-')), 'temporal.sqlite'),
      },
    }),
  );
  const db = createDb(pg.url);
  const worker = opts.worker
    ? await createJourneyWorker({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue: 'bench', deps: { db, config } })
    : undefined;
  const workerDone = worker?.run();
  // The API's own client (request ids as headers), as in production.
  const app = createApp({ db, temporal: createTemporalClient(env.connection, env.namespace ?? 'default'), config, log });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    env,
    db,
    databaseUrl: pg.url,
    config,
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      worker?.shutdown();
      await workerDone;
      await db.$disconnect();
      await env.teardown();
      await pg.stop();
    },
  };
}

/** A session token of the development user of `role` (created first if need be). */
export async function loginAs(stack: BenchStack, role: Role): Promise<string> {
  await ensureDevUsers(stack.db);
  const res = await fetch(`${stack.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: devUserEmail(role), password: DEV_USER_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login as ${role} answered ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]!);
      }
    }),
  );
  return results;
}

/** Polls `read` every `intervalMs` until it gives something truthy (a benchmark's measurement: a tight interval). */
export async function poll<T>(read: () => Promise<T>, intervalMs = 5, timeoutMs = 60_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`nothing within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Runs `a` and `b` `n` times each after `warmup` rounds of both, alternating which goes first (so
 * neither always runs on a warmer server), and answers each one's durations in ms.
 */
export async function interleaved(a: () => Promise<unknown>, b: () => Promise<unknown>, n: number, warmup: number): Promise<[number[], number[]]> {
  for (let i = 0; i < warmup; i++) await Promise.all([a(), b()]);
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      as.push(await timed(a));
      bs.push(await timed(b));
    } else {
      bs.push(await timed(b));
      as.push(await timed(a));
    }
  }
  return [as, bs];
}

/** Prints an API page's latencies beside the bare SQL's for the same page, with their ratio, and records them under `key`. */
export function reportAgainstSql(key: string, apiLabel: string, api: number[], bare: number[], figures: Record<string, number>, bareLabel = 'bare SQL (page + count)') {
  const a = summary(apiLabel, api);
  const b = summary(bareLabel, bare);
  console.log(`ratio API/bare               p50=${(a.p50 / b.p50).toFixed(2)}x  p95=${(a.p95 / b.p95).toFixed(2)}x`);
  recordResults(key, { ...figures, apiP50Ms: a.p50, apiP95Ms: a.p95, sqlP50Ms: b.p50, sqlP95Ms: b.p95, ratioP50: a.p50 / b.p50, ratioP95: a.p95 / b.p95 });
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summary(label: string, samples: number[]) {
  const p50 = percentile(samples, 50);
  const p95 = percentile(samples, 95);
  console.log(`${label.padEnd(28)} n=${samples.length}  p50=${p50.toFixed(2)} ms  p95=${p95.toFixed(2)} ms`);
  return { p50, p95 };
}

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 64 });

/**
 * POSTs JSON over a keep-alive connection with node:http and answers status and body. The
 * latency benchmarks measure the API, not the client: fetch (undici) spends about a millisecond
 * of its own per request on loopback, more than node:http.
 */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent: keepAlive, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
