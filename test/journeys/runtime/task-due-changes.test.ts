// A manager moves a task's due date, on Temporal's time-skipping server: the follow-up task (due
// in 24 h, reminder at 18 h, escalation at 24 h) moved to 48 h reminds at 42 h, not 18 h, and
// escalates at 48 h, not 24 h; moved back to 46 h after the reminder, it escalates at 46 h and is
// not reminded twice. Each move is one event on the trail, and the holder is told.
import { startHarness, type Harness } from '../../support/harness';
import { eventually } from '../../support/http';
import { lead } from '../../support/fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timeSkipping: true });
});
afterAll(() => h?.stop());

const HOUR = 60 * 60 * 1000;

it('moves the reminder and the escalation with the due date, and refuses what it cannot do', async () => {
  const sales = h.as('sales');
  const manager = h.as('manager');
  const { body } = await sales('POST', '/api/leads', lead());
  const task = (await eventually(() => h.db.task.findFirst({ where: { journeyId: body.journeyId } }), (t) => t !== null))!;
  const created = task.dueAt.getTime() - 24 * HOUR; // on the workflow's clock
  const at = (hours: number) => new Date(created + hours * HOUR).toISOString();
  const events = async (type: string) => h.db.journeyEvent.findMany({ where: { journeyId: body.journeyId, type }, orderBy: { id: 'asc' } });
  await sales('POST', `/api/tasks/${task.id}/claim`);

  // Only managers, only ahead, only a date and time.
  expect((await sales('POST', `/api/tasks/${task.id}/due`, { dueAt: at(48) })).status).toBe(403);
  const past = await manager('POST', `/api/tasks/${task.id}/due`, { dueAt: '2020-01-01T00:00:00Z' });
  expect(past).toMatchObject({ status: 400, body: { error: { fields: [{ field: 'dueAt', message: 'Must be in the future' }] } } });
  expect((await manager('POST', `/api/tasks/${task.id}/due`, { dueAt: '2027-02-30' })).status).toBe(400);
  expect((await manager('POST', `/api/tasks/${task.id}/due`, { dueAt: at(48), extra: 1 })).status).toBe(400);

  const moved = await manager('POST', `/api/tasks/${task.id}/due`, { dueAt: at(48), reason: 'Client away until Thursday' });
  expect(moved).toMatchObject({ status: 200, body: { id: task.id, dueAt: at(48), slaAt: at(48) } });
  // The same move again changes nothing and adds nothing to the trail.
  expect((await manager('POST', `/api/tasks/${task.id}/due`, { dueAt: at(48) })).status).toBe(200);
  const [change, ...more] = await events('task_due_changed');
  expect(more).toHaveLength(0);
  expect(change).toMatchObject({ actor: h.users.manager.id, data: { taskId: task.id, from: at(24), dueAt: at(48), reason: 'Client away until Thursday' } });
  expect(await h.db.journeyWait.findUniqueOrThrow({ where: { id: `task:${task.id}` } })).toMatchObject({ deadline: new Date(at(48)) });
  const notice = await h.db.notification.findUniqueOrThrow({ where: { key: `task:${task.id}:due:1` } });
  expect(notice).toMatchObject({ kind: 'task_due_changed', recipientUserId: h.users.sales.id });

  await h.env.sleep('25 hours'); // past the old reminder (18 h) and the old escalation (24 h)
  expect(await events('task_reminded')).toHaveLength(0);
  expect(await events('task_escalated')).toHaveLength(0);
  expect(await h.db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ role: 'sales', assignee: h.users.sales.id });

  await h.env.sleep('18 hours'); // 43 h: past the moved reminder (42 h)
  await eventually(() => events('task_reminded'), (e) => e.length === 1);
  expect(await events('task_escalated')).toHaveLength(0);

  // Earlier again, to 46 h: the escalation comes then; the reminder, already sent, is not sent twice.
  expect(await manager('POST', `/api/tasks/${task.id}/due`, { dueAt: at(46) })).toMatchObject({ status: 200, body: { dueAt: at(46), slaAt: at(46) } });
  await h.env.sleep('2 hours'); // 45 h
  expect(await events('task_escalated')).toHaveLength(0);
  await h.env.sleep('2 hours'); // 47 h
  await eventually(() => events('task_escalated'), (e) => e.length === 1);
  expect(await events('task_reminded')).toHaveLength(1);
  expect((await events('task_due_changed')).map((e) => (e.data as { dueAt: string }).dueAt)).toEqual([at(48), at(46)]);

  // Escalated, the SLA has passed: a later due date leaves the SLA where it was.
  const later = await manager('POST', `/api/tasks/${task.id}/due`, { dueAt: at(60) });
  expect(later).toMatchObject({ status: 200, body: { dueAt: at(60), slaAt: at(46) } });

  // Ended: no task to move.
  await manager('POST', `/api/journeys/${encodeURIComponent(body.journeyId)}/cancel`, { reason: 'Testing the end' });
  await eventually(() => h.db.task.findUniqueOrThrow({ where: { id: task.id } }), (t) => t.status === 'CANCELLED');
  expect((await manager('POST', `/api/tasks/${task.id}/due`, { dueAt: at(70) })).status).toBe(409);
});
