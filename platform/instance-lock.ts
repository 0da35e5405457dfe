// One platform per DATA_DIR, and never someone else's servers (nor one of its own that died). Before `npm start` builds or starts
// anything it takes DATA_DIR's lock (refusing, with the PID, while another instance holds it),
// stops what a crashed earlier run left behind under DATA_DIR (named in the log), and checks that
// every port it is about to bind is free, so it can never adopt a Temporal server it did not start.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from './logger';

export class InstanceConflict extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InstanceConflict';
  }
}

export type InstanceLock = { release: () => void };

type LockInfo = { pid: number; startedAt: string; url?: string };

/** Whether `pid` runs: a zombie (exited, not yet reaped by its parent) does not. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true; // no /proc: kill(0) is all we know
  }
}

function readLock(file: string): LockInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

/** Takes DATA_DIR's lock file atomically; a lock whose process is gone is stale and taken over. */
export function lockDataDir(dataDir: string, url: string): InstanceLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'pivotal-flow.lock');
  const mine: LockInfo = { pid: process.pid, startedAt: new Date().toISOString(), url };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      const release = () => {
        if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
      };
      // Last resort for exits that skip the orderly shutdown (a crash, process.exit elsewhere).
      process.once('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(file);
      if (holder && holder.pid !== process.pid && alive(holder.pid)) {
        throw new InstanceConflict(
          `DATA_DIR ${dataDir} is in use by another Pivotal Flow (pid ${holder.pid}, started ${holder.startedAt}` +
            `${holder.url ? `, serving ${holder.url}` : ''}). Stop it first, or give this one its own DATA_DIR and ports.`,
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new InstanceConflict(`Could not take the lock ${file}: another instance is starting at the same moment`);
}

/** Processes (other than this one) whose command line names a path under `dir`: Linux /proc only. */
export function processesUnder(dir: string): Array<{ pid: number; argv: string[] }> {
  if (!fs.existsSync('/proc')) return [];
  const found: Array<{ pid: number; argv: string[] }> = [];
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    let argv: string[];
    try {
      argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    } catch {
      continue; // ended while we looked
    }
    if (argv.some((a) => a.includes(`${dir}${path.sep}`))) found.push({ pid, argv });
  }
  return found;
}

/** The embedded PostgreSQL and Temporal dev server working on DATA_DIR's files. */
function embeddedServers(dataDir: string) {
  const ours = new Set(['postgres', 'temporal']);
  return processesUnder(dataDir).filter((p) => ours.has(path.basename(p.argv[0] ?? '')));
}

/**
 * A crashed or SIGKILLed earlier run can leave its Temporal dev server or PostgreSQL running on
 * DATA_DIR's files. Holding the lock means no live instance owns them: name and stop them.
 */
export async function stopStrays(dataDir: string, log: Logger): Promise<void> {
  const strays = embeddedServers(dataDir);
  for (const stray of strays) {
    log.warn({ pid: stray.pid, command: stray.argv.join(' ') }, 'stopping a server an earlier run left on DATA_DIR');
    process.kill(stray.pid, 'SIGTERM');
  }
  const deadline = Date.now() + 10_000;
  while (strays.some((s) => alive(s.pid)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const s of strays.filter((s) => alive(s.pid))) process.kill(s.pid, 'SIGKILL');
}

function portFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ host, port, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** Refuses to go on when a port this instance is about to bind is taken, naming it. */
export async function assertPortsFree(ports: Array<{ name: string; host: string; port: number }>): Promise<void> {
  const taken = [];
  for (const p of ports) if (!(await portFree(p.host, p.port))) taken.push(`${p.name}=${p.port} (${p.host})`);
  if (taken.length) {
    throw new InstanceConflict(
      `Port${taken.length > 1 ? 's' : ''} in use by another process: ${taken.join(', ')}. ` +
        'Stop what holds it, or choose other ports (README, "Configuration").',
    );
  }
}

/**
 * Calls `onExit` once if an embedded server running now exits (killed, crashed): the platform
 * cannot serve without it, and says so rather than answering errors with /healthz at 200.
 * Returns the function that stops watching (before an orderly shutdown stops them itself).
 */
export function watchEmbeddedServers(dataDir: string, onExit: (server: string) => void): () => void {
  const servers = embeddedServers(dataDir);
  const timer = setInterval(() => {
    const dead = servers.find((s) => !alive(s.pid));
    if (!dead) return;
    clearInterval(timer);
    onExit(`the embedded ${path.basename(dead.argv[0]!) === 'postgres' ? 'PostgreSQL' : 'Temporal dev server'} (pid ${dead.pid}) exited`);
  }, 1_000);
  timer.unref();
  return () => clearInterval(timer);
}
