// The escalation activity against a real PostgreSQL: each step of a chain moves the open task to
// its queue, tells that queue and records the step once, however often the activity is retried.
import { randomUUID } from 'node:crypto';
import { createJourneyRecordActivities } from '../../activities/runtime/journey-records';
import { createDb } from '../../platform/db';

const db = createDb(process.env.DATABASE_URL!);
const records = createJourneyRecordActivities({ db });
afterAll(() => db.$disconnect());

it('moves a task along its chain, one step at a time, each step once', async () => {
  const customer = await db.customer.create({ data: { companyName: 'Chain Co', contactName: 'Cy Chain', email: `cy+${randomUUID()}@chain.test` } });
  const journeyId = `journey:${customer.id}:acquisition:1`;
  await db.journey.create({ data: { id: journeyId, kind: 'acquisition', customerId: customer.id, stage: 'inquiry' } });
  const id = randomUUID();
  const since = new Date().toISOString();
  const wait = { id: `task:${id}`, kind: 'task' as const, key: id, description: 'Call', since, unblockedBy: 'sales' };
  await records.createTask({ id, journeyId, type: 'follow-up-call', title: 'Call Cy', role: 'sales', dueAt: since, slaAt: since, input: {}, wait });

  const step = (n: number, role: string) => records.escalateTask({ id, journeyId, waitId: wait.id, at: new Date().toISOString(), role, step: n });
  await step(0, 'pm');
  await step(0, 'pm'); // a retried activity
  expect(await db.task.findUniqueOrThrow({ where: { id } })).toMatchObject({ role: 'pm', originalRole: 'sales', assignee: null });
  await step(1, 'manager');
  await step(1, 'manager');
  expect(await db.task.findUniqueOrThrow({ where: { id } })).toMatchObject({ role: 'manager', originalRole: 'sales' });
  expect(await db.journeyWait.findUniqueOrThrow({ where: { id: wait.id } })).toMatchObject({ unblockedBy: 'manager' });

  const events = await db.journeyEvent.findMany({ where: { journeyId, type: 'task_escalated' }, orderBy: { id: 'asc' } });
  expect(events.map((e) => [e.key, (e.data as { from: string; to: string }).from, (e.data as { to: string }).to])).toEqual([
    [`task:${id}:escalated`, 'sales', 'pm'],
    [`task:${id}:escalated:1`, 'pm', 'manager'],
  ]);
  const notices = await db.notification.findMany({ where: { taskId: id }, orderBy: { createdAt: 'asc' } });
  expect(notices.map((n) => [n.recipientRole, n.title])).toEqual([
    ['pm', 'SLA breached: Call Cy'],
    ['manager', 'Still open: Call Cy'],
  ]);
});
