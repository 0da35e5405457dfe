// The embedded Temporal: the real dev server (`temporal server start-dev`) with SQLite persistence
// under DATA_DIR, so journeys survive restarts. Started through @temporalio/testing, which owns
// the process and stops it on teardown.
import fs from 'node:fs';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Logger } from './logger';
import { resolveTemporalCli } from './temporal-cli';

export type RunningTemporal = { address: string; stop: () => Promise<void> };

const STARTS = 3;

/**
 * Starts a Temporal server through @temporalio/testing, again if it timed out: the SDK gives the
 * server a fixed 5 s to answer (then kills it), and on a busy machine the dev server can take
 * longer to come up. Any other failure is final.
 */
export async function startWithinSdkDeadline<T>(start: () => Promise<T>, log?: Logger): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (err) {
      if (attempt === STARTS || !String(err).includes('did not start within')) throw err;
      log?.warn({ attempt }, 'The Temporal server did not answer within the SDK\'s 5 s; starting it again');
    }
  }
}

export async function startTemporalDevServer(opts: {
  dataDir: string;
  cliPath?: string;
  namespace: string;
  port: number;
  uiPort: number;
  log: Logger;
}): Promise<RunningTemporal> {
  const executable = await resolveTemporalCli({ cliPath: opts.cliPath, dataDir: opts.dataDir, log: opts.log });
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const env = await startWithinSdkDeadline(() => TestWorkflowEnvironment.createLocal({
    server: {
      executable: executable ? { type: 'existing-path', path: executable } : { type: 'cached-download' },
      dbFilename: path.join(opts.dataDir, 'temporal.sqlite'),
      namespace: opts.namespace,
      ip: '127.0.0.1',
      port: opts.port,
      ui: true,
      uiPort: opts.uiPort,
      log: { format: 'json', level: 'warn' },
    },
  }), opts.log);
  const address = `127.0.0.1:${opts.port}`;
  opts.log.info({ address, ui: `http://localhost:${opts.uiPort}` }, 'Temporal dev server running');
  return { address, stop: () => env.teardown() };
}
