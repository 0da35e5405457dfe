// Saved views on the real stack: a person's own views of a list and those shared with a role they
// hold; names unique per person and list (409), two identical saves at once one row; only the owner
// changes or deletes one (404 to others, so ids do not leak); sharing only with a role one holds
// (managers: any); every bad input a 400 naming its field.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../api/auth/roles';
import { startHarness, type Harness } from '../support/harness';
import { request } from '../support/http';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(() => h?.stop());

const PASSWORD = 'saved views password';

/** A person of our own (the development users' roles are shared with other files), logged in. */
async function person(roles: Role[], name = 'Test Person') {
  const email = `views-${randomUUID()}@pivotal.test`;
  const created = await h.as('admin')('POST', '/api/users', { email, name, roles, password: PASSWORD });
  expect(created.status).toBe(201);
  const login = await request(h.baseUrl, 'POST', '/api/auth/login', { email, password: PASSWORD });
  const token = login.body.token as string;
  const call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => request(h.baseUrl, method, path, body, token, headers);
  return { id: created.body.id as string, name, call };
}

const overdueMine = { resource: 'tasks', name: 'Overdue, mine', filter: { queue: 'mine', overdue: true }, sort: { field: 'dueAt', order: 'ASC' } };
const fieldsOf = (res: { body: any }) => (res.body.error.fields as { field: string }[]).map((f) => f.field);

it('saves a view, lists it as mine, and shares it with a role: those holding it see it, others do not', async () => {
  const ann = await person(['pm'], 'Ann Planner');
  const bob = await person(['pm'], 'Bob Planner');
  const sal = await person(['sales']);

  const saved = await ann.call('POST', '/api/saved-views', { ...overdueMine, sharedWithRole: 'pm' });
  expect(saved.status).toBe(201);
  expect(saved.body).toMatchObject({ ...overdueMine, sharedWithRole: 'pm', mine: true, owner: { id: ann.id, name: 'Ann Planner' } });
  const own = await ann.call('POST', '/api/saved-views', { resource: 'tasks', name: 'Mine only', filter: { queue: 'mine' } });
  expect(own.body).toMatchObject({ sort: null, sharedWithRole: null });

  const annList = await ann.call('GET', '/api/saved-views?resource=tasks');
  expect(annList.body.map((v: any) => [v.name, v.mine])).toEqual([
    ['Mine only', true],
    ['Overdue, mine', true],
  ]);
  const bobList = await bob.call('GET', '/api/saved-views?resource=tasks');
  expect(bobList.body).toEqual([expect.objectContaining({ id: saved.body.id, mine: false, owner: { id: ann.id, name: 'Ann Planner' }, filter: overdueMine.filter })]);
  expect((await sal.call('GET', '/api/saved-views?resource=tasks')).body).toEqual([]);
  // Another list's views are not this list's.
  expect((await ann.call('GET', '/api/saved-views?resource=journeys')).body).toEqual([]);
  // An admin holds every role.
  expect((await h.as('admin')('GET', '/api/saved-views?resource=tasks')).body.map((v: any) => v.id)).toContain(saved.body.id);

  // Unshared, Bob no longer sees it.
  expect((await ann.call('PATCH', `/api/saved-views/${saved.body.id}`, { sharedWithRole: null })).body.sharedWithRole).toBeNull();
  expect((await bob.call('GET', '/api/saved-views?resource=tasks')).body).toEqual([]);
});

it('refuses a second view of the same name on the same list (409), but takes it on another list', async () => {
  const ann = await person(['pm']);
  expect((await ann.call('POST', '/api/saved-views', overdueMine)).status).toBe(201);
  const again = await ann.call('POST', '/api/saved-views', { ...overdueMine, filter: { queue: 'my-roles' } });
  expect(again.status).toBe(409);
  expect(fieldsOf(again)).toEqual(['name']);
  expect((await ann.call('POST', '/api/saved-views', { resource: 'journeys', name: overdueMine.name, filter: { status: 'RUNNING' } })).status).toBe(201);
  // Someone else may use the name.
  expect((await (await person(['pm'])).call('POST', '/api/saved-views', overdueMine)).status).toBe(201);
  // A rename onto a name taken is a 409 too.
  const other = await ann.call('POST', '/api/saved-views', { resource: 'tasks', name: 'Other', filter: {} });
  expect((await ann.call('PATCH', `/api/saved-views/${other.body.id}`, { name: overdueMine.name })).status).toBe(409);
});

