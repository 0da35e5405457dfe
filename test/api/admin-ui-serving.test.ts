// The admin UI is looked for per request: before it is built, its pages answer 503 saying what to
// run (not Express's bare 404), and once built they are served without restarting the API.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { createApp } from '../../api/app';
import { createLogger } from '../../platform/logger';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(() => h?.stop());

it('answers 503 naming the build step until the UI is built, then serves it without a restart', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pf-ui-'));
  const app = createApp({ db: h.db, temporal: h.env.client, config: h.config, log: createLogger('silent', 'test'), adminUiDir: dir });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  try {
    const { port } = server.address() as { port: number };
    const before = await fetch(`http://127.0.0.1:${port}/tasks`);
    expect(before.status).toBe(503);
    expect(before.headers.get('retry-after')).not.toBeNull();
    expect(((await before.json()) as { error: { message: string } }).error.message).toContain('npm run ui:build');

    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Pivotal Flow</title>');
    const after = await fetch(`http://127.0.0.1:${port}/tasks`);
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('<title>Pivotal Flow</title>');
    // The API's own paths are never the UI's.
    expect((await fetch(`http://127.0.0.1:${port}/api/nothing-here`)).status).toBe(404);
  } finally {
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
