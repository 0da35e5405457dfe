// The waiting-on index (JourneyWait) follows journeys through their waits on a real dev server.
// The follow-up task is due after 0.001 h (3.6 s) in this file, so it really escalates to the
// manager queue while the test runs. Four journeys end up at different points:
//   A — at follow-up, past due and escalated: waiting on the manager queue, overdue;
//   B — moved on to discovery: waiting on sales, due in 7 days (TASK_HANDOVER sends the discovery
//       meeting back to the sales queue here, rather than to whoever qualified the lead);
//   C — ended (its follow-up completed, the lead disqualified: LOST): waits on nothing;
//   D — cancelled while waiting on its task and on a customer signature.
// Other files' journeys share the database, so every query is narrowed to these customers.
import { createJourneyRecordActivities } from '../../../activities/runtime/journey-records';
import { journeyStateQuery } from '../../../workflows/runtime/definitions';
import { startHarness, type Harness } from '../../support/harness';
import { eventually, type JsonResponse } from '../../support/http';
import { followUpQualified, lead } from '../../support/fixtures';

const DAY_MS = 24 * 3_600_000;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { FOLLOW_UP_DUE_HOURS: '0.001', TASK_HANDOVER: '{"discovery-meeting": "queue"}' } });
}, 180_000);
afterAll(async () => {
  // Leave nothing waiting behind: other files read the same database (task-escalation.test.ts
  // lists every journey waiting on the manager queue, unnarrowed).
  for (const j of [A, B]) {
    if (j) await manager()('POST', `/api/journeys/${enc(j.journeyId)}/cancel`, { reason: 'End of the waiting-on test' });
  }
  await h?.stop();
});

type J = { name: string; journeyId: string; customerId: string; followUpId: string };
let A: J, B: J, C: J, D: J;
let bDiscoveryId: string;
let signatureWaitId: string;

const enc = encodeURIComponent;
const q = (v: unknown) => enc(JSON.stringify(v));
const manager = () => h.as('manager');

async function newJourney(name: string): Promise<J> {
  const res = await h.as('anonymous')('POST', '/api/leads', lead({ companyName: `Waiting ${name}` }));
  expect(res.status).toBe(201);
  const t = await openTaskOf(res.body.journeyId, 'follow-up-call');
  return { name, journeyId: res.body.journeyId, customerId: res.body.customerId, followUpId: t.id };
}

/** The open task of that type, once the workflow waits on it (and so accepts its completion). */
async function openTaskOf(journeyId: string, type: string) {
  const task = await eventually(
    () => h.db.task.findFirst({ where: { journeyId, type, status: 'OPEN' } }),
    (x) => x !== null,
  );
  await eventually(
    () => h.env.client.workflow.getHandle(journeyId).query(journeyStateQuery),
    (s) => s.waitingOn.some((w) => w.key === task!.id),
  );
  return task!;
}

/** The names (A-D) of our journeys a journey-list query returns, asked once per customer of ours. */
async function journeysWhere(filter: object): Promise<string[]> {
  const found: string[] = [];
  for (const j of [A, B, C, D]) {
    const res = await manager()('GET', `/api/journeys?filter=${q({ ...filter, customerId: j.customerId })}`);
    expect({ filter, status: res.status }).toEqual({ filter, status: 200 });
    for (const row of res.body) found.push(nameOf(row.id));
  }
  return found.sort();
}
const nameOf = (journeyId: string) => [A, B, C, D].find((j) => j.journeyId === journeyId)?.name ?? `foreign:${journeyId}`;

const waitsOf = (journeyId: string, extra: object = {}): Promise<JsonResponse> =>
  h.as('finance')('GET', `/api/waits?filter=${q({ journeyId, ...extra })}`);

