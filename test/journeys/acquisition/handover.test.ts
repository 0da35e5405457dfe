// Work stays with its person: the salesperson who qualified a lead gets its discovery meeting, and
// is told (under their bell and by email); a task a manager assigns is told to its new holder the
// same way; TASK_HANDOVER sends a task type back to the queue, as does a holder who no longer
// works it. On the real dev server, through the API.
import { randomUUID } from 'node:crypto';
import { createLeadActivities } from '../../../activities/acquisition/leads';
import { startHarness, type Harness } from '../../support/harness';
import { eventually } from '../../support/http';
import { journeyDriver } from '../../support/journey-driver';
import { followUpQualified, lead } from '../../support/fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

async function newLead() {
  const { status, body } = await h.as('anonymous')('POST', '/api/leads', lead());
  expect(status).toBe(201);
  return body.journeyId as string;
}

const openTask = (journeyId: string, type: string) => eventually(() => h.db.task.findFirst({ where: { journeyId, type, status: 'OPEN' } }), Boolean).then((t) => t!);
const assignedEmail = (taskId: string, userId: string) =>
  eventually(() => h.db.email.findFirst({ where: { template: 'task-assigned', key: { startsWith: `assigned:task:${taskId}:${userId}` } } }), Boolean, 20_000).then((e) => e!);

it('gives the discovery meeting to the salesperson who qualified the lead, and tells them', async () => {
  const journeyId = await newLead();
  await journeyDriver(h).complete('sales', journeyId, 'follow-up-call', followUpQualified);
  const discovery = await openTask(journeyId, 'discovery-meeting');
  const sales = h.users.sales;
  expect(discovery.assignee).toBe(sales.id);

  const bell = await eventually(() => h.db.notification.findMany({ where: { recipientUserId: sales.id, taskId: discovery.id } }), (n) => n.length > 0);
  expect(bell.map((n) => [n.kind, n.title])).toEqual([['task_assigned', `Yours now: ${discovery.title}`]]);
  const email = await assignedEmail(discovery.id, sales.id);
  const user = await h.db.user.findUniqueOrThrow({ where: { id: sales.id } });
  expect(email.to).toBe(user.email);
  expect(email.subject).toBe(`A task is yours now, due ${discovery.dueAt.toISOString().slice(0, 10)}`);
  expect(email.text).toContain(`You have a task: ${discovery.title}.`);
  expect(email.text).toContain(`/#/tasks/${discovery.id}/show`);
  // It is theirs: their own inbox shows it as held by them.
  const mine = await h.as('sales')('GET', `/api/tasks?filter=${encodeURIComponent(JSON.stringify({ assignee: sales.id, status: 'OPEN' }))}&range=[0,199]`);
  expect(mine.body.map((t: { id: string }) => t.id)).toContain(discovery.id);
});

it('tells the person a manager assigns a task to, once per assignment, and nobody when managers take it themselves', async () => {
  const journeyId = await newLead();
  const followUp = await openTask(journeyId, 'follow-up-call');
  expect(followUp.assignee).toBeNull();
  const sales = h.users.sales;
  const assign = (assignee: string | null) => h.as('manager')('POST', `/api/tasks/${followUp.id}/assign`, { assignee });

  expect((await assign(sales.id)).status).toBe(200);
  expect((await assign(sales.id)).status).toBe(200); // already theirs: nothing new to tell
  const manager = await h.db.user.findUniqueOrThrow({ where: { id: h.users.manager.id } });
  const email = await assignedEmail(followUp.id, sales.id);
  expect(email.text).toContain(`${manager.name} gave you a task: ${followUp.title}.`);
  expect(await h.db.notification.count({ where: { recipientUserId: sales.id, taskId: followUp.id, kind: 'task_assigned' } })).toBe(1);

  // Taken back by the manager for themselves: no notice to anyone.
  expect((await assign(manager.id)).status).toBe(200);
  expect(await h.db.notification.count({ where: { recipientUserId: manager.id, taskId: followUp.id, kind: 'task_assigned' } })).toBe(0);
  // Handed to sales again: a second assignment, a second notice.
  expect((await assign(sales.id)).status).toBe(200);
  await eventually(() => h.db.email.count({ where: { template: 'task-assigned', key: { startsWith: `assigned:task:${followUp.id}:${sales.id}` } } }), (n) => n === 2, 20_000);
  expect(await h.db.notification.count({ where: { recipientUserId: sales.id, taskId: followUp.id, kind: 'task_assigned' } })).toBe(2);

  // A reason goes on the trail with the assignment; one that cannot be stored is a 400 that changes nothing.
  const withReason = (reason: unknown) => h.as('manager')('POST', `/api/tasks/${followUp.id}/assign`, { assignee: null, reason });
  for (const bad of ['x\u0000y', 'x'.repeat(501), 5]) {
    const res = await withReason(bad);
    expect({ status: res.status, field: res.body.error.fields[0].field }).toEqual({ status: 400, field: 'reason' });
  }
  expect((await h.db.task.findUniqueOrThrow({ where: { id: followUp.id } })).assignee).toBe(sales.id);
  expect((await withReason('  Back to the queue while Sam is away  ')).status).toBe(200);
  const last = await h.db.journeyEvent.findFirstOrThrow({ where: { journeyId, type: 'task_assigned' }, orderBy: { id: 'desc' } });
  expect(last.data).toMatchObject({ taskId: followUp.id, assignee: null, previousAssignee: sales.id, reason: 'Back to the queue while Sam is away' });
});

it('sends a task back to the queue when TASK_HANDOVER says so, or when its holder no longer works it', async () => {
  const handover = (taskHandover: Record<string, 'same-holder' | 'queue'>) =>
    createLeadActivities({ db: h.db, config: { ...h.config, journeys: { ...h.config.journeys, taskHandover } } }).handoverTo;
  const sales = h.users.sales.id;
  expect(await handover({})({ taskType: 'discovery-meeting', role: 'sales', previous: sales })).toBe(sales);
  expect(await handover({ 'discovery-meeting': 'same-holder' })({ taskType: 'discovery-meeting', role: 'sales', previous: sales })).toBe(sales);
  expect(await handover({ 'discovery-meeting': 'queue' })({ taskType: 'discovery-meeting', role: 'sales', previous: sales })).toBeNull();
  // A PM does not work sales; an API token is nobody; a user since deactivated is gone; nobody before it.
  expect(await handover({})({ taskType: 'discovery-meeting', role: 'sales', previous: h.users.pm.id })).toBeNull();
  expect(await handover({})({ taskType: 'discovery-meeting', role: 'sales', previous: 'token:ci' })).toBeNull();
  const gone = await h.db.user.create({ data: { email: `gone-${randomUUID()}@pivotal.test`, name: 'Gone Salesperson', roles: ['sales'], passwordHash: 'x', active: false } });
  expect(await handover({})({ taskType: 'discovery-meeting', role: 'sales', previous: gone.id })).toBeNull();
  expect(await handover({})({ taskType: 'discovery-meeting', role: 'sales' })).toBeNull();
});
