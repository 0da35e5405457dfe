// The real multi-service Temporal server for the production topology run: `temporal-server` and
// `temporal-sql-tool` built from the Go module proxy at the version compose's images carry, with the
// config template (config/docker.yaml, the one the temporalio/server image renders) and the
// PostgreSQL schemas from the same module. Cached per user, like the CLI, so later runs skip the build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { goAvailable, goInstall } from '../../platform/go-install';
import type { Logger } from '../../platform/logger';

/** The version of compose's temporalio/server and temporalio/admin-tools images (a test keeps them equal). */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const MODULE = 'go.temporal.io/server';

export type TemporalServerFiles = { binDir: string; configTemplate: string; schemaDir: string };

export async function resolveTemporalServer(log: Logger): Promise<TemporalServerFiles> {
  const userCache = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  const dir = path.join(userCache, 'pivotal-flow', `temporal-server-${TEMPORAL_SERVER_VERSION}`);
  const files = { binDir: path.join(dir, 'bin'), configTemplate: path.join(dir, 'config', 'docker.yaml'), schemaDir: path.join(dir, 'schema', 'postgresql', 'v12') };
  const complete = ['temporal-server', 'temporal-sql-tool'].every((b) => fs.existsSync(path.join(files.binDir, b))) && fs.existsSync(files.configTemplate) && fs.existsSync(files.schemaDir);
  if (complete) return files;
  if (!goAvailable()) throw new Error('The production topology run builds the Temporal server with Go, which is not installed');

  const gobin = path.join(dir, 'gobin');
  await goInstall([`${MODULE}/cmd/server@${TEMPORAL_SERVER_VERSION}`, `${MODULE}/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`], gobin, `the Temporal server ${TEMPORAL_SERVER_VERSION}`, log);
  fs.mkdirSync(files.binDir, { recursive: true });
  // The names the images give them.
  fs.renameSync(path.join(gobin, 'server'), path.join(files.binDir, 'temporal-server'));
  fs.renameSync(path.join(gobin, 'sql'), path.join(files.binDir, 'temporal-sql-tool'));
  fs.rmSync(gobin, { recursive: true, force: true });
  // The module's source, which go install left in the module cache: the config template and schemas.
  const modCache = spawnSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).stdout.trim();
  const source = path.join(modCache, `${MODULE}@${TEMPORAL_SERVER_VERSION}`);
  fs.mkdirSync(path.dirname(files.configTemplate), { recursive: true });
  fs.copyFileSync(path.join(source, 'config', 'docker.yaml'), files.configTemplate);
  fs.cpSync(path.join(source, 'schema', 'postgresql', 'v12'), files.schemaDir, { recursive: true });
  return files;
}
