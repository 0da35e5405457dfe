// The admin UI is looked for per request: before it is built, its pages answer 503 saying what to
// run (not Express's bare 404), and once built they are served without restarting the API,
// compressed for a browser that accepts it.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { ADMIN_UI_DIST, createApp } from '../../api/app';
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

/** The raw answer: status, headers and the bytes as sent (not decompressed). */
const raw = (url: string, headers: Record<string, string>) =>
  new Promise<{ status: number; encoding?: string; bytes: number }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ status: res.statusCode!, encoding: res.headers['content-encoding'], bytes }));
      })
      .on('error', reject);
  });

it('sends the built UI compressed to a browser that accepts it, and API answers uncompressed', async () => {
  const index = fs.readFileSync(path.join(ADMIN_UI_DIST, 'index.html'), 'utf8');
  const script = /<script[^>]+src="([^"]+\.js)"/.exec(index)![1]!;
  const size = fs.statSync(path.join(ADMIN_UI_DIST, script)).size;
  const br = await raw(`${h.baseUrl}${script}`, { 'Accept-Encoding': 'br, gzip' });
  expect(br).toMatchObject({ status: 200, encoding: 'br' });
  expect(br.bytes).toBeLessThan(size / 3); // minified JavaScript compresses well
  const gzip = await raw(`${h.baseUrl}${script}`, { 'Accept-Encoding': 'gzip' });
  expect(gzip).toMatchObject({ status: 200, encoding: 'gzip' });
  expect(await raw(`${h.baseUrl}${script}`, {})).toMatchObject({ status: 200, encoding: undefined, bytes: size });
  // JSON from the API stays as it is (secrets next to reflected input: BREACH).
  expect((await raw(`${h.baseUrl}/api/openapi.json`, { 'Accept-Encoding': 'br, gzip' })).encoding).toBeUndefined();
});
