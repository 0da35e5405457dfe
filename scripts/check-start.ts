// CI's proof that the README's start command works on a fresh clone: `npm start` on spare ports
// and a fresh DATA_DIR, /readyz, a lead through the contact form whose follow-up task appears, a
// second `npm start` on the same DATA_DIR refused while the first keeps serving, then Ctrl-C (SIGINT
// to the whole process group, as a terminal sends it) and no PostgreSQL or Temporal process left.
// Exits non-zero, saying which step failed, if any of it does not hold.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { processesUnder } from '../platform/instance-lock';

const root = path.resolve(__dirname, '..');
const FIRST_START_TIMEOUT_MS = 20 * 60_000; // the first start on a machine may build the Temporal CLI

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

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

/** `npm start` in its own process group, its output prefixed and kept. */
function npmStart(env: NodeJS.ProcessEnv, label: string): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn('npm', ['start'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
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

    console.log('▶ Ctrl-C');
    process.kill(-first.child.pid!, 'SIGINT');
    const code = await Promise.race([first.exited, sleep(60_000).then(() => 'timeout' as const)]);
    if (code === 'timeout') fail('npm start did not stop within 60 s of Ctrl-C');
    if (!/"msg":"stopped"/.test(first.output())) fail('npm start did not log "stopped": its shutdown was cut short');
    await sleep(1000);
    const left = processesUnder(dataDir);
    if (left.length) fail(`processes left running after Ctrl-C:\n${left.map((p) => `  ${p.pid} ${p.argv.join(' ')}`).join('\n')}`);
    console.log(`✔ npm start works on this checkout: ready, lead taken, second instance refused, stopped (exit ${code}), nothing left running`);
  } finally {
    for (const p of processesUnder(dataDir)) process.kill(p.pid, 'SIGKILL');
    try {
      process.kill(-first.child.pid!, 'SIGKILL');
    } catch {
      // already gone
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
