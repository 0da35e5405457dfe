// The topology's processes: each spawned as a container's main process would be (the command
// itself, no shell or npm in between, so signals reach it), its output kept in a log file of its own
// (shown when something fails), with a wait for a line saying it is ready and for its exit.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './compose';

export type Proc = {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** Resolves once a line matching `ready` appeared; rejects if the process exits first. */
  ready: Promise<void>;
  /** The exit code (null when a signal ended it) once it has exited. */
  exited: Promise<number | null>;
  output(): string;
};

export class Processes {
  readonly all: Proc[] = [];
  constructor(private readonly logDir: string) {
    fs.mkdirSync(logDir, { recursive: true });
  }

  start(name: string, command: string[], env: Record<string, string>, opts: { ready?: RegExp; cwd?: string } = {}): Proc {
    const [cmd, ...args] = command;
    const logFile = path.join(this.logDir, `${name}.log`);
    const out = fs.createWriteStream(logFile);
    const child = spawn(cmd!, args, { cwd: opts.cwd ?? root, env: { PATH: process.env.PATH!, HOME: process.env.HOME!, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      out.write(chunk);
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const ready = new Promise<void>((resolve, reject) => {
      if (!opts.ready) return resolve();
      const check = () => opts.ready!.test(output) && resolve();
      child.stdout!.on('data', check);
      child.stderr!.on('data', check);
      void exited.then((code) => reject(new Error(`${name} exited (${code}) before it was ready; its log: ${logFile}\n${tail(output)}`)));
    });
    ready.catch(() => undefined);
    const proc = { name, child, logFile, ready, exited, output: () => output };
    this.all.push(proc);
    return proc;
  }

  /** A one-shot job (compose's `service_completed_successfully`): runs to exit 0 or throws with its output. */
  async run(name: string, command: string[], env: Record<string, string>): Promise<string> {
    const proc = this.start(name, command, env);
    const code = await proc.exited;
    if (code !== 0) throw new Error(`${name} failed (exit ${code}); its log: ${proc.logFile}\n${tail(proc.output())}`);
    return proc.output();
  }

  running(): Proc[] {
    return this.all.filter((p) => p.child.exitCode === null && p.child.signalCode === null);
  }

  killAll() {
    for (const p of this.running()) p.child.kill('SIGKILL');
  }
}

/** Stops a process with `signal`; its exit code, or 'still running' after `ms`. */
export async function stop(proc: Proc, signal: NodeJS.Signals, ms: number): Promise<number | null | 'still running'> {
  proc.child.kill(signal);
  return Promise.race([proc.exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms))]);
}

export const tail = (text: string, lines = 40) => text.trimEnd().split('\n').slice(-lines).join('\n');
