// The README's "Try it" commands, run with bash exactly as written against a running platform:
// only the address (and the email, so the journey is this run's own) is changed. A command that
// does not work pasted as written (curl globbing a JSON filter, a placeholder) fails here.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { startHarness, type Harness } from '../support/harness';
import { eventually } from '../support/http';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');

it('runs the "Try it" commands as written: a lead, its follow-up task claimed and completed, the journey moves to discovery', async () => {
  const tryIt = readme.slice(readme.indexOf('### Try it'));
  const start = tryIt.indexOf('```sh\n') + 6;
  const block = tryIt.slice(start, tryIt.indexOf('\n```', start));
  expect(block).toContain('curl');
  const script = block
    .replaceAll('localhost:3000', h.baseUrl.replace('http://', ''))
    .replace('nancy@northwind.test', `nancy-${Date.now()}@northwind.test`);
  // Asynchronously: the API answering these commands runs in this process.
  // --norc: with its stdin a socket (as Node gives it), bash may take itself for a remote shell and read bashrc.
  const run = await promisify(execFile)('bash', ['--norc', '-euo', 'pipefail', '-c', script], { encoding: 'utf8', timeout: 60_000 });
  expect(run.stderr).toBe('');
  const out = run.stdout;
  expect(out).toMatch(/"journeyId":"journey:[0-9a-f-]+:acquisition:1"/);
  expect(out).not.toContain('"error"');
  expect(out).toMatch(/"status":"COMPLETED"/);
  const journeyId = /"journeyId":"([^"]+)"/.exec(out)![1]!;
  await eventually(() => h.as('sales')('GET', `/api/journeys/${journeyId}`), (r) => r.body.stage === 'discovery');
  expect(out).toMatch(/Web UI: http:\/\/localhost:8233\/namespaces\/default\/workflows\/journey:/);
});
