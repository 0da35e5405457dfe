// Two API processes on one database, each listening for the other's forgets (api/auth/auth-events.ts):
// a token revoked, a session logged out and a user's roles changed on one stop working on the
// other within a second, though the other had just cached them; a process that cannot listen caches
// nothing, and one whose connection was ended reconnects and hears again.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../api/app';
import { listenForForgets, type AuthEvents } from '../../api/auth/auth-events';
import { createLogger } from '../../platform/logger';
import { startHarness, type Harness } from '../support/harness';
import { eventually, request } from '../support/http';

let h: Harness;
const servers: Server[] = [];
const listeners: AuthEvents[] = [];
beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(async () => {
  await Promise.all(listeners.map((l) => l.close()));
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await h?.stop();
});

const log = createLogger('silent', 'test');
const PASSWORD = 'correct horse battery staple';

/** Another API process: its own app, cache and listening connection, on the run's database. */
async function apiProcess(databaseUrl = process.env.DATABASE_URL!): Promise<{ url: string; events: AuthEvents }> {
  const events = await listenForForgets(databaseUrl, log);
  listeners.push(events);
  const server = await new Promise<Server>((resolve) => {
    const s = createApp({ db: h.db, temporal: h.env.client, config: h.config, log, authEvents: events }).listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, events };
}

const me = (url: string, token: string) => request(url, 'GET', '/api/auth/me', undefined, token).then((r) => r.status);
/** Refused within a second of the change on the other process. */
const refusedWithinASecond = (url: string, token: string) => eventually(() => me(url, token), (status) => status === 401, 1_000);

it('stops a revoked token, a logged-out session and a changed user on the other process within a second', async () => {
  const [a, b] = [await apiProcess(), await apiProcess()];
  const admin = h.users.admin.token;

  const issued = await request(a.url, 'POST', '/api/api-tokens', { name: `across-${Date.now()}`, roles: ['sales'] }, admin);
  expect(await me(b.url, issued.body.token)).toBe(200); // cached on b
  expect((await request(a.url, 'DELETE', `/api/api-tokens/${issued.body.id}`, undefined, admin)).status).toBe(204);
  await refusedWithinASecond(b.url, issued.body.token);

  // A user of this test's own: ending a dev user's sessions would log out the other test files,
  // which run at the same time on the same database.
  const email = `across-${randomUUID()}@pivotal.test`;
  const created = await request(a.url, 'POST', '/api/users', { email, name: 'Across Processes', roles: ['pm'], password: PASSWORD }, admin);
  expect(created.status).toBe(201);
  const login = async () => (await request(a.url, 'POST', '/api/auth/login', { email, password: PASSWORD })).body.token as string;
  const session = await login();
  expect(await me(b.url, session)).toBe(200);
  expect((await request(a.url, 'POST', '/api/auth/logout', undefined, session)).status).toBe(204);
  await refusedWithinASecond(b.url, session);

  // A role change ends the user's sessions: the one b has cached with the old roles too.
  const pm = await login();
  expect(await me(b.url, pm)).toBe(200);
  expect((await request(a.url, 'PATCH', `/api/users/${created.body.id}`, { roles: ['pm', 'finance'] }, admin)).status).toBe(200);
  await refusedWithinASecond(b.url, pm);
});

it('caches nothing while it cannot listen, and hears again once it is back', async () => {
  const admin = h.users.admin.token;
  // A process whose listening connection cannot be made: every request reads the database, so a
  // token revoked where nobody announces it (straight in the database) is refused at once.
  const deaf = await apiProcess('postgresql://nobody@127.0.0.1:1/none');
  expect(deaf.events.listening()).toBe(false);
  const issued = await request(deaf.url, 'POST', '/api/api-tokens', { name: `deaf-${Date.now()}`, roles: ['sales'] }, admin);
  expect(await me(deaf.url, issued.body.token)).toBe(200);
  await h.db.apiToken.update({ where: { id: issued.body.id }, data: { revokedAt: new Date() } });
  expect(await me(deaf.url, issued.body.token)).toBe(401);

  // A process whose connection the database ends reconnects, and hears the next revocation.
  const [a, b] = [await apiProcess(), await apiProcess()];
  await h.db.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN pf_auth_forget' AND pid <> pg_backend_pid()`;
  await eventually(async () => b.events.listening(), (listening) => !listening, 2_000);
  await eventually(async () => b.events.listening(), Boolean, 5_000);
  const next = await request(a.url, 'POST', '/api/api-tokens', { name: `back-${Date.now()}`, roles: ['sales'] }, admin);
  expect(await me(b.url, next.body.token)).toBe(200);
  expect((await request(a.url, 'DELETE', `/api/api-tokens/${next.body.id}`, undefined, admin)).status).toBe(204);
  await refusedWithinASecond(b.url, next.body.token);
});
