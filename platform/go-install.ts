// Builds Go programs from the Go module proxy (`go install module@version` into a folder), with
// progress in the log: the Temporal CLI for `npm start` and the tests, the Temporal server and its
// SQL tool for the production topology run. A first build takes minutes; Go caches what it fetched.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { Logger } from './logger';

export const goAvailable = () => spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;

/** `go install` each of `packages` (all `module/path@version`) into `dir`. */
export async function goInstall(packages: string[], dir: string, what: string, log: Logger): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  log.info({ packages, into: dir }, `building ${what} from the Go module proxy (first run only; takes a few minutes)`);
  const started = Date.now();
  const ticker = setInterval(() => log.info({ elapsedSeconds: Math.round((Date.now() - started) / 1000) }, `still building ${what}…`), 15_000);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn('go', ['install', ...packages], { env: { ...process.env, GOBIN: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
      let downloads = 0;
      let tail = '';
      child.stderr.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        tail = (tail + text).slice(-4000);
        const n = (text.match(/go: downloading/g) ?? []).length;
        if (n > 0) {
          downloads += n;
          if (downloads % 25 < n) log.info({ modulesDownloaded: downloads }, 'fetching Go modules');
        }
      });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`go install failed (exit ${code}):\n${tail}`))));
    });
  } finally {
    clearInterval(ticker);
  }
  log.info({ seconds: Math.round((Date.now() - started) / 1000) }, `${what} built`);
}
