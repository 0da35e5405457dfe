// The standalone API and worker, run as a container runs them (`node --import tsx …`, the process
// itself receiving the signal), stop cleanly on SIGTERM: the API answers every request it was
// handling (leads, each written and its journey started) and exits 0; the worker drains and exits 0,
// and a journey it was running carries on under the next worker, nothing lost. A worker started
// before its namespace exists waits for it instead of exiting, and says on /healthz when it polls.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Long from 'long';
import { freePort } from '../../scripts/free-port';
import { RELAXED_RATE_LIMITS, startHarness, type Harness } from '../support/harness';
import { eventually, request } from '../support/http';
import { lead } from '../support/fixtures';

let h: Harness;
beforeAll(async () => {
  // No in-process worker: the spawned one (then a second) runs this file's journeys.
  h = await startHarness({ worker: false });
}, 180_000);
/** Every replica spawned, killed after the tests if one is still running (a test failed before stopping it). */
const spawned: ChildProcess[] = [];
afterAll(async () => {
  for (const child of spawned) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await h?.stop();
});

const root = path.resolve(__dirname, '..', '..');

/** A replica, its output kept; resolves when `ready` appears in it. */
function replica(entry: string, env: Record<string, string>, ready: RegExp) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: { ...process.env, ...RELAXED_RATE_LIMITS, TEMPORAL_ADDRESS: h.env.address, DATABASE_URL: process.env.DATABASE_URL!, TEMPORAL_TASK_QUEUE: h.taskQueue, AUTH_SECRET: h.config.auth.secret, LOG_LEVEL: 'info', WORKER_METRICS_PORT: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.push(child);
  let output = '';
  const started = new Promise<void>((resolve, reject) => {
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve();
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
    child.on('exit', (code) => reject(new Error(`${entry} exited (${code}) before it was ready:\n${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, started, exited, output: () => output };
}

const stopped = (r: { child: ChildProcess; exited: Promise<number | null> }, ms: number) =>
  Promise.race([r.exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms))]);

it('an API replica answers the requests it was sent and exits 0 on SIGTERM', async () => {
  const port = await freePort();
  const api = replica('api/main.ts', { PORT: String(port), HOST: '127.0.0.1' }, /API listening/);
  await api.started;
  const url = `http://127.0.0.1:${port}`;
  // Twenty connections open (kept alive from a first round of requests: a connection still in the
  // listening socket's queue when the process stops listening is refused, as it should be), then
  // twenty leads on them at once (each read from the database and a journey started in Temporal);
  // the signal comes as the first is answered, with the others under way.
  await Promise.all(Array.from({ length: 20 }, () => request(url, 'GET', '/healthz')));
  const inFlight = Array.from({ length: 20 }, () => request(url, 'POST', '/api/leads', lead()));
  await Promise.race(inFlight);
  api.child.kill('SIGTERM');
  const answers = await Promise.all(inFlight);
  expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
  // Each answer's journey was started, none lost in the stop.
  const started = await Promise.all(answers.map((a) => h.env.client.workflow.getHandle(a.body.journeyId).describe()));
  expect(started).toHaveLength(20);
  expect(await stopped(api, 15_000)).toBe(0);
  expect(api.output()).toMatch(/draining/);
  await expect(request(url, 'GET', '/healthz')).rejects.toThrow();
}, 60_000);

it('a worker replica drains on SIGTERM and exits 0; the next worker, on the bundle built once, carries its journey on', async () => {
  const first = replica('workers/main.ts', {}, /worker started/);
  await first.started;
  expect(first.output()).toMatch(/bundling the journey workflows/);
  const { body } = await h.as('anonymous')('POST', '/api/leads', lead());
  // The journey's first steps are under way on this worker when it is told to stop.
  await eventually(() => h.db.journey.findUnique({ where: { id: body.journeyId } }), Boolean);
  first.child.kill('SIGTERM');
  expect(await stopped(first, 30_000)).toBe(0);
  expect(first.output()).toMatch(/worker stopped/);

  // The next one loads the bundle built once (as the image does), not bundling at its start.
  const bundle = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pf-bundle-')), 'workflow-bundle.js');
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-workflow-bundle.ts', bundle], { cwd: root, stdio: 'pipe' });
  const second = replica('workers/main.ts', { WORKFLOW_BUNDLE: bundle }, /worker started/);
  await second.started;
  expect(second.output()).toContain(`workflows from the bundle ${bundle}`);
  expect(second.output()).not.toMatch(/bundling the journey workflows/);
  try {
    await eventually(() => h.db.task.findFirst({ where: { journeyId: body.journeyId, type: 'follow-up-call', status: 'OPEN' } }), Boolean, 30_000);
  } finally {
    second.child.kill('SIGTERM');
    expect(await stopped(second, 30_000)).toBe(0);
  }
}, 180_000);

it('a worker started before its namespace exists waits for it, then polls; its /healthz says so', async () => {
  const namespace = `late-${Date.now()}`;
  const healthPort = await freePort();
  const worker = replica('workers/main.ts', { TEMPORAL_NAMESPACE: namespace, WORKER_HEALTH_PORT: String(healthPort) }, /worker started/);
  try {
    await eventually(async () => worker.output(), (out) => out.includes(`waiting for the namespace ${namespace}`), 30_000);
    expect(worker.child.exitCode).toBeNull(); // waiting, not exited
    await h.env.connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: { seconds: Long.fromNumber(86_400) } });
    await worker.started;
    const health = await eventually(
      () => fetch(`http://127.0.0.1:${healthPort}/healthz`).then(async (r) => ({ status: r.status, body: await r.json() }), () => ({ status: 0, body: 'not listening' })),
      (r) => r.status === 200,
      15_000,
    );
    expect(health.body).toEqual({ state: 'RUNNING' });
    expect((await fetch(`http://127.0.0.1:${healthPort}/other`)).status).toBe(404);
  } finally {
    worker.child.kill('SIGTERM');
    expect(await stopped(worker, 30_000)).toBe(0);
  }
}, 120_000);
