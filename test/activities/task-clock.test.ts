// The task-clock activity against a real PostgreSQL: a paused task shows it (and is not overdue
// meanwhile), a resumed one has its due time moved on, each change recorded once however often
// the activity is retried.
import { randomUUID } from 'node:crypto';
import { createJourneyRecordActivities } from '../../activities/runtime/journey-records';
import { createDb } from '../../platform/db';

const db = createDb(process.env.DATABASE_URL!);
const records = createJourneyRecordActivities({ db });
afterAll(() => db.$disconnect());

it('pauses a task, then runs it again to its moved due time, each change once', async () => {
  const customer = await db.customer.create({ data: { companyName: 'Clock Co', contactName: 'Cleo Clock', email: `cleo+${randomUUID()}@clock.test` } });
  const journeyId = `journey:${customer.id}:acquisition:1`;
  await db.journey.create({ data: { id: journeyId, kind: 'acquisition', customerId: customer.id, stage: 'inquiry' } });
  const id = randomUUID();
  const created = Date.parse('2026-12-01T09:00:00Z');
  const since = new Date(created).toISOString();
  const dueAt = '2026-12-03T09:00:00.000Z';
  const wait = { id: `task:${id}`, kind: 'task' as const, key: id, description: 'Fix', since, deadline: dueAt, unblockedBy: 'support' };
  await records.createTask({ id, journeyId, type: 'follow-up-call', title: 'Fix it', role: 'support', dueAt, slaAt: dueAt, input: {}, wait });
  const base = { id, journeyId, waitId: wait.id };

  const pausedAt = '2026-12-02T09:00:00.000Z';
  await records.recordTaskClock({ ...base, at: pausedAt, change: 1, paused: true });
  await records.recordTaskClock({ ...base, at: pausedAt, change: 1, paused: true }); // a retried activity
  expect((await db.task.findUniqueOrThrow({ where: { id } })).clockPausedAt?.toISOString()).toBe(pausedAt);

  // Paused a day in, for two days: one day of two left, so due on the 5th.
  const resumedAt = '2026-12-04T09:00:00.000Z';
  const movedDue = '2026-12-05T09:00:00.000Z';
  await records.recordTaskClock({ ...base, at: resumedAt, change: 2, paused: false, dueAt: movedDue, slaAt: movedDue });
  await records.recordTaskClock({ ...base, at: resumedAt, change: 2, paused: false, dueAt: movedDue, slaAt: movedDue });
  const task = await db.task.findUniqueOrThrow({ where: { id } });
  expect([task.clockPausedAt, task.dueAt.toISOString(), task.slaAt?.toISOString()]).toEqual([null, movedDue, movedDue]);
  expect((await db.journeyWait.findUniqueOrThrow({ where: { id: wait.id } })).deadline?.toISOString()).toBe(movedDue);

  const events = await db.journeyEvent.findMany({ where: { journeyId, type: { startsWith: 'task_clock' } }, orderBy: { id: 'asc' } });
  expect(events.map((e) => [e.key, e.type, e.data])).toEqual([
    [`task:${id}:clock:1`, 'task_clock_paused', { taskId: id }],
    [`task:${id}:clock:2`, 'task_clock_resumed', { taskId: id, dueAt: movedDue, pausedMs: 2 * 24 * 3_600_000 }],
  ]);
});
