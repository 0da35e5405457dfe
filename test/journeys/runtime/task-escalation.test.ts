// Long timers on Temporal's time-skipping server: the follow-up task (due in 24 h) reminds the
// sales queue at 18 h and, once its SLA passes with nobody acting, escalates to the manager queue.
// A manager hands it back to a salesperson, who completes it, and the journey moves on.
import { startHarness, type Harness } from '../../support/harness';
import { eventually } from '../../support/http';
import { followUpQualified, lead } from '../../support/fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timeSkipping: true });
});
afterAll(() => h?.stop());

const filter = (f: object) => encodeURIComponent(JSON.stringify(f));

it('reminds before the due time and escalates at SLA breach without anyone acting', async () => {
  const sales = h.as('sales');
  const manager = h.as('manager');
  const { body } = await sales('POST', '/api/leads', lead());
  const task = await eventually(() => h.db.task.findFirst({ where: { journeyId: body.journeyId } }), (t) => t !== null);
  const events = async () =>
    (await h.db.journeyEvent.findMany({ where: { journeyId: body.journeyId }, orderBy: { id: 'asc' } })).map((e) => e.type);

  await h.env.sleep('17 hours');
  expect(await events()).not.toContain('task_reminded');

  await h.env.sleep('2 hours');
  await eventually(events, (e) => e.includes('task_reminded'));
  const reminder = await h.db.notification.findUniqueOrThrow({ where: { key: `task:${task!.id}:reminder` } });
  expect(reminder).toMatchObject({ kind: 'task_reminder', recipientRole: 'sales', recipientUserId: null, taskId: task!.id });
  const salesInbox = await sales('GET', `/api/notifications?filter=${filter({ unread: true })}`);
  expect(salesInbox.body.map((n: any) => n.id)).toContain(reminder.id);

  await h.env.sleep('4 hours'); // 23 h: due soon, not yet breached
  expect(await events()).not.toContain('task_escalated');
  expect((await h.db.task.findUniqueOrThrow({ where: { id: task!.id } })).role).toBe('sales');

  await h.env.sleep('2 hours'); // 25 h
  await eventually(events, (e) => e.includes('task_escalated'));
  const escalated = await h.db.task.findUniqueOrThrow({ where: { id: task!.id } });
  expect(escalated).toMatchObject({ role: 'manager', originalRole: 'sales', assignee: null, status: 'OPEN' });
  expect(escalated.escalatedAt).not.toBeNull();
  expect(await h.db.notification.count({ where: { taskId: task!.id, kind: 'task_escalated', recipientRole: 'manager' } })).toBe(1);

  // The waiting-on index now says: waiting on the manager queue. (Its deadline is in the past on
  // the workflow clock; this server skips time, so "overdue by the wall clock" is tested elsewhere.)
  const forManagers = await manager('GET', `/api/journeys?filter=${filter({ waitingFor: 'manager', customerId: body.customerId })}`);
  expect(forManagers.body.map((j: any) => j.id)).toEqual([body.journeyId]);

  // Out of the sales queue: sales may no longer complete it…
  const refused = await sales('POST', `/api/tasks/${task!.id}/complete`, { result: followUpQualified });
  expect(refused.status).toBe(404);
  // …until a manager assigns it to a salesperson, who does.
  const assigned = await manager('POST', `/api/tasks/${task!.id}/assign`, { assignee: h.users.sales.id });
  expect(assigned).toMatchObject({ status: 200, body: { assignee: h.users.sales.id } });
  const done = await sales('POST', `/api/tasks/${task!.id}/complete`, { result: followUpQualified });
  expect(done.status).toBe(200);
  await eventually(() => h.db.journey.findUniqueOrThrow({ where: { id: body.journeyId } }), (j) => j.stage === 'discovery');
  expect((await events()).filter((e) => e === 'task_escalated')).toHaveLength(1);
  const wait = await h.db.journeyWait.findUniqueOrThrow({ where: { id: `task:${task!.id}` } });
  // Escalated to the manager queue, then handed to the salesperson who completed it.
  expect(wait).toMatchObject({ unblockedBy: h.users.sales.id, outcome: 'completed' });
});