beforeAll(async () => {
  [A, B, C, D] = await Promise.all([newJourney('A'), newJourney('B'), newJourney('C'), newJourney('D')]);

  // B: the follow-up is done (by a manager: it may already have escalated) — on to discovery.
  expect((await manager()('POST', `/api/tasks/${B.followUpId}/complete`, { result: followUpQualified })).status).toBe(200);
  bDiscoveryId = (await openTaskOf(B.journeyId, 'discovery-meeting')).id;

  // C: the follow-up is done and the lead disqualified — the journey ends LOST.
  const disqualified = { outcome: 'disqualified', notes: 'Looking for a mobile game', disqualifiedReason: 'Not our kind of work' };
  expect((await manager()('POST', `/api/tasks/${C.followUpId}/complete`, { result: disqualified })).status).toBe(200);
  expect(await h.env.client.workflow.getHandle(C.journeyId).result()).toMatchObject({ status: 'LOST' });

  // D: besides its task, D waits on a customer's signature, recorded by the same activity that
  // journey.waitFor uses (the acquisition journey has no such wait yet); then a manager cancels it.
  const now = new Date();
  signatureWaitId = `${D.journeyId}:signature:envelope-1:1`;
  await createJourneyRecordActivities({ db: h.db }).openWait({
    journeyId: D.journeyId,
    id: signatureWaitId,
    kind: 'signature',
    key: 'envelope-1',
    description: 'Contract signature',
    since: now.toISOString(),
    deadline: new Date(now.getTime() + 3 * DAY_MS).toISOString(),
    unblockedBy: 'customer',
  });
}, 120_000);

describe('while D still runs', () => {
  it('the index lists its signature wait next to its task wait', async () => {
    const res = await waitsOf(D.journeyId);
    expect(res.status).toBe(200);
    expect(res.body.map((w: any) => w.kind).sort()).toEqual(['signature', 'task']);
    expect(res.headers.get('content-range')).toBe('waits 0-1/2');
    expect(await journeysWhere({ waitingOn: 'signature' })).toEqual(['D']);
    expect(await journeysWhere({ waitingFor: 'customer' })).toEqual(['D']);
    expect(await journeysWhere({ waitingOn: 'signature', waitingLongerThanHours: 1 })).toEqual([]);
  });

  it('a manager cancels D: every wait of D ends, each with its outcome', async () => {
    const res = await manager()('POST', `/api/journeys/${enc(D.journeyId)}/cancel`, { reason: 'Went with a competitor' });
    expect(res).toMatchObject({ status: 200, body: { status: 'CANCELLED' } });
    const journey = await h.db.journey.findUniqueOrThrow({ where: { id: D.journeyId } });
    const waits = await h.db.journeyWait.findMany({ where: { journeyId: D.journeyId } });
    const byId = Object.fromEntries(waits.map((w) => [w.id, w]));
    expect(byId[`task:${D.followUpId}`]).toMatchObject({ outcome: 'cancelled', endedAt: expect.any(Date) });
    expect(byId[signatureWaitId]).toMatchObject({ outcome: 'journey_ended', endedAt: journey.endedAt });
    expect((await waitsOf(D.journeyId)).body).toEqual([]);
  });
});

describe('A, past its due time', () => {
  it('escalates to the manager queue on the real server clock', async () => {
    const escalated = await eventually(() => h.db.task.findUniqueOrThrow({ where: { id: A.followUpId } }), (t) => t.escalatedAt !== null);
    expect(escalated).toMatchObject({ status: 'OPEN', role: 'manager', originalRole: 'sales', assignee: null });
    expect(escalated.dueAt.getTime()).toBeLessThan(Date.now());
    const wait = await h.db.journeyWait.findUniqueOrThrow({ where: { id: `task:${A.followUpId}` } });
    expect(wait).toMatchObject({ kind: 'task', unblockedBy: 'manager', endedAt: null });

    // The workflow's own answer agrees with the index.
    const detail = await manager()('GET', `/api/journeys/${enc(A.journeyId)}`);
    expect(detail.body).toMatchObject({ live: true, stage: 'inquiry', status: 'RUNNING' });
    expect(detail.body.waitingOn).toEqual([
      expect.objectContaining({ kind: 'task', key: A.followUpId, unblockedBy: 'manager', deadline: escalated.dueAt.toISOString() }),
    ]);
  });

  it('leaves the sales inbox for the manager inbox, and both queues were told', async () => {
    const inManagerInbox = await manager()('GET', `/api/tasks?filter=${q({ escalated: true, overdue: true, customerId: A.customerId })}`);
    expect(inManagerInbox.body.map((t: any) => t.id)).toEqual([A.followUpId]);
    expect((await manager()('GET', `/api/tasks?filter=${q({ queue: 'my-roles', customerId: A.customerId })}`)).body.map((t: any) => t.id)).toEqual([
      A.followUpId,
    ]);
    expect((await h.as('sales')('GET', `/api/tasks?filter=${q({ customerId: A.customerId })}`)).body).toEqual([]);
    expect((await h.as('sales')('GET', `/api/tasks/${A.followUpId}`)).status).toBe(404);
    // B's discovery task is neither overdue nor escalated.
    expect((await manager()('GET', `/api/tasks?filter=${q({ overdue: true, customerId: B.customerId })}`)).body).toEqual([]);
    expect((await manager()('GET', `/api/tasks?filter=${q({ escalated: true, journeyId: B.journeyId, status: 'OPEN' })}`)).body).toEqual([]);

    const reminder = await h.db.notification.findUniqueOrThrow({ where: { key: `task:${A.followUpId}:reminder` } });
    expect(reminder).toMatchObject({ kind: 'task_reminder', recipientRole: 'sales' });
    const escalation = await h.db.notification.findUniqueOrThrow({ where: { key: `task:${A.followUpId}:escalated` } });
    expect(escalation).toMatchObject({ kind: 'task_escalated', recipientRole: 'manager' });
    const unread = async (role: 'sales' | 'manager') =>
      (await h.as(role)('GET', `/api/notifications?filter=${q({ unread: true })}&range=[0,199]`)).body.map((n: any) => n.id);
    expect(await unread('manager')).toContain(escalation.id);
    expect(await unread('manager')).not.toContain(reminder.id);
    expect(await unread('sales')).toContain(reminder.id);
    expect((await h.as('pm')('POST', `/api/notifications/${reminder.id}/read`)).status).toBe(404);
    expect((await h.as('sales')('POST', `/api/notifications/${reminder.id}/read`)).status).toBe(204);
    expect(await unread('sales')).not.toContain(reminder.id);
  });
});

