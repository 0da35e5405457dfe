// What the journey activities keep for the analytics, against a real PostgreSQL: each stage
// recorded is a visit that the next stage closes (with where it went), once however often the
// activity is retried; each wait keeps the stage its journey was in by its start and the role it
// waited on, which escalation does not change. And the rollups the triggers keep from them: the
// time each journey spent in each stage, and the ended waits by the day each began.
import { randomUUID } from 'node:crypto';
import { createJourneyRecordActivities } from '../../activities/runtime/journey-records';
import { createDb } from '../../platform/db';

const db = createDb(process.env.DATABASE_URL!);
const records = createJourneyRecordActivities({ db });
afterAll(() => db.$disconnect());

const HOUR = 3_600_000;

async function journey(startedAt = new Date('2026-03-02T09:00:00Z')) {
  const customer = await db.customer.create({ data: { companyName: 'Rollup Co', contactName: 'Ro Llup', email: `ro+${randomUUID()}@rollup.test` } });
  const id = `journey:${customer.id}:acquisition:1`;
  await db.journey.create({ data: { id, kind: 'acquisition', customerId: customer.id, stage: 'inquiry', startedAt } });
  return { id, at: (hours: number) => new Date(startedAt.getTime() + hours * HOUR).toISOString() };
}

/** A journey through inquiry (0 h), discovery (5 h, recorded twice: a retried activity), proposal (12 h) and back to discovery (20 h). */
async function withTrail() {
  const j = await journey();
  const stage = (sequence: number, name: string, hours: number) => records.recordStage({ journeyId: j.id, stage: name, at: j.at(hours), sequence });
  await stage(1, 'inquiry', 0);
  await stage(2, 'discovery', 5);
  await stage(2, 'discovery', 5);
  await stage(3, 'proposal', 12);
  await stage(4, 'discovery', 20);
  return j;
}

it('keeps one visit per stage entered, each closed by the next with where it went', async () => {
  const j = await withTrail();

  const visits = await db.stageVisit.findMany({ where: { journeyId: j.id }, orderBy: { enteredAt: 'asc' } });
  expect(visits.map((v) => [v.stage, v.enteredAt.toISOString(), v.leftAt?.toISOString() ?? null, v.nextStage])).toEqual([
    ['inquiry', j.at(0), j.at(5), 'discovery'],
    ['discovery', j.at(5), j.at(12), 'proposal'],
    ['proposal', j.at(12), j.at(20), 'discovery'],
    ['discovery', j.at(20), null, null],
  ]);
  expect(visits.every((v) => v.kind === 'acquisition' && v.journeyStartedAt.toISOString() === j.at(0))).toBe(true);
  expect(await db.journey.findUniqueOrThrow({ where: { id: j.id } })).toMatchObject({ stage: 'discovery' });
});

it("keeps on each wait the stage by its start and the role it waited on, whatever happens to it later", async () => {
  const j = await journey();
  await records.recordStage({ journeyId: j.id, stage: 'inquiry', at: j.at(0), sequence: 1 });
  await records.recordStage({ journeyId: j.id, stage: 'discovery', at: j.at(10), sequence: 2 });

  // A task opened in inquiry (recorded late, after discovery began), escalated to the managers.
  const id = randomUUID();
  const wait = { id: `task:${id}`, kind: 'task' as const, key: id, description: 'Call', since: j.at(3), unblockedBy: 'sales' };
  await records.createTask({ id, journeyId: j.id, type: 'follow-up-call', title: 'Call', role: 'sales', dueAt: j.at(4), slaAt: j.at(6), input: {}, wait });
  await records.escalateTask({ id, journeyId: j.id, waitId: wait.id, at: j.at(6), role: 'manager' });
  // The customer's answer, awaited in discovery; a timer, on nobody.
  await records.openWait({ journeyId: j.id, id: `approval:${id}`, kind: 'approval', key: 'plan', description: 'Plan', since: j.at(11), unblockedBy: 'customer' });
  await records.openWait({ journeyId: j.id, id: `timer:${id}`, kind: 'timer', key: 'cool-off', description: 'Cool-off', since: j.at(12) });
  // Before any stage: no stage.
  await records.openWait({ journeyId: j.id, id: `early:${id}`, kind: 'timer', key: 'early', description: 'Early', since: new Date(Date.parse(j.at(0)) - HOUR).toISOString() });

  const waits = await db.journeyWait.findMany({ where: { journeyId: j.id }, orderBy: { since: 'asc' } });
  expect(waits.map((w) => [w.id, w.stage, w.role, w.unblockedBy])).toEqual([
    [`early:${id}`, null, null, null],
    [`task:${id}`, 'inquiry', 'sales', 'manager'],
    [`approval:${id}`, 'discovery', 'customer', 'customer'],
    [`timer:${id}`, 'discovery', null, null],
  ]);
});

