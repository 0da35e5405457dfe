// Finds or builds the Temporal CLI, which carries the real Temporal dev server.
// Order: TEMPORAL_CLI_PATH → `temporal` on PATH → a cached binary → build from the Go module
// proxy (minutes on first run, with progress) → undefined, meaning "let the SDK download it"
// (works on a machine with ordinary internet access).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { goAvailable, goInstall } from './go-install';
import type { Logger } from './logger';

/** v1.5.1 is the newest CLI that `go install` accepts (later ones carry a `replace` directive). */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const MODULE = 'github.com/temporalio/cli/cmd/temporal';

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** Cache folders, project-local first; the per-user one lets fresh clones skip the build. */
export function cliCacheDirs(dataDir: string): string[] {
  const userCache = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return [path.join(dataDir, 'bin'), path.join(userCache, 'pivotal-flow', `temporal-cli-${TEMPORAL_CLI_VERSION}`)];
}

export async function resolveTemporalCli(opts: {
  cliPath?: string;
  dataDir: string;
  log: Logger;
}): Promise<string | undefined> {
  const { log } = opts;
  if (opts.cliPath) {
    if (!isExecutable(opts.cliPath)) throw new Error(`TEMPORAL_CLI_PATH=${opts.cliPath} is not an executable file`);
    return opts.cliPath;
  }
  const found = onPath('temporal');
  if (found) return found;

  const [local, shared] = cliCacheDirs(opts.dataDir) as [string, string];
  for (const dir of [local, shared]) {
    const bin = path.join(dir, 'temporal');
    if (isExecutable(bin)) {
      if (dir !== local) copyInto(bin, local);
      return dir === local ? bin : path.join(local, 'temporal');
    }
  }

  if (goAvailable()) {
    await goInstall([`${MODULE}@${TEMPORAL_CLI_VERSION}`], shared, 'the Temporal CLI', log);
    copyInto(path.join(shared, 'temporal'), local);
    return path.join(local, 'temporal');
  }
  log.warn('No Temporal CLI found and Go is not installed: the SDK will download the dev server');
  return undefined;
}

function copyInto(bin: string, dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(bin, path.join(dir, 'temporal'));
  fs.chmodSync(path.join(dir, 'temporal'), 0o755);
}
