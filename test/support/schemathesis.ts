// Schemathesis (PyPI) in a virtualenv of its own under the repository (.venv-schemathesis,
// git-ignored), made on first use: the version is pinned so a run means the same thing everywhere.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const SCHEMATHESIS_VERSION = '4.32.5';
const VENV = path.resolve(__dirname, '..', '..', '.venv-schemathesis');
const BIN = path.join(VENV, 'bin', 'schemathesis');

function sh(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
}

/** The schemathesis executable, installed into the venv when missing or of another version. */
export function ensureSchemathesis(): string {
  const version = fs.existsSync(BIN) ? spawnSync(BIN, ['--version'], { encoding: 'utf8' }).stdout : '';
  if (!version.includes(SCHEMATHESIS_VERSION)) {
    console.log(`Installing schemathesis ${SCHEMATHESIS_VERSION} into ${VENV}`);
    if (!fs.existsSync(path.join(VENV, 'bin', 'pip'))) sh('python3', ['-m', 'venv', VENV]);
    sh(path.join(VENV, 'bin', 'pip'), ['install', '--quiet', `schemathesis==${SCHEMATHESIS_VERSION}`]);
  }
  return BIN;
}

/**
 * Runs schemathesis with `args`; resolves to its exit code and output. The output is printed only
 * when it fails: its pytest-style summary ("2 warnings in 64s") would otherwise read, to whatever
 * reads the run's log, as a test run of its own that ran nothing.
 */
export function runSchemathesis(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(ensureSchemathesis(), args, { env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    const take = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) process.stdout.write(output);
      resolve({ code: code ?? 1, output });
    });
  });
}