it('keeps the time a journey spent in each stage, its visits summed, the last one closed by its end', async () => {
  const j = await withTrail();
  const times = async () =>
    (await db.stageTime.findMany({ where: { journeyId: j.id }, orderBy: { firstEnteredAt: 'asc' } })).map((t) => [
      t.stage,
      t.firstEnteredAt.toISOString(),
      t.visits,
      t.visitsLeft,
      t.nextVisits,
      t.seconds === null ? null : t.seconds / 3600,
    ]);
  // Discovery: 5 to 12 = 7 h; its second visit, open, is left out.
  expect(await times()).toEqual([
    ['inquiry', j.at(0), 1, 1, { discovery: 1 }, 5],
    ['discovery', j.at(5), 2, 1, { proposal: 1 }, 7],
    ['proposal', j.at(12), 1, 1, { discovery: 1 }, 8],
  ]);
  // Lost at 26 h: the open visit ends with the journey (it left, to no stage), 7 + 6 = 13 h.
  await records.endJourney({ journeyId: j.id, status: 'LOST', reason: 'Declined', at: j.at(26) });
  expect((await times())[1]).toEqual(['discovery', j.at(5), 2, 2, { proposal: 1 }, 13]);
  expect(await db.stageTime.findMany({ where: { journeyId: j.id, kind: 'acquisition', journeyStartedAt: new Date(j.at(0)) } })).toHaveLength(3);
});

it('keeps the ended waits by the day each began: once however often closed, taken back out when a wait goes', async () => {
  // A day of its own, decades out, so other files' waits never share its rows.
  const day = new Date(Date.UTC(2040, 0, 1) + Math.floor(Math.random() * 10_000) * 86_400_000);
  const j = await journey(day);
  await records.recordStage({ journeyId: j.id, stage: 'inquiry', at: j.at(0), sequence: 1 });
  const key = randomUUID();
  const wait = (kind: 'approval' | 'payment', since: number, deadline: number) =>
    ({ id: `${kind}:${key}`, kind, key, description: kind, since: j.at(since), deadline: j.at(deadline), unblockedBy: 'customer' }) as const;
  // The customer's approval, 3 h to 9 h against a deadline at 4 h; their payment, still open.
  await records.openWait({ journeyId: j.id, ...wait('approval', 3, 4) });
  await records.openWait({ journeyId: j.id, ...wait('payment', 5, 6) });
  await records.closeWait({ id: `approval:${key}`, at: j.at(9), outcome: 'approved' });
  await records.closeWait({ id: `approval:${key}`, at: j.at(10), outcome: 'approved' }); // a retried activity
  // A sales task done in 2 h, before its deadline.
  const taskId = randomUUID();
  const taskWait = { id: `task:${taskId}`, kind: 'task' as const, key: taskId, description: 'Call', since: j.at(1), deadline: j.at(4), unblockedBy: 'sales' };
  await records.createTask({ id: taskId, journeyId: j.id, type: 'follow-up-call', title: 'Call', role: 'sales', dueAt: j.at(4), slaAt: j.at(4), input: {}, wait: taskWait });
  await records.completeTask({ id: taskId, journeyId: j.id, waitId: taskWait.id, completedBy: 'rollup-test', result: {}, completedAt: j.at(3) });

  const rows = async () =>
    (await db.waitDay.findMany({ where: { day }, orderBy: { role: 'asc' } })).map((d) => [d.journeyKind, d.stage, d.role, d.waits, d.seconds / 3600, d.overdue]);
  expect(await rows()).toEqual([
    ['acquisition', 'inquiry', 'customer', 1, 6, 1],
    ['acquisition', 'inquiry', 'sales', 1, 2, 0],
  ]);
  expect(await db.journeyWait.findUniqueOrThrow({ where: { id: `payment:${key}` } })).toMatchObject({ journeyKind: 'acquisition', journeyStartedAt: day });

  // The journey ends: its open payment ends with it (9 h, past its deadline); then the approval is removed.
  await records.endJourney({ journeyId: j.id, status: 'CANCELLED', reason: 'Stopped', at: j.at(14) });
  expect((await rows())[0]).toEqual(['acquisition', 'inquiry', 'customer', 2, 15, 2]);
  await db.journeyWait.delete({ where: { id: `approval:${key}` } });
  expect((await rows())[0]).toEqual(['acquisition', 'inquiry', 'customer', 1, 9, 1]);
});
