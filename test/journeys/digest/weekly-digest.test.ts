// The managers' weekly digest on the dev server: the schedule that starts it follows
// DIGEST_SCHEDULE (created, updated, removed), and a run mails each active manager, once per week,
// the same funnel and bottlenecks the analytics page answers for that week.
import { randomUUID } from 'node:crypto';
import { ScheduleNotFoundError, type ScheduleHandle } from '@temporalio/client';
import { createJourneyRecordActivities } from '../../../activities/runtime/journey-records';
import { DIGEST_SCHEDULE_ID, ensureDigestSchedule } from '../../../workers/digest-schedule';
import { startHarness, type Harness } from '../../support/harness';
import { eventually } from '../../support/http';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

const DAY = 86_400_000;

/** Waits until the schedule has started `n` runs, and the latest has finished. */
async function finished(handle: ScheduleHandle, n: number) {
  const { info } = await eventually(() => handle.describe(), (d) => d.info.recentActions.length >= n);
  const latest = info.recentActions.at(-1)!.action.workflow;
  await h.env.client.workflow.getHandle(latest.workflowId, latest.firstExecutionRunId).result();
}
const ensure = (cron: string | null) => ensureDigestSchedule(h.env.client, { taskQueue: h.taskQueue, cron });

it('makes the schedule from DIGEST_SCHEDULE, follows a change to it, and removes it when off', async () => {
  expect(await ensure('0 7 * * 1')).toBe('created');
  const handle = h.env.client.schedule.getHandle(DIGEST_SCHEDULE_ID);
  const first = await handle.describe();
  expect(first.action).toMatchObject({ type: 'startWorkflow', workflowType: 'weeklyDigest', taskQueue: h.taskQueue });
  expect(first.spec.calendars?.[0]).toMatchObject({ dayOfWeek: [{ start: 'MONDAY', end: 'MONDAY', step: 1 }], hour: [{ start: 7, end: 7, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }] });

  expect(await ensure('30 6 * * 5')).toBe('updated');
  expect((await handle.describe()).spec.calendars?.[0]).toMatchObject({ dayOfWeek: [{ start: 'FRIDAY', end: 'FRIDAY', step: 1 }], hour: [{ start: 6, end: 6, step: 1 }], minute: [{ start: 30, end: 30, step: 1 }] });

  expect(await ensure(null)).toBe('off');
  await expect(handle.describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
  expect(await ensure(null)).toBe('off'); // already gone: nothing to do
});

it("mails each active manager the week's funnel and bottlenecks as the analytics page gives them, once a week", async () => {
  // A wait in the week before today, so the bottlenecks have something to rank.
  const customerId = randomUUID();
  await h.db.customer.create({ data: { id: customerId, companyName: 'Digest Co', contactName: 'Di Gest', email: `${customerId}@digest.test` } });
  const journeyId = `journey:${customerId}:acquisition:1`;
  const threeDaysAgo = new Date(Date.now() - 3 * DAY);
  await h.db.journey.create({ data: { id: journeyId, kind: 'acquisition', customerId, stage: 'customer-review', startedAt: threeDaysAgo } });
  const records = createJourneyRecordActivities({ db: h.db });
  await records.recordStage({ journeyId, stage: 'customer-review', at: threeDaysAgo.toISOString(), sequence: 0 });
  const wait = { id: `approval:${journeyId}`, kind: 'approval' as const, key: randomUUID(), description: 'approval', unblockedBy: 'customer' };
  await records.openWait({ journeyId, ...wait, since: new Date(Date.now() - 2 * DAY).toISOString() });
  await records.closeWait({ id: wait.id, at: new Date(Date.now() - DAY).toISOString(), outcome: 'approved' });
  const away = await h.db.user.create({ data: { email: `away-${randomUUID()}@pivotal.test`, name: 'Away Manager', roles: ['manager'], passwordHash: 'x', active: false } });

  await ensure('0 7 * * 1');
  const handle = h.env.client.schedule.getHandle(DIGEST_SCHEDULE_ID);
  await handle.trigger();
  const today = new Date(Math.floor(Date.now() / DAY) * DAY);
  const weekFrom = new Date(today.getTime() - 7 * DAY).toISOString().slice(0, 10);
  const key = `weekly-digest:${weekFrom}:${h.users.manager.id}`;
  const mail = (await eventually(() => h.db.email.findUnique({ where: { key } }), Boolean))!;
  expect(mail.subject).toBe(`Weekly journey digest: ${weekFrom} to ${today.toISOString().slice(0, 10)}`);

  // The same figures as the analytics page's, for the funnel's 90 days and the week.
  const funnelFrom = new Date(today.getTime() - 90 * DAY).toISOString();
  const funnel = await h.as('manager')('GET', `/api/analytics/funnel?from=${funnelFrom}&to=${today.toISOString()}`);
  const bottlenecks = await h.as('manager')('GET', `/api/analytics/bottlenecks?from=${weekFrom}&to=${today.toISOString()}`);
  expect(mail.text).toContain(`acquisitions started from ${funnelFrom.slice(0, 10)} (${funnel.body.totals.started})`);
  for (const t of funnel.body.targets) {
    expect(mail.text).toContain(`- ${t.label}: ${t.rate === null ? '—' : `${(t.rate * 100).toFixed(1)}%`} (${t.converted} of ${t.reached}), target ${t.low}-${t.high}%`);
  }
  const top = bottlenecks.body.stages.filter((s: { hours: number }) => s.hours > 0).slice(0, 3);
  expect(top.map((s: { label: string }) => s.label)).toContain('Customer review');
  top.forEach((s: { label: string; kind: string; waits: number }, i: number) => expect(mail.text).toContain(`${i + 1}. ${s.label} (${s.kind}):`));
  expect(mail.text).toMatch(/Customer review \(acquisition\): \d+\.\d h over \d+ waits?, \d+ overdue \([+−±]/);

  // Once the run is done (other files' managers may still have been mailing): none for the inactive
  // manager; and a second run in the same week sends nothing again.
  await finished(handle, 1);
  expect(await h.db.email.count({ where: { key: `weekly-digest:${weekFrom}:${away.id}` } })).toBe(0);
  await handle.trigger();
  await finished(handle, 2);
  expect(await h.db.email.count({ where: { key } })).toBe(1);
  await ensure(null);
});
