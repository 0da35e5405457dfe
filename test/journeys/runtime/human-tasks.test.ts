// Human tasks through the API on a real dev server: claiming (races included), releasing,
// assigning, commenting and completing, who may see and do what, the audit trail each action
// leaves, the inbox's filters and paging, the task forms, and cancelling a journey.
import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../../activities/registry';
import type { Role } from '../../../api/auth/roles';
import { customerIdFor } from '../../../api/acquisition/submit-lead';
import { journeyStateQuery, journeyWorkflowId, type AcquisitionInput } from '../../../workflows/runtime/definitions';
import { taskForms } from '../../../workflows/runtime/task-forms';
import { startHarness, workflowBundle, type Harness } from '../../support/harness';
import { eventually, request, type JsonResponse } from '../../support/http';
import { followUpQualified, lead } from '../../support/fixtures';

let h: Harness;
/** Two salespeople besides the development one: A and B. */
let A: User;
let B: User;
beforeAll(async () => {
  h = await startHarness();
  [A, B] = await Promise.all([newUser(['sales'], 'Alex Sales'), newUser(['sales'], 'Blair Sales')]);
}, 180_000);
afterAll(() => h?.stop());

type Api = (method: string, path: string, body?: unknown) => Promise<JsonResponse>;
type User = { id: string; email: string; api: Api };

const PASSWORD = 'correct horse battery staple';
const enc = encodeURIComponent;
const q = (v: unknown) => enc(JSON.stringify(v));
const manager = () => h.as('manager');

/** A user created by the admin through the API, logged in through the API. */
async function newUser(roles: Role[], name = 'Test User'): Promise<User> {
  const email = `user-${randomUUID()}@pivotal.test`;
  const created = await h.as('admin')('POST', '/api/users', { email, name, roles, password: PASSWORD });
  if (created.status !== 201) throw new Error(`creating a user failed: ${JSON.stringify(created.body)}`);
  const session = await request(h.baseUrl, 'POST', '/api/auth/login', { email, password: PASSWORD });
  if (session.status !== 200) throw new Error(`login failed: ${JSON.stringify(session.body)}`);
  const token = session.body.token as string;
  return { id: created.body.id, email, api: (method, path, body) => request(h.baseUrl, method, path, body, token) };
}

type Journey = { journeyId: string; customerId: string; taskId: string };

/**
 * A new lead's journey, once its follow-up task (sales queue) is open and the workflow waits on it.
 * (That completions are accepted even before then is the business of the slow-report test below.)
 */
async function newJourney(): Promise<Journey> {
  const res = await request(h.baseUrl, 'POST', '/api/leads', lead());
  expect(res.status).toBe(201);
  const task = await eventually(
    () => h.db.task.findFirst({ where: { journeyId: res.body.journeyId, status: 'OPEN', type: 'follow-up-call' } }),
    (t) => t !== null,
  );
  await workflowWaitsOn(res.body.journeyId, task!.id);
  return { journeyId: res.body.journeyId, customerId: res.body.customerId, taskId: task!.id };
}

const workflowWaitsOn = (journeyId: string, taskId: string) =>
  eventually(
    () => h.env.client.workflow.getHandle(journeyId).query(journeyStateQuery),
    (s) => s.waitingOn.some((w) => w.key === taskId),
  );

const task = (id: string) => h.db.task.findUniqueOrThrow({ where: { id } });
const events = (journeyId: string, type?: string) =>
  h.db.journeyEvent.findMany({ where: { journeyId, ...(type && { type }) }, orderBy: { id: 'asc' } });
const journeyRow = (id: string) => h.db.journey.findUniqueOrThrow({ where: { id } });
const ids = (res: JsonResponse) => (res.body as Array<{ id: string }>).map((t) => t.id);