describe('the waiting-on filters of GET /api/journeys', () => {
  beforeAll(async () => {
    await eventually(() => h.db.task.findUniqueOrThrow({ where: { id: A.followUpId } }), (t) => t.escalatedAt !== null);
  });

  it.each([
    [{ waitingOn: 'task' }, ['A', 'B']],
    [{ waitingOn: 'signature' }, []],
    [{ waitingOn: 'payment' }, []],
    [{ waitingFor: 'sales' }, ['B']],
    [{ waitingFor: 'manager' }, ['A']],
    [{ waitingFor: 'customer' }, []],
    [{ waitOverdue: true }, ['A']],
    [{ waitingLongerThanHours: 0 }, ['A', 'B']],
    [{ waitingLongerThanHours: 1000 }, []],
    [{ waitingFor: 'manager', waitOverdue: true }, ['A']],
    [{ waitingFor: 'sales', waitOverdue: true }, []],
    [{ waitingOn: 'task', waitingFor: 'sales', waitingLongerThanHours: 0 }, ['B']],
    [{ status: 'RUNNING' }, ['A', 'B']],
    [{ status: 'LOST' }, ['C']],
    [{ status: 'CANCELLED' }, ['D']],
    [{}, ['A', 'B', 'C', 'D']],
  ] as Array<[object, string[]]>)('%j → %j', async (filter, expected) => {
    expect(await journeysWhere(filter)).toEqual(expected);
  });

  it('each journey row carries its open waits only', async () => {
    const rows: Record<string, any> = {};
    for (const j of [A, B, C, D]) {
      const res = await manager()('GET', `/api/journeys?filter=${q({ customerId: j.customerId })}`);
      rows[j.name] = res.body[0];
    }
    expect(rows.A.waits.map((w: any) => [w.key, w.unblockedBy])).toEqual([[A.followUpId, 'manager']]);
    expect(rows.B.waits.map((w: any) => [w.key, w.unblockedBy])).toEqual([[bDiscoveryId, 'sales']]);
    expect(rows.B.stage).toBe('discovery');
    expect(rows.C.waits).toEqual([]);
    expect(rows.D.waits).toEqual([]);
  });

  it('rejects a filter it does not know, or a bad value, naming it', async () => {
    const unknown = await manager()('GET', `/api/journeys?filter=${q({ waitingOnn: 'task' })}`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ field: 'query.filter.waitingOnn', message: 'Unknown field' }]);
    const kind = await manager()('GET', `/api/journeys?filter=${q({ waitingOn: 'coffee' })}`);
    expect(kind.body.error.fields.map((f: any) => f.field)).toEqual(['query.filter.waitingOn']);
    const negative = await manager()('GET', `/api/journeys?filter=${q({ waitingLongerThanHours: -1 })}`);
    expect(negative.body.error.fields.map((f: any) => f.field)).toEqual(['query.filter.waitingLongerThanHours']);
    const falseOverdue = await manager()('GET', `/api/journeys?filter=${q({ waitOverdue: false })}`);
    expect(falseOverdue.status).toBe(400);
  });
});