it('makes one row of two identical saves at once, and answers a repeated Idempotency-Key with the first view', async () => {
  const ann = await person(['pm']);
  const both = await Promise.all([ann.call('POST', '/api/saved-views', overdueMine), ann.call('POST', '/api/saved-views', overdueMine)]);
  expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
  expect(await h.db.savedView.count({ where: { ownerId: ann.id } })).toBe(1);

  const key = { 'Idempotency-Key': randomUUID() };
  const view = { resource: 'tasks', name: 'Keyed', filter: { queue: 'my-roles' } };
  const keyed = await Promise.all([ann.call('POST', '/api/saved-views', view, key), ann.call('POST', '/api/saved-views', view, key)]);
  expect(keyed.map((r) => r.status).sort()).toEqual([200, 201]);
  expect(keyed[0]!.body.id).toBe(keyed[1]!.body.id);
  expect((await ann.call('POST', '/api/saved-views', view, key)).status).toBe(200);
  expect(await h.db.savedView.count({ where: { ownerId: ann.id } })).toBe(2);
});

it('lets only the owner rename, refilter, share or delete a view: 404 to anyone else, changing nothing', async () => {
  const ann = await person(['pm']);
  const bob = await person(['pm']);
  const view = (await ann.call('POST', '/api/saved-views', { ...overdueMine, sharedWithRole: 'pm' })).body;
  const path = `/api/saved-views/${view.id}`;

  // Bob sees it (shared), and still may not change it.
  expect((await bob.call('PATCH', path, { name: 'Hijacked' })).status).toBe(404);
  expect((await bob.call('DELETE', path)).status).toBe(404);
  expect((await h.as('manager')('PATCH', path, { name: 'Hijacked' })).status).toBe(404);
  expect((await h.db.savedView.findUniqueOrThrow({ where: { id: view.id } })).name).toBe(overdueMine.name);
  // Unknown and malformed ids: the same 404.
  expect((await ann.call('PATCH', `/api/saved-views/${randomUUID()}`, { name: 'X' })).status).toBe(404);
  expect((await ann.call('DELETE', '/api/saved-views/not-a-uuid')).status).toBe(404);

  const changed = await ann.call('PATCH', path, { name: 'Escalated', filter: { status: 'OPEN', escalated: true }, sort: null });
  expect(changed.status).toBe(200);
  expect(changed.body).toMatchObject({ name: 'Escalated', filter: { status: 'OPEN', escalated: true }, sort: null, sharedWithRole: 'pm', mine: true });
  expect((await ann.call('PATCH', path, { sort: { field: 'createdAt', order: 'DESC' } })).body.sort).toEqual({ field: 'createdAt', order: 'DESC' });

  expect((await ann.call('DELETE', path)).status).toBe(204);
  expect((await ann.call('DELETE', path)).status).toBe(404);
  expect((await bob.call('GET', '/api/saved-views?resource=tasks')).body).toEqual([]);
});

it('shares only with a role the owner holds (managers with any), and only one that may open the list', async () => {
  const ann = await person(['pm']);
  const outside = await ann.call('POST', '/api/saved-views', { ...overdueMine, sharedWithRole: 'finance' });
  expect(outside.status).toBe(400);
  expect(fieldsOf(outside)).toEqual(['sharedWithRole']);
  const view = (await ann.call('POST', '/api/saved-views', overdueMine)).body;
  expect(fieldsOf(await ann.call('PATCH', `/api/saved-views/${view.id}`, { sharedWithRole: 'sales' }))).toEqual(['sharedWithRole']);

  const boss = await person(['manager']);
  expect((await boss.call('POST', '/api/saved-views', { ...overdueMine, sharedWithRole: 'finance' })).status).toBe(201);
  // Invoices are for finance and managers: not a list to share with sales, nor one sales may save.
  const invoices = { resource: 'invoices', name: 'Unpaid', filter: { unpaid: true } };
  expect(fieldsOf(await boss.call('POST', '/api/saved-views', { ...invoices, sharedWithRole: 'sales' }))).toEqual(['sharedWithRole']);
  expect((await boss.call('POST', '/api/saved-views', { ...invoices, sharedWithRole: 'finance' })).status).toBe(201);
  expect(fieldsOf(await (await person(['sales'])).call('POST', '/api/saved-views', invoices))).toEqual(['resource']);
});