describe('claiming', () => {
  it('of two salespeople claiming at once, exactly one wins and the other gets 409', async () => {
    const journeys = await Promise.all(Array.from({ length: 4 }, newJourney));
    for (const j of journeys) {
      const [a, b] = await Promise.all([A.api('POST', `/api/tasks/${j.taskId}/claim`), B.api('POST', `/api/tasks/${j.taskId}/claim`)]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const [winner, loser] = a.status === 200 ? [A, b] : [B, a];
      expect(loser.body.error.code).toBe('conflict');
      expect((await task(j.taskId)).assignee).toBe(winner.id);
      const claimed = await events(j.journeyId, 'task_claimed');
      expect(claimed.map((e) => e.actor)).toEqual([winner.id]);
    }
  });

  it('claiming a task you already hold again is harmless: 200, same holder, no second event', async () => {
    const j = await newJourney();
    const first = await A.api('POST', `/api/tasks/${j.taskId}/claim`);
    expect(first).toMatchObject({ status: 200, body: { id: j.taskId, assignee: A.id, status: 'OPEN' } });
    const second = await A.api('POST', `/api/tasks/${j.taskId}/claim`);
    expect(second).toMatchObject({ status: 200, body: { assignee: A.id, claimedAt: first.body.claimedAt } });
    expect(await events(j.journeyId, 'task_claimed')).toHaveLength(1);
  });

  it('claiming a task someone else already holds answers 409 (README: "409 if someone else got it first")', async () => {
    const j = await newJourney();
    expect((await A.api('POST', `/api/tasks/${j.taskId}/claim`)).status).toBe(200);
    const late = await B.api('POST', `/api/tasks/${j.taskId}/claim`);
    expect(late.status).toBe(409);
    expect((await task(j.taskId)).assignee).toBe(A.id);
  });

  it('while A holds it, B (same queue) may neither complete nor release it', async () => {
    const j = await newJourney();
    expect((await A.api('POST', `/api/tasks/${j.taskId}/claim`)).status).toBe(200);

    const complete = await B.api('POST', `/api/tasks/${j.taskId}/complete`, { result: followUpQualified });
    expect(complete.status).toBe(403);
    expect(complete.body.error.code).toBe('forbidden');
    const release = await B.api('POST', `/api/tasks/${j.taskId}/unclaim`);
    expect(release.status).toBe(403);
    expect(await task(j.taskId)).toMatchObject({ status: 'OPEN', assignee: A.id });
    expect(await events(j.journeyId, 'task_unclaimed')).toHaveLength(0);
    expect(await events(j.journeyId, 'task_completed')).toHaveLength(0);

    // The task tells each viewer what they may do with it.
    expect((await B.api('GET', `/api/tasks/${j.taskId}`)).body.actions).toEqual({ claim: false, unclaim: false, assign: false, reschedule: false, complete: false, comment: true });
    expect((await A.api('GET', `/api/tasks/${j.taskId}`)).body.actions).toEqual({ claim: false, unclaim: true, assign: false, reschedule: false, complete: true, comment: true });
    expect((await manager()('GET', `/api/tasks/${j.taskId}`)).body.actions).toEqual({ claim: false, unclaim: true, assign: true, reschedule: true, complete: true, comment: true });
  });

  it('the holder releases it back to the queue, after which B can claim it; releasing an unclaimed task is harmless', async () => {
    const j = await newJourney();
    expect((await A.api('POST', `/api/tasks/${j.taskId}/claim`)).status).toBe(200);
    const released = await A.api('POST', `/api/tasks/${j.taskId}/unclaim`);
    expect(released).toMatchObject({ status: 200, body: { assignee: null, claimedAt: null, status: 'OPEN' } });
    const unclaimed = await events(j.journeyId, 'task_unclaimed');
    expect(unclaimed).toHaveLength(1);
    expect(unclaimed[0]).toMatchObject({ actor: A.id, data: { taskId: j.taskId, previousAssignee: A.id } });

    expect((await A.api('POST', `/api/tasks/${j.taskId}/unclaim`)).status).toBe(200);
    expect(await events(j.journeyId, 'task_unclaimed')).toHaveLength(1);

    expect((await B.api('POST', `/api/tasks/${j.taskId}/claim`))).toMatchObject({ status: 200, body: { assignee: B.id } });
  });

  it('a manager may release a task someone else holds', async () => {
    const j = await newJourney();
    expect((await A.api('POST', `/api/tasks/${j.taskId}/claim`)).status).toBe(200);
    expect(await manager()('POST', `/api/tasks/${j.taskId}/unclaim`)).toMatchObject({ status: 200, body: { assignee: null } });
    const [e] = await events(j.journeyId, 'task_unclaimed');
    expect(e).toMatchObject({ actor: h.users.manager.id, data: { previousAssignee: A.id } });
  });
});

describe('visibility', () => {
  it('a pm cannot see a sales task: 404 for it and its actions, absent from their list; a manager sees it', async () => {
    const j = await newJourney();
    const pm = h.as('pm');
    expect((await pm('GET', `/api/tasks/${j.taskId}`)).status).toBe(404);
    const list = await pm('GET', `/api/tasks?filter=${q({ journeyId: j.journeyId })}`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([]);
    expect(list.headers.get('content-range')).toBe('tasks 0-0/0');
    expect(ids(await pm('GET', `/api/tasks?range=[0,199]&sort=["createdAt","DESC"]`))).not.toContain(j.taskId);
    for (const [path, body] of [
      ['claim', undefined],
      ['unclaim', undefined],
      ['comments', { body: 'peek' }],
      ['complete', { result: followUpQualified }],
    ] as const) {
      expect({ path, status: (await pm('POST', `/api/tasks/${j.taskId}/${path}`, body)).status }).toEqual({ path, status: 404 });
    }
    expect(await task(j.taskId)).toMatchObject({ status: 'OPEN', assignee: null });

    const m = await manager()('GET', `/api/tasks/${j.taskId}`);
    expect(m).toMatchObject({ status: 200, body: { id: j.taskId, role: 'sales', journeyId: j.journeyId, comments: [] } });
    expect(ids(await manager()('GET', `/api/tasks?filter=${q({ journeyId: j.journeyId })}`))).toEqual([j.taskId]);
    expect(ids(await h.as('sales')('GET', `/api/tasks?filter=${q({ journeyId: j.journeyId })}`))).toEqual([j.taskId]);
  });

  it('unknown or malformed task ids are 404', async () => {
    expect((await A.api('GET', `/api/tasks/${randomUUID()}`)).status).toBe(404);
    expect((await A.api('GET', '/api/tasks/not-a-uuid')).status).toBe(404);
    expect((await A.api('POST', `/api/tasks/${randomUUID()}/claim`)).status).toBe(404);
  });
});

describe('assigning', () => {
  it('a manager cannot assign to someone outside the queue: 400 on `assignee`, nothing changes', async () => {
    const j = await newJourney();
    const inactive = await newUser(['sales']);
    expect((await h.as('admin')('PATCH', `/api/users/${inactive.id}`, { active: false })).status).toBe(200);
    for (const [who, assignee] of [
      ['a pm', h.users.pm.id],
      ['an inactive salesperson', inactive.id],
      ['nobody known', randomUUID()],
      ['not an id', 'bob'],
    ] as const) {
      const res = await manager()('POST', `/api/tasks/${j.taskId}/assign`, { assignee });
      expect({ who, status: res.status, fields: res.body.error?.fields?.map((f: any) => f.field) }).toEqual({ who, status: 400, fields: ['assignee'] });
    }
    expect((await task(j.taskId)).assignee).toBeNull();
    expect(await events(j.journeyId, 'task_assigned')).toHaveLength(0);
  });

  it('a manager hands a task to a salesperson, to another, and back to the queue, each audited', async () => {
    const j = await newJourney();
    const toB = await manager()('POST', `/api/tasks/${j.taskId}/assign`, { assignee: B.id });
    expect(toB).toMatchObject({ status: 200, body: { assignee: B.id, status: 'OPEN' } });
    expect(ids(await B.api('GET', `/api/tasks?filter=${q({ queue: 'mine', journeyId: j.journeyId })}`))).toEqual([j.taskId]);
    expect((await manager()('POST', `/api/tasks/${j.taskId}/assign`, { assignee: A.id })).body.assignee).toBe(A.id);
    expect((await manager()('POST', `/api/tasks/${j.taskId}/assign`, { assignee: null })).body).toMatchObject({ assignee: null, claimedAt: null });

    const assigned = await events(j.journeyId, 'task_assigned');
    expect(assigned.map((e) => ({ actor: e.actor, data: e.data }))).toEqual([
      { actor: h.users.manager.id, data: { taskId: j.taskId, assignee: B.id, previousAssignee: null } },
      { actor: h.users.manager.id, data: { taskId: j.taskId, assignee: A.id, previousAssignee: B.id } },
      { actor: h.users.manager.id, data: { taskId: j.taskId, assignee: null, previousAssignee: A.id } },
    ]);
  });

  it('salespeople cannot assign', async () => {
    const j = await newJourney();
    const res = await A.api('POST', `/api/tasks/${j.taskId}/assign`, { assignee: A.id });
    expect(res.status).toBe(403);
    expect((await task(j.taskId)).assignee).toBeNull();
  });
});

describe('comments', () => {
  it('a comment with a client id is stored once: 201, then 200 with the same comment', async () => {
    const j = await newJourney();
    const id = randomUUID();
    const first = await A.api('POST', `/api/tasks/${j.taskId}/comments`, { id, body: 'Left a voicemail' });
    expect(first).toMatchObject({ status: 201, body: { id, taskId: j.taskId, authorId: A.id, body: 'Left a voicemail' } });
    const again = await A.api('POST', `/api/tasks/${j.taskId}/comments`, { id, body: 'Left a voicemail' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    expect(await h.db.taskComment.count({ where: { taskId: j.taskId } })).toBe(1);
    const commented = await events(j.journeyId, 'task_commented');
    expect(commented).toHaveLength(1);
    expect(commented[0]).toMatchObject({ actor: A.id, data: { taskId: j.taskId, commentId: id, body: 'Left a voicemail' } });

    const shown = await B.api('GET', `/api/tasks/${j.taskId}`);
    expect(shown.body.comments).toEqual([expect.objectContaining({ id, body: 'Left a voicemail', authorId: A.id, author: { name: 'Alex Sales' } })]);
  });

  it('comments without an id are each new; an empty one is 400; a taken id is 409', async () => {
    const j = await newJourney();
    const one = await A.api('POST', `/api/tasks/${j.taskId}/comments`, { body: 'first' });
    const two = await A.api('POST', `/api/tasks/${j.taskId}/comments`, { body: 'first' });
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(one.body.id).not.toBe(two.body.id);

    const empty = await A.api('POST', `/api/tasks/${j.taskId}/comments`, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.map((f: any) => f.field)).toEqual(['body']);

    // The same id from someone else, or on another task, is not a repeat.
    const byB = await B.api('POST', `/api/tasks/${j.taskId}/comments`, { id: one.body.id, body: 'first' });
    expect(byB.status).toBe(409);
    const other = await newJourney();
    const elsewhere = await A.api('POST', `/api/tasks/${other.taskId}/comments`, { id: one.body.id, body: 'first' });
    expect(elsewhere.status).toBe(409);
    expect(await h.db.taskComment.count({ where: { taskId: j.taskId } })).toBe(2);
    expect(await h.db.taskComment.count({ where: { taskId: other.taskId } })).toBe(0);
  });

  it('the same comment sent twice at once is stored once, and both sends succeed', async () => {
    const j = await newJourney();
    const id = randomUUID();
    const answers = await Promise.all([
      A.api('POST', `/api/tasks/${j.taskId}/comments`, { id, body: 'Sent twice by a flaky network' }),
      A.api('POST', `/api/tasks/${j.taskId}/comments`, { id, body: 'Sent twice by a flaky network' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    expect(await h.db.taskComment.count({ where: { taskId: j.taskId } })).toBe(1);
    expect(await events(j.journeyId, 'task_commented')).toHaveLength(1);
  });
});

describe('the audit trail', () => {
  it('claim, comment, release, assign and complete each leave one event naming who did it', async () => {
    const j = await newJourney();
    expect((await A.api('POST', `/api/tasks/${j.taskId}/claim`)).status).toBe(200);
    expect((await A.api('POST', `/api/tasks/${j.taskId}/comments`, { body: 'Calling tomorrow' })).status).toBe(201);
    expect((await A.api('POST', `/api/tasks/${j.taskId}/unclaim`)).status).toBe(200);
    expect((await manager()('POST', `/api/tasks/${j.taskId}/assign`, { assignee: B.id })).status).toBe(200);
    expect((await B.api('POST', `/api/tasks/${j.taskId}/complete`, { result: followUpQualified })).status).toBe(200);
    expect(await task(j.taskId)).toMatchObject({ status: 'COMPLETED', completedBy: B.id, result: followUpQualified });

    const actions = (await events(j.journeyId))
      .filter((e) => (e.data as any)?.taskId === j.taskId && e.type !== 'task_created')
      .map((e) => ({ type: e.type, actor: e.actor }));
    expect(actions).toEqual([
      { type: 'task_claimed', actor: A.id },
      { type: 'task_commented', actor: A.id },
      { type: 'task_unclaimed', actor: A.id },
      { type: 'task_assigned', actor: h.users.manager.id },
      { type: 'task_completed', actor: B.id },
    ]);

    // The journey's history shows the actors by name.
    const detail = await manager()('GET', `/api/journeys/${enc(j.journeyId)}`);
    const claimed = detail.body.history.find((e: any) => e.type === 'task_claimed');
    expect(claimed).toMatchObject({ actor: A.id, actorName: 'Alex Sales' });
  });
});

describe('completing', () => {
  it('a completed task answers 409 and the journey is unchanged', async () => {
    const j = await newJourney();
    expect((await A.api('POST', `/api/tasks/${j.taskId}/complete`, { result: followUpQualified })).status).toBe(200);
    await eventually(() => h.db.task.count({ where: { journeyId: j.journeyId } }), (n) => n === 2);
    const before = { journey: await journeyRow(j.journeyId), events: await events(j.journeyId), task: await task(j.taskId) };

    for (const who of [A, B]) {
      const again = await who.api('POST', `/api/tasks/${j.taskId}/complete`, {
        result: { outcome: 'disqualified', notes: 'Changed my mind', disqualifiedReason: 'No budget' },
      });
      expect(again.status).toBe(409);
      // Named for a person to read: who completed it and when, no task id.
      expect(again.body.error).toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/^Alex Sales completed this task first \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)$/),
        completedBy: { id: A.id, name: 'Alex Sales' },
      });
    }
    expect((await manager()('POST', `/api/tasks/${j.taskId}/complete`, { result: followUpQualified })).status).toBe(409);
    expect(await journeyRow(j.journeyId)).toEqual(before.journey);
    expect(await events(j.journeyId)).toEqual(before.events);
    expect(await task(j.taskId)).toEqual(before.task);
  });

  it('a task cancelled with its journey answers 409', async () => {
    const j = await newJourney();
    expect((await manager()('POST', `/api/journeys/${enc(j.journeyId)}/cancel`, { reason: 'Duplicate lead' })).status).toBe(200);
    expect((await task(j.taskId)).status).toBe('CANCELLED');
    const res = await A.api('POST', `/api/tasks/${j.taskId}/complete`, { result: followUpQualified });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'conflict', message: 'This task was cancelled: Duplicate lead', taskStatus: 'CANCELLED' });
    expect((await task(j.taskId)).status).toBe('CANCELLED');
    expect(await events(j.journeyId, 'task_completed')).toHaveLength(0);
  });

  it('a malformed completion is 400 naming `result.<field>`, and the task stays open', async () => {
    const j = await newJourney();
    const bad = await A.api('POST', `/api/tasks/${j.taskId}/complete`, { result: { outcome: 'maybe', notes: '' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: any) => f.field).sort()).toEqual(['result.notes', 'result.outcome']);
    const missing = await A.api('POST', `/api/tasks/${j.taskId}/complete`, { result: { outcome: 'disqualified', notes: 'No fit' } });
    expect(missing.body.error.fields).toEqual([{ field: 'result.disqualifiedReason', message: expect.any(String) }]);
    const noResult = await A.api('POST', `/api/tasks/${j.taskId}/complete`, { outcome: 'qualified' });
    expect(noResult.status).toBe(400);
    expect(noResult.body.error.fields.map((f: any) => f.field).sort()).toEqual(['outcome', 'result']);
    expect(await task(j.taskId)).toMatchObject({ status: 'OPEN', result: null });
    expect(await events(j.journeyId, 'task_completed')).toHaveLength(0);
  });
});

describe('a task whose row is written but whose activity is not yet reported to Temporal', () => {
  // A worker that reports createTask's completion 2 s late (a busy worker, a slow network, or one
  // that crashed right after the write and whose activity is retried): the task is OPEN in the
  // inbox for those 2 s. It runs on a task queue of its own, next to the file's normal worker.
  const REPORT_DELAY_MS = 2_000;
  let worker: Worker;
  let running: Promise<void>;
  let taskQueue: string;

  beforeAll(async () => {
    taskQueue = `${h.taskQueue}-slow-report`;
    worker = await Worker.create({
      connection: h.env.nativeConnection,
      namespace: h.env.namespace ?? 'default',
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: createActivities({ db: h.db, config: h.config }),
      interceptors: {
        activity: [
          (ctx) => ({
            inbound: {
              execute: async (input, next) => {
                const result = await next(input);
                if (ctx.info.activityType === 'createTask') await new Promise((r) => setTimeout(r, REPORT_DELAY_MS));
                return result;
              },
            },
          }),
        ],
      },
    });
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
  });

  it('can be completed as soon as it shows in the inbox', async () => {
    const inquiry = lead();
    const customerId = customerIdFor(inquiry.email);
    const journeyId = journeyWorkflowId(customerId, 'acquisition', 1);
    const input: AcquisitionInput = { journeyId, customerId, inquiry, followUpDueHours: 24 };
    await h.env.client.workflow.start('acquisitionJourney', { workflowId: journeyId, taskQueue, args: [input] });

    const shown = await eventually(() => A.api('GET', `/api/tasks?filter=${q({ journeyId, status: 'OPEN' })}`), (r) => r.body.length === 1);
    const taskId = shown.body[0].id as string;
    expect(shown.body[0]).toMatchObject({ type: 'follow-up-call', status: 'OPEN', assignee: null });
    const done = await A.api('POST', `/api/tasks/${taskId}/complete`, { result: followUpQualified });
    expect({ status: done.status, error: done.body.error }).toEqual({ status: 200, error: undefined });
    expect(await task(taskId)).toMatchObject({ status: 'COMPLETED', completedBy: A.id });
    await eventually(() => journeyRow(journeyId), (j) => j.stage === 'discovery');
  });
});

describe('the inbox (GET /api/tasks)', () => {
  /** C holds three tasks (t1, t2, t4); t3 sits unclaimed in the sales queue. */
  let C: User;
  let t: Journey[];
  const list = (api: Api, filter: object, extra = '') => api('GET', `/api/tasks?filter=${q(filter)}${extra}`);

  beforeAll(async () => {
    C = await newUser(['sales'], 'Casey Sales');
    t = [];
    for (let i = 0; i < 4; i++) t.push(await newJourney()); // one after another: distinct creation times
    for (const i of [0, 1, 3]) expect((await C.api('POST', `/api/tasks/${t[i]!.taskId}/claim`)).status).toBe(200);
  });

  it('queue `mine` and assignee `me` are the tasks I hold', async () => {
    const mine = await list(C.api, { queue: 'mine' });
    expect(ids(mine).sort()).toEqual([t[0]!.taskId, t[1]!.taskId, t[3]!.taskId].sort());
    expect(mine.headers.get('content-range')).toBe('tasks 0-2/3');
    expect(ids(await list(C.api, { assignee: 'me' })).sort()).toEqual(ids(mine).sort());
    expect(ids(await list(manager(), { assignee: C.id })).sort()).toEqual(ids(mine).sort());
    expect(await list(A.api, { queue: 'mine', customerId: t[0]!.customerId })).toMatchObject({ status: 200, body: [] });
  });

  it('queue `my-roles` and assignee `none` are unclaimed tasks', async () => {
    for (const api of [C.api, A.api]) {
      expect(ids(await list(api, { queue: 'my-roles', customerId: t[2]!.customerId }))).toEqual([t[2]!.taskId]);
      expect(ids(await list(api, { queue: 'my-roles', customerId: t[0]!.customerId }))).toEqual([]);
    }
    expect(ids(await list(h.as('pm'), { queue: 'my-roles', customerId: t[2]!.customerId }))).toEqual([]);
    expect(ids(await list(A.api, { assignee: 'none', journeyId: t[2]!.journeyId }))).toEqual([t[2]!.taskId]);
    expect(ids(await list(A.api, { assignee: 'none', journeyId: t[0]!.journeyId }))).toEqual([]);
  });

  it('filters by customer, journey, type and status', async () => {
    expect(ids(await list(manager(), { customerId: t[1]!.customerId }))).toEqual([t[1]!.taskId]);
    expect(ids(await list(manager(), { journeyId: t[3]!.journeyId }))).toEqual([t[3]!.taskId]);
    expect(ids(await list(C.api, { assignee: 'me', type: 'follow-up-call' })).length).toBe(3);
    expect(ids(await list(C.api, { assignee: 'me', type: 'discovery-meeting' }))).toEqual([]);
    expect(ids(await list(C.api, { journeyId: t[0]!.journeyId, status: 'COMPLETED' }))).toEqual([]);
    expect(ids(await list(C.api, { journeyId: t[0]!.journeyId, status: 'OPEN' }))).toEqual([t[0]!.taskId]);
  });

  it('filters overdue and escalated tasks', async () => {
    // These filters read the task rows; put one task past its due time and mark another escalated
    // in the projection (the real timers are exercised in waiting-on.test.ts and the escalation test).
    await h.db.task.update({ where: { id: t[1]!.taskId }, data: { dueAt: new Date(Date.now() - 60_000) } });
    await h.db.task.update({ where: { id: t[3]!.taskId }, data: { escalatedAt: new Date() } });
    // Past its due time too, but its clock is paused (waiting on the customer): not overdue.
    await h.db.task.update({ where: { id: t[0]!.taskId }, data: { dueAt: new Date(Date.now() - 60_000), clockPausedAt: new Date() } });
    const mineWith = async (f: object) => ids(await list(C.api, { assignee: 'me', ...f })).sort();
    expect(await mineWith({ overdue: true })).toEqual([t[1]!.taskId]);
    expect(await mineWith({ overdue: false })).toEqual([t[0]!.taskId, t[3]!.taskId].sort());
    expect(await mineWith({ escalated: true })).toEqual([t[3]!.taskId]);
    expect(await mineWith({ escalated: false })).toEqual([t[0]!.taskId, t[1]!.taskId].sort());
  });

  it('sorts and pages with Content-Range', async () => {
    const rows = await h.db.task.findMany({ where: { assignee: C.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    const asc = rows.map((r) => r.id);
    expect(asc).toHaveLength(3);

    const page1 = await list(C.api, { queue: 'mine' }, '&sort=["createdAt","ASC"]&range=[0,1]');
    expect(page1.headers.get('content-range')).toBe('tasks 0-1/3');
    expect(ids(page1)).toEqual(asc.slice(0, 2));
    const page2 = await list(C.api, { queue: 'mine' }, '&sort=["createdAt","ASC"]&range=[2,3]');
    expect(page2.headers.get('content-range')).toBe('tasks 2-2/3');
    expect(ids(page2)).toEqual(asc.slice(2));
    const beyond = await list(C.api, { queue: 'mine' }, '&sort=["createdAt","ASC"]&range=[5,9]');
    expect(beyond.body).toEqual([]);
    expect(beyond.headers.get('content-range')).toBe('tasks 5-5/3');
    const desc = await list(C.api, { queue: 'mine' }, '&sort=["createdAt","DESC"]');
    expect(ids(desc)).toEqual([...asc].reverse());

    // Rows carry what the inbox shows.
    expect(page1.body[0]).toMatchObject({ assignedTo: { name: 'Casey Sales' }, journey: { kind: 'acquisition', stage: 'inquiry' } });
  });

  it('answers 400 naming a bad filter key, filter value, sort field or range', async () => {
    const bogus = await list(C.api, { bogus: 1 });
    expect(bogus.status).toBe(400);
    expect(bogus.body.error.fields).toEqual([{ field: 'query.filter.bogus', message: 'Unknown field' }]);
    const badQueue = await list(C.api, { queue: 'everything' });
    expect(badQueue.status).toBe(400);
    expect(badQueue.body.error.fields.map((f: any) => f.field)).toEqual(['query.filter.queue']);
    const badAssignee = await list(C.api, { assignee: 'someone' });
    expect(badAssignee.body.error.fields.map((f: any) => f.field)).toEqual(['query.filter.assignee']);
    const notJson = await C.api('GET', '/api/tasks?filter={oops');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.fields.map((f: any) => f.field)).toEqual(['query.filter']);
    const badSort = await C.api('GET', '/api/tasks?sort=["assignee","ASC"]');
    expect(badSort.body.error.fields.map((f: any) => f.field)).toEqual(['query.sort.0']);
    const bigRange = await C.api('GET', '/api/tasks?range=[0,500]');
    expect(bigRange.status).toBe(400);
    expect(bigRange.body.error.fields.map((f: any) => f.field)).toEqual(['query.range']);
  });
});

describe('task types', () => {
  it('serves each form as JSON Schema with its required fields', async () => {
    const res = await h.as('pm')('GET', '/api/task-types');
    expect(res.status).toBe(200);
    const n = Object.keys(taskForms).length;
    expect(res.headers.get('content-range')).toBe(`task-types 0-${n - 1}/${n}`);
    const byId = Object.fromEntries(res.body.map((t: any) => [t.id, t.schema]));
    expect(Object.keys(byId).sort()).toEqual(Object.keys(taskForms).sort());
    for (const [id, schema] of Object.entries(byId) as Array<[string, any]>) {
      expect({ id, type: schema.type, required: Array.isArray(schema.required) }).toEqual({ id, type: 'object', required: true });
      for (const field of schema.required) expect(schema.properties).toHaveProperty([field]);
    }

    const followUp = byId['follow-up-call'];
    expect(followUp.type).toBe('object');
    expect([...followUp.required].sort()).toEqual(['notes', 'outcome']);
    expect(followUp.properties.outcome.enum).toEqual(['qualified', 'disqualified']);
    expect(Object.keys(followUp.properties).sort()).toEqual(['disqualifiedReason', 'notes', 'outcome']);

    const discovery = byId['discovery-meeting'];
    expect([...discovery.required].sort()).toEqual(['budget', 'decisionMakers', 'notes', 'requirements', 'scope', 'timeline', 'urgency']);
    expect(discovery.properties.competition).toBeDefined();
    expect(discovery.properties.decisionMakers).toMatchObject({ type: 'array', minItems: 1 });
    expect(discovery.properties.urgency.enum).toEqual(['low', 'medium', 'high']);
  });
});

describe('cancelling a journey', () => {
  it('a manager cancels with a reason: the workflow ends CANCELLED, its task and wait are closed, who and why recorded', async () => {
    const j = await newJourney();
    const reason = 'Customer asked us to stop contacting them';
    const res = await manager()('POST', `/api/journeys/${enc(j.journeyId)}/cancel`, { reason });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'CANCELLED', stage: 'inquiry', reason });

    expect(await h.env.client.workflow.getHandle(j.journeyId).result()).toEqual({ status: 'CANCELLED', stage: 'inquiry', reason });
    expect(await task(j.taskId)).toMatchObject({ status: 'CANCELLED', cancelReason: reason, cancelledAt: expect.any(Date), completedAt: null });
    const wait = await h.db.journeyWait.findUniqueOrThrow({ where: { id: `task:${j.taskId}` } });
    expect(wait.outcome).toBe('cancelled');
    expect(wait.endedAt).not.toBeNull();
    expect(await h.db.journeyWait.count({ where: { journeyId: j.journeyId, endedAt: null } })).toBe(0);
    const row = await journeyRow(j.journeyId);
    expect(row).toMatchObject({ status: 'CANCELLED', endReason: reason, cancelledBy: h.users.manager.id, endedAt: expect.any(Date) });
    const ended = await events(j.journeyId, 'journey_ended');
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ actor: h.users.manager.id, data: { status: 'CANCELLED', reason } });
    expect(await events(j.journeyId, 'task_cancelled')).toHaveLength(1);

    const detail = await h.as('sales')('GET', `/api/journeys/${enc(j.journeyId)}`);
    expect(detail.body).toMatchObject({ status: 'CANCELLED', waitingOn: [], live: false });
  });

  it('cancelling again is 409; a short reason is 400 on `reason`; sales is 403; an unknown journey is 404', async () => {
    const j = await newJourney();
    const short = await manager()('POST', `/api/journeys/${enc(j.journeyId)}/cancel`, { reason: '  no ' });
    expect(short.status).toBe(400);
    expect(short.body.error.fields.map((f: any) => f.field)).toEqual(['reason']);
    const missing = await manager()('POST', `/api/journeys/${enc(j.journeyId)}/cancel`, {});
    expect(missing.body.error.fields.map((f: any) => f.field)).toEqual(['reason']);
    const sales = await h.as('sales')('POST', `/api/journeys/${enc(j.journeyId)}/cancel`, { reason: 'Not interested' });
    expect(sales.status).toBe(403);
    expect((await journeyRow(j.journeyId)).status).toBe('RUNNING');
    expect((await task(j.taskId)).status).toBe('OPEN');

    expect((await manager()('POST', `/api/journeys/${enc(j.journeyId)}/cancel`, { reason: 'Not interested' })).status).toBe(200);
    const again = await manager()('POST', `/api/journeys/${enc(j.journeyId)}/cancel`, { reason: 'Really not interested' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    expect((await journeyRow(j.journeyId)).endReason).toBe('Not interested');

    const unknown = await manager()('POST', `/api/journeys/${enc(`journey:${randomUUID()}:acquisition:1`)}/cancel`, { reason: 'Not interested' });
    expect(unknown.status).toBe(404);
  });

  it('two managers cancelling at once: one 200, one 409, one journey_ended event', async () => {
    const j = await newJourney();
    const answers = await Promise.all([
      manager()('POST', `/api/journeys/${enc(j.journeyId)}/cancel`, { reason: 'First reason' }),
      h.as('admin')('POST', `/api/journeys/${enc(j.journeyId)}/cancel`, { reason: 'Second reason' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await events(j.journeyId, 'journey_ended')).toHaveLength(1);
  });

  it('a finished journey cannot be cancelled', async () => {
    const j = await newJourney();
    const lost = { outcome: 'disqualified', notes: 'Wants a mobile game', disqualifiedReason: 'Not our kind of work' };
    expect((await A.api('POST', `/api/tasks/${j.taskId}/complete`, { result: lost })).status).toBe(200);
    expect(await h.env.client.workflow.getHandle(j.journeyId).result()).toMatchObject({ status: 'LOST' });
    const res = await manager()('POST', `/api/journeys/${enc(j.journeyId)}/cancel`, { reason: 'Too late now' });
    expect(res.status).toBe(409);
    expect(await journeyRow(j.journeyId)).toMatchObject({ status: 'LOST', endReason: 'Not our kind of work', cancelledBy: null });
  });
});
