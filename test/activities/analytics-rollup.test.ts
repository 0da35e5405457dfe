// What the journey activities keep for the analytics, against a real PostgreSQL: each stage
// recorded is a visit that the next stage closes (with where it went), once however often the
// activity is retried; each wait keeps the stage its journey was in by its start and the role it
// waited on, which escalation does not change.
import { randomUUID } from 'node:crypto';
import { createJourneyRecordActivities } from '../../activities/runtime/journey-records';
import { createDb } from '../../platform/db';

const db = createDb(process.env.DATABASE_URL!);
const records = createJourneyRecordActivities({ db });
afterAll(() => db.$disconnect());

const HOUR = 3_600_000;

async function journey() {
  const customer = await db.customer.create({ data: { companyName: 'Rollup Co', contactName: 'Ro Llup', email: `ro+${randomUUID()}@rollup.test` } });
  const id = `journey:${customer.id}:acquisition:1`;
  const startedAt = new Date('2026-03-02T09:00:00Z');
  await db.journey.create({ data: { id, kind: 'acquisition', customerId: customer.id, stage: 'inquiry', startedAt } });
  return { id, at: (hours: number) => new Date(startedAt.getTime() + hours * HOUR).toISOString() };
}

it('keeps one visit per stage entered, each closed by the next with where it went', async () => {
  const j = await journey();
  const stage = (sequence: number, name: string, hours: number) => records.recordStage({ journeyId: j.id, stage: name, at: j.at(hours), sequence });
  await stage(1, 'inquiry', 0);
  await stage(2, 'discovery', 5);
  await stage(2, 'discovery', 5); // a retried activity
  await stage(3, 'proposal', 12);
  await stage(4, 'discovery', 20); // back again: a second visit

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