it('answers every bad input with a 400 naming the field, and saves nothing', async () => {
  const ann = await person(['pm']);
  const post = (body: unknown) => ann.call('POST', '/api/saved-views', body);
  const base = { resource: 'tasks', name: 'Fine', filter: { queue: 'mine' } };
  const cases: [unknown, string[]][] = [
    [{ ...base, resource: 'secrets' }, ['resource']],
    [{ ...base, name: '' }, ['name']],
    [{ ...base, name: 'x'.repeat(81) }, ['name']],
    [{ ...base, name: 'Nul\u0000name' }, ['name']],
    [{ ...base, filter: [] }, ['filter']],
    [{ ...base, filter: 'queue=mine' }, ['filter']],
    [{ ...base, filter: { queue: { nested: { deeper: true } } } }, ['filter.queue']],
    [{ ...base, filter: { queue: 'nobody' } }, ['filter.queue']],
    [{ ...base, filter: { wizard: 'yes' } }, ['filter.wizard']],
    [{ ...base, filter: { 'not a name': 1 } }, ['filter.not a name']],
    [{ ...base, filter: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`journeyId${i}`, 'x'.repeat(500)])) }, ['filter']],
    [{ ...base, sort: { field: 'password', order: 'ASC' } }, ['sort.field']],
    [{ ...base, sort: { field: 'dueAt', order: 'SIDEWAYS' } }, ['sort.order']],
    [{ ...base, sharedWithRole: 'wizard' }, ['sharedWithRole']],
    [{ ...base, ownerId: randomUUID() }, ['ownerId']],
    [{ name: 'Fine' }, ['resource', 'filter']],
  ];
  for (const [body, fields] of cases) {
    const res = await post(body);
    expect({ body, status: res.status, fields: fieldsOf(res) }).toEqual({ body, status: 400, fields });
  }
  // Raw JSON a client may send: a lone surrogate in a filter value, and nesting past any form's.
  const raw = async (json: string) => (await ann.call('POST', '/api/saved-views', json)).status;
  expect(await raw('{"resource":"tasks","name":"Fine","filter":{"journeyId":"\\ud800"}}')).toBe(400);
  expect(await raw(`{"resource":"tasks","name":"Fine","filter":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`)).toBe(400);
  expect(await raw('{"resource":"tasks",')).toBe(400);

  const view = (await post(base)).body;
  const patch = (body: unknown) => ann.call('PATCH', `/api/saved-views/${view.id}`, body);
  expect(fieldsOf(await patch({}))).toEqual(['(body)']);
  expect(fieldsOf(await patch({ name: 42 }))).toEqual(['name']);
  // A view stays on its list: the list is not a field to change.
  expect(fieldsOf(await patch({ resource: 'journeys' }))).toEqual(['resource', '(body)']);
  expect(fieldsOf(await patch({ filter: { overdue: 'very' } }))).toEqual(['filter.overdue']);
  expect(fieldsOf(await ann.call('GET', '/api/saved-views'))).toEqual(['query.resource']);
  expect(fieldsOf(await ann.call('GET', '/api/saved-views?resource=tasks&extra=1'))).toEqual(['query.extra']);
  expect(await h.db.savedView.count({ where: { ownerId: ann.id } })).toBe(1);
});

it('is for people: an API token has no saved views (403), and no credentials is a 401', async () => {
  const token = await h.as('admin')('POST', '/api/api-tokens', { name: `views-${randomUUID()}`, roles: ['pm'] });
  const res = await request(h.baseUrl, 'GET', '/api/saved-views?resource=tasks', undefined, token.body.token);
  expect(res.status).toBe(403);
  expect((await h.as('anonymous')('GET', '/api/saved-views?resource=tasks')).status).toBe(401);
});

it("shows the latest 20 views others shared with one's roles, besides all one's own", async () => {
  // Invoices views shared with finance: no other test file shares one (the run's database is shared).
  const sharer = await person(['finance', 'manager'], 'Sharing Sue');
  const reader = await person(['finance'], 'Reading Rob');
  for (let n = 1; n <= 22; n++) {
    expect((await sharer.call('POST', '/api/saved-views', { resource: 'invoices', name: `Shared ${String(n).padStart(2, '0')}`, filter: {}, sharedWithRole: 'finance' })).status).toBe(201);
  }
  expect((await reader.call('POST', '/api/saved-views', { resource: 'invoices', name: 'My own', filter: {} })).status).toBe(201);
  const listed = (await reader.call('GET', '/api/saved-views?resource=invoices')).body as Array<{ name: string; mine: boolean; owner: { id: string } }>;
  const fromSharer = listed.filter((v) => v.owner.id === sharer.id).map((v) => v.name);
  // Each created after the one before: the latest 20 are 03 to 22.
  expect(fromSharer.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `Shared ${String(i + 3).padStart(2, '0')}`));
  expect(listed[0]).toMatchObject({ name: 'My own', mine: true });
});