describe('GET /api/waits', () => {
  it('lists exactly the open waits, with kind, who can unblock them and their deadline', async () => {
    const aTask = await h.db.task.findUniqueOrThrow({ where: { id: A.followUpId } });
    const a = await waitsOf(A.journeyId);
    expect(a.headers.get('content-range')).toBe('waits 0-0/1');
    expect(a.body).toEqual([
      expect.objectContaining({
        id: `task:${A.followUpId}`,
        journeyId: A.journeyId,
        kind: 'task',
        key: A.followUpId,
        unblockedBy: 'manager',
        deadline: aTask.dueAt.toISOString(),
        endedAt: null,
        outcome: null,
        journey: { kind: 'acquisition', stage: 'inquiry', customer: { companyName: 'Waiting A' } },
      }),
    ]);

    const bTask = await h.db.task.findUniqueOrThrow({ where: { id: bDiscoveryId } });
    const b = await waitsOf(B.journeyId);
    expect(b.body).toEqual([
      expect.objectContaining({ kind: 'task', key: bDiscoveryId, unblockedBy: 'sales', deadline: bTask.dueAt.toISOString(), endedAt: null }),
    ]);
    const bWait = b.body[0];
    expect((Date.parse(bWait.deadline) - Date.parse(bWait.since)) / DAY_MS).toBeCloseTo(7, 3);

    expect((await waitsOf(C.journeyId)).body).toEqual([]);
    expect((await waitsOf(D.journeyId)).body).toEqual([]);
  });

  it('takes the same waiting-on filters', async () => {
    expect((await waitsOf(A.journeyId, { waitingFor: 'manager', waitOverdue: true })).body).toHaveLength(1);
    expect((await waitsOf(A.journeyId, { waitingFor: 'sales' })).body).toEqual([]);
    expect((await waitsOf(B.journeyId, { waitOverdue: true })).body).toEqual([]);
    expect((await waitsOf(B.journeyId, { waitingOn: 'task', waitingLongerThanHours: 0 })).body).toHaveLength(1);
    expect((await waitsOf(B.journeyId, { waitingLongerThanHours: 1000 })).body).toEqual([]);
  });
});

describe('ended waits', () => {
  it('carry endedAt and the outcome they ended with', async () => {
    const ended = async (j: J) =>
      (await h.db.journeyWait.findMany({ where: { journeyId: j.journeyId, endedAt: { not: null } }, orderBy: { since: 'asc' } })).map((w) => [
        w.key,
        w.outcome,
      ]);
    expect(await ended(A)).toEqual([]);
    expect(await ended(B)).toEqual([[B.followUpId, 'completed']]);
    expect(await ended(C)).toEqual([[C.followUpId, 'completed']]);
    expect((await ended(D)).sort()).toEqual(
      [
        [D.followUpId, 'cancelled'],
        ['envelope-1', 'journey_ended'],
      ].sort(),
    );
    // A wait ends no earlier than it began; one with an outcome has an end and vice versa.
    const all = await h.db.journeyWait.findMany({ where: { journeyId: { in: [A, B, C, D].map((j) => j.journeyId) } } });
    expect(all).toHaveLength(6);
    for (const w of all) {
      expect({ id: w.id, ended: w.endedAt !== null }).toEqual({ id: w.id, ended: w.outcome !== null });
      if (w.endedAt) expect(w.endedAt.getTime()).toBeGreaterThanOrEqual(w.since.getTime());
    }
  });

  it('no journey that has ended is left with an open wait', async () => {
    const ours = [A, B, C, D].map((j) => j.journeyId);
    const openForEnded = (where: object) =>
      h.db.journeyWait.findMany({ where: { endedAt: null, journey: { status: { not: 'RUNNING' } }, ...where }, select: { id: true, journeyId: true } });
    expect(await openForEnded({ journeyId: { in: ours } })).toEqual([]);
    expect(await openForEnded({})).toEqual([]);
    // And the journeys that run still wait on something.
    expect(await h.db.journeyWait.count({ where: { journeyId: { in: [A.journeyId, B.journeyId] }, endedAt: null } })).toBe(2);
  });
});
