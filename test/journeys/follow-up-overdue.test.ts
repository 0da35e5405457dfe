// Long timers on Temporal's time-skipping server: a follow-up task nobody does within 24 hours
// is recorded as overdue by the journey itself, and the journey still accepts it afterwards.
import { startHarness, type Harness } from '../support/harness';
import { eventually, request } from '../support/http';
import { followUpQualified, lead } from '../support/fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timeSkipping: true });
});
afterAll(() => h?.stop());

it('records the follow-up task as overdue once its 24 hours have passed', async () => {
  const { body } = await request(h.baseUrl, 'POST', '/api/leads', lead());
  const task = await eventually(
    () => h.db.task.findFirst({ where: { journeyId: body.journeyId } }),
    (t) => t !== null,
  );
  const overdueEvents = () => h.db.journeyEvent.count({ where: { journeyId: body.journeyId, type: 'task_overdue' } });

  await h.env.sleep('23 hours');
  expect(await overdueEvents()).toBe(0);

  await h.env.sleep('2 hours');
  await eventually(overdueEvents, (n) => n === 1);
  const event = await h.db.journeyEvent.findFirstOrThrow({ where: { journeyId: body.journeyId, type: 'task_overdue' } });
  expect(event.data).toMatchObject({ taskId: task!.id, taskType: 'follow-up-call' });

  // Late is not lost: the task can still be completed and the journey moves on.
  const done = await request(h.baseUrl, 'POST', `/api/tasks/${task!.id}/complete`, { result: followUpQualified });
  expect(done.status).toBe(200);
  await eventually(
    () => h.db.journey.findUniqueOrThrow({ where: { id: body.journeyId } }),
    (j) => j.stage === 'discovery',
  );
  expect(await overdueEvents()).toBe(1);
});
