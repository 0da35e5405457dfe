// CI's proof that the README's start command works on a fresh clone: `npm start` on spare ports
// and a fresh DATA_DIR, /readyz, a lead through the contact form whose follow-up task appears, a
// second `npm start` on the same DATA_DIR refused while the first keeps serving, then Ctrl-C (SIGINT
// to the whole process group, as a terminal sends it) and no PostgreSQL or Temporal process left.
// Then a restart on the same DATA_DIR still has the journey, and killing its Temporal server makes
// the platform say so and exit non-zero, again leaving nothing behind.
// Exits non-zero, saying which step failed, if any of it does not hold.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processesUnder } from '../platform/instance-lock';
import { freePort } from './free-port';

const root = path.resolve(__dirname, '..');
const FIRST_START_TIMEOUT_MS = 20 * 60_000; // the first start on a machine may build the Temporal CLI

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function fail(message: string): never {
  throw new Error(message);
}

/** Polls `probe` (its errors count as "not yet") until it gives a value; `abort` ends the wait early. */
async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>, abort?: () => string | undefined): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reason = abort?.();
    if (reason) fail(reason);
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) fail(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await sleep(500);
  }
}

const groups: ChildProcess[] = [];

/** `npm start` in its own process group, its output prefixed and kept. */
function npmStart(env: NodeJS.ProcessEnv, label: string): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn('npm', ['start'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  groups.push(child);
  let output = '';
  const echo = (chunk: Buffer) => {
    output += chunk;
    for (const line of String(chunk).split('\n').filter(Boolean)) process.stdout.write(`  [${label}] ${line}\n`);
  };
  child.stdout!.on('data', echo);
  child.stderr!.on('data', echo);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function noneLeft(dataDir: string, when: string) {
  await sleep(1000);
  const left = processesUnder(dataDir);
  if (left.length) fail(`processes left running ${when}:\n${left.map((p) => `  ${p.pid} ${p.argv.join(' ')}`).join('\n')}`);
}

/** Ctrl-C as a terminal sends it (SIGINT to the whole process group): an orderly stop, nothing left. */
async function ctrlC(run: ReturnType<typeof npmStart>, dataDir: string) {
  console.log('▶ Ctrl-C');
  process.kill(-run.child.pid!, 'SIGINT');
  const code = await Promise.race([run.exited, sleep(60_000).then(() => 'timeout' as const)]);
  if (code === 'timeout') fail('npm start did not stop within 60 s of Ctrl-C');
  if (!/"msg":"stopped"/.test(run.output())) fail('npm start did not log "stopped": its shutdown was cut short');
  await noneLeft(dataDir, 'after Ctrl-C');
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pf-start-check-'));
  // As a fresh clone's .data would be: embedded PostgreSQL runs as its own user when started as root.
  fs.chmodSync(dataDir, 0o755);
  const [port, pgPort, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: '',
    TEMPORAL_ADDRESS: '',
    DATA_DIR: dataDir,
    PORT: String(port),
    EMBEDDED_PG_PORT: String(pgPort),
    TEMPORAL_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(uiPort),
  };
  const base = `http://127.0.0.1:${port}`;
  console.log(`▶ npm start (PORT=${port}, DATA_DIR=${dataDir})`);
  const first = npmStart(env, 'start');
  let firstExit: number | null | undefined;
  void first.exited.then((code) => (firstExit = code));
  try {
    await until(
      '/readyz to answer 200',
      FIRST_START_TIMEOUT_MS,
      async () => ((await fetch(`${base}/readyz`)).status === 200 ? true : undefined),
      () => (firstExit === undefined ? undefined : `npm start exited with ${firstExit} before it was ready`),
    );
    console.log('▶ ready; submitting a lead');
    const lead = await fetch(`${base}/api/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        companyName: 'Start Check Ltd',
        contactName: 'Casey Check',
        email: `start-check-${Date.now()}@example.test`,
        projectType: 'Website Design',
        budgetRange: '$10K-$50K',
        timeline: '3-6 months',
        description: 'Proves a fresh clone starts',
      }),
    });
    const leadBody = (await lead.json()) as { journeyId?: string };
    if (lead.status !== 201 || !leadBody.journeyId) fail(`POST /api/leads answered ${lead.status} ${JSON.stringify(leadBody)}`);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'sales@pivotal.test', password: 'pivotal-dev' }),
    });
    const { token } = (await login.json()) as { token: string };
    const filter = encodeURIComponent(JSON.stringify({ journeyId: leadBody.journeyId }));
    await until('the lead’s follow-up task (the worker runs the journey)', 60_000, async () => {
      const res = await fetch(`${base}/api/tasks?filter=${filter}`, { headers: { authorization: `Bearer ${token}` } });
      const tasks = (await res.json()) as Array<{ type: string }>;
      return tasks.some((t) => t.type === 'follow-up-call') ? true : undefined;
    });
    console.log(`▶ ${leadBody.journeyId} waits on its follow-up call`);

    console.log('▶ a second npm start on the same DATA_DIR must be refused');
    const second = npmStart({ ...env, PORT: String(await freePort()) }, 'second');
    const secondCode = await Promise.race([second.exited, sleep(60_000).then(() => 'timeout' as const)]);
    if (secondCode === 'timeout') {
      process.kill(-second.child.pid!, 'SIGKILL');
      fail('the second npm start did not stop within 60 s');
    }
    if (secondCode === 0) fail('the second npm start exited 0 instead of refusing');
    if (!/in use by another Pivotal Flow \(pid \d+/.test(second.output())) {
      fail('the second npm start did not name the running instance');
    }
    if ((await fetch(`${base}/readyz`)).status !== 200) fail('the first instance stopped serving after the second was refused');

    await ctrlC(first, dataDir);

    console.log('▶ npm start again on the same DATA_DIR: the journey is still there');
    const again = npmStart(env, 'again');
    let againExit: number | null | undefined;
    void again.exited.then((code) => (againExit = code));
    await until('/readyz after the restart', FIRST_START_TIMEOUT_MS, async () => ((await fetch(`${base}/readyz`)).status === 200 ? true : undefined), () =>
      againExit === undefined ? undefined : `the second start exited with ${againExit}`,
    );
    const relogin = (await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'sales@pivotal.test', password: 'pivotal-dev' }) })).json()) as { token: string };
    const tasks = (await (await fetch(`${base}/api/tasks?filter=${filter}`, { headers: { authorization: `Bearer ${relogin.token}` } })).json()) as Array<{ type: string; status: string }>;
    if (!tasks.some((t) => t.type === 'follow-up-call' && t.status === 'OPEN')) fail(`after the restart the journey's task is gone: ${JSON.stringify(tasks)}`);

    console.log('▶ the embedded Temporal dev server killed: the platform must say so and exit non-zero');
    const temporal = processesUnder(dataDir).find((p) => path.basename(p.argv[0] ?? '') === 'temporal');
    if (!temporal) fail('no Temporal dev server process found under DATA_DIR');
    process.kill(temporal.pid, 'SIGKILL');
    const died = await Promise.race([again.exited, sleep(60_000).then(() => 'timeout' as const)]);
    if (died === 'timeout') fail('the platform kept running for 60 s without its Temporal server');
    if (died === 0) fail('the platform exited 0 after losing its Temporal server');
    if (!/Temporal dev server \(pid \d+\) exited/.test(again.output())) fail('the platform did not say which part died');
    await noneLeft(dataDir, 'after the Temporal server died');
    console.log(`✔ npm start works on this checkout: ready, lead taken, second instance refused, Ctrl-C stopped it cleanly, restart kept the journey, a dead Temporal server stopped it (exit ${died}), nothing left running`);
  } finally {
    for (const p of processesUnder(dataDir)) process.kill(p.pid, 'SIGKILL');
    for (const g of groups) {
      try {
        process.kill(-g.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(`✘ start check failed: ${err.message}`);
    process.exit(1);
  },
);
