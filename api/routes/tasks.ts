// Human tasks: the inbox (filtered, sorted and paged on the server), one task with its comments
// and the actions its viewer may take, and the actions themselves. Task forms are served as JSON
// Schema generated from the same zod schemas that validate completions.
import { Router } from 'express';
import { z } from 'zod';
import { optionalText, text } from '../../workflows/runtime/storable-text';
import type { Prisma } from '../../prisma/generated/client';
import { taskForms } from '../../workflows/runtime/task-forms';
import { principal, requireRole } from '../auth/authenticate';
import { noticeAssignment } from '../domain/assignment-notices';
import { parseOrThrow } from '../errors';
import { listQuerySchema, pageArgs, parseListQuery, sendPage } from '../list-query';
import { taskDetail, taskRow, task, taskComment, taskType } from '../contract/records';
import { operations } from '../openapi/operation';
import { completeTask } from '../domain/complete-task';
import { changeTaskDue } from '../domain/task-due';
import { allowedActions, visibleTasks } from '../domain/task-access';
import { assignTask, claimTask, commentOnTask, loadTask, unclaimTask } from '../domain/task-actions';
import type { Principal } from '../auth/roles';
import type { ApiDeps } from '../app';

const completeBody = z.object({ result: z.record(z.string(), z.unknown()) }).strict();
const assignBody = z
  .object({
    assignee: z.uuid().nullable(),
    /** Why, for whoever reads the journey's trail later (the inbox's bulk reassign asks for one). */
    reason: optionalText(500),
  })
  .strict();
/** How far ahead a due date may be moved: beyond that it is not a due date but a wish. */
const MAX_DUE_AHEAD_MS = 2 * 365 * 24 * 60 * 60 * 1000;
const dueBody = z
  .object({
    dueAt: z.iso
      .datetime({ offset: true, message: 'Must be a date and time, e.g. 2027-01-31T17:00:00Z' })
      .transform((v) => new Date(v))
      .refine((d) => d.getTime() > Date.now(), 'Must be in the future')
      .refine((d) => d.getTime() <= Date.now() + MAX_DUE_AHEAD_MS, 'Must be within two years'),
    reason: optionalText(500),
  })
  .strict();
const commentBody = z.object({ id: z.uuid().optional(), body: text(5000) }).strict();

export const taskFilter = z.object({
  status: z.enum(['OPEN', 'COMPLETED', 'CANCELLED']),
  role: z.string(),
  /** A user id, `me`, or `none` for unclaimed tasks. */
  assignee: z.union([z.uuid(), z.literal('me'), z.literal('none')]),
  overdue: z.boolean(),
  escalated: z.boolean(),
  journeyId: z.string(),
  customerId: z.uuid(),
  type: z.string(),
  /** `mine`: tasks I hold; `my-roles`: unclaimed tasks in my roles' queues. */
  queue: z.enum(['mine', 'my-roles']),
});
export const taskSort = ['dueAt', 'createdAt', 'status', 'type', 'title', 'role'] as const;
type TaskFilter = Partial<z.infer<typeof taskFilter>>;

function taskWhere(p: Principal, f: TaskFilter, now: Date): Prisma.TaskWhereInput {
  const and: Prisma.TaskWhereInput[] = [visibleTasks(p)];
  if (f.status) and.push({ status: f.status });
  if (f.role) and.push({ role: f.role });
  if (f.assignee) and.push({ assignee: f.assignee === 'me' ? p.id : f.assignee === 'none' ? null : f.assignee });
  // A task whose clock is paused (waiting on the customer) is not overdue meanwhile.
  const overdue: Prisma.TaskWhereInput = { status: 'OPEN', dueAt: { lt: now }, clockPausedAt: null };
  if (f.overdue !== undefined) and.push(f.overdue ? overdue : { NOT: overdue });
  if (f.escalated !== undefined) and.push({ escalatedAt: f.escalated ? { not: null } : null });
  if (f.journeyId) and.push({ journeyId: f.journeyId });
  if (f.customerId) and.push({ journey: { customerId: f.customerId } });
  if (f.type) and.push({ type: f.type });
  if (f.queue === 'mine') and.push({ assignee: p.id, status: 'OPEN' });
  if (f.queue === 'my-roles') and.push({ assignee: null, status: 'OPEN', role: { in: p.roles } });
  return { AND: and };
}

const listInclude = {
  assignedTo: { select: { name: true } },
  journey: { select: { kind: true, stage: true, customer: { select: { id: true, companyName: true } } } },
} as const;

export const taskOperations = operations(
  { method: 'get', path: '/api/task-types', summary: 'Task types and their completion forms (JSON Schema)', access: 'signed-in', responses: { 200: z.array(taskType) } },
  {
    method: 'get',
    path: '/api/tasks',
    summary: 'The inbox: tasks the caller may see',
    access: 'signed-in',
    list: true,
    query: listQuerySchema(taskFilter, taskSort),
    responses: { 200: z.array(taskRow) },
    links: ['', '/claim', '/unclaim', '/assign', '/due', '/comments', '/complete'].map((action) => ({ to: `${action ? 'POST' : 'GET'} /api/tasks/:id${action}`, id: '$response.body#/0/id' })),
  },
  { method: 'get', path: '/api/tasks/:id', summary: 'A task with its comments and the actions the caller may take', access: 'signed-in', responses: { 200: taskDetail } },
  { method: 'post', path: '/api/tasks/:id/claim', summary: 'Claim a task of one of your queues', access: 'signed-in', responses: { 200: task } },
  { method: 'post', path: '/api/tasks/:id/unclaim', summary: 'Give a claimed task back to its queue', access: 'signed-in', responses: { 200: task } },
  { method: 'post', path: '/api/tasks/:id/assign', summary: 'Assign a task to someone (or nobody)', description: 'Checked on the task (a task the caller cannot see is a 404). A `reason` goes on the journey\'s trail with the assignment.', access: ['manager'], body: assignBody, responses: { 200: task } },
  {
    method: 'post',
    path: '/api/tasks/:id/due',
    summary: "Move an open task's due date",
    description:
      "The journey moves the task's deadlines not yet passed (reminder, overdue, escalation) by as much; those passed stay passed. A `reason` goes on the journey's trail, and whoever holds the task is told. 409 for a task whose deadlines follow its SLA clock (support tickets).",
    access: ['manager'],
    body: dueBody,
    responses: { 200: task },
  },
  { method: 'post', path: '/api/tasks/:id/comments', summary: 'Comment on a task (idempotent by `id`)', access: 'signed-in', body: commentBody, responses: { 200: taskComment, 201: taskComment } },
  {
    method: 'post',
    path: '/api/tasks/:id/complete',
    summary: "Complete a task with its form's result",
    description: 'The result is validated against the task type\'s form (GET /api/task-types), then by the journey itself.',
    access: 'signed-in',
    body: completeBody,
    responses: { 200: z.looseObject({ taskId: z.string(), status: z.literal('COMPLETED') }) },
  },
);

export function taskRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.use('/tasks', requireRole());
  router.use('/task-types', requireRole());

  router.get('/task-types', (_req, res) => {
    const types = Object.entries(taskForms).map(([type, schema]) => ({ id: type, schema: z.toJSONSchema(schema, { io: 'input' }) }));
    res.set('Content-Range', `task-types 0-${types.length - 1}/${types.length}`).json(types);
  });

  router.get('/tasks', async (req, res) => {
    const p = principal(req);
    const q = parseListQuery(req.query, taskFilter, taskSort, ['dueAt', 'ASC']);
    const where = taskWhere(p, q.filter, new Date());
    await sendPage(res, 'tasks', q, deps.db.task.findMany({ where, include: listInclude, ...pageArgs(q) }), deps.db.task.count({ where }));
  });

  router.get('/tasks/:id', async (req, res) => {
    const p = principal(req);
    const task = await loadTask(deps.db, p, req.params.id);
    const [comments, detail] = await Promise.all([
      deps.db.taskComment.findMany({
        where: { taskId: task.id },
        orderBy: { createdAt: 'asc' },
        include: { author: { select: { name: true } } },
      }),
      deps.db.task.findUniqueOrThrow({ where: { id: task.id }, include: listInclude }),
    ]);
    res.json({ ...detail, comments, actions: allowedActions(p, task) });
  });

  router.post('/tasks/:id/claim', async (req, res) => {
    res.json(await claimTask(deps.db, principal(req), req.params.id));
  });

  router.post('/tasks/:id/unclaim', async (req, res) => {
    res.json(await unclaimTask(deps.db, principal(req), req.params.id));
  });

  router.post('/tasks/:id/assign', async (req, res) => {
    const { assignee, reason } = parseOrThrow(assignBody, req.body);
    const p = principal(req);
    res.json(await assignTask(deps.db, p, req.params.id, { assignee, reason: reason || undefined }, (task, to) => noticeAssignment(deps, task, to, p.name)));
  });

  router.post('/tasks/:id/due', async (req, res) => {
    const { dueAt, reason } = parseOrThrow(dueBody, req.body);
    res.json(await changeTaskDue(deps, principal(req), { taskId: req.params.id, dueAt, reason: reason || undefined }));
  });

  router.post('/tasks/:id/comments', async (req, res) => {
    const body = parseOrThrow(commentBody, req.body);
    const { comment, created } = await commentOnTask(deps.db, principal(req), req.params.id, body);
    res.status(created ? 201 : 200).json(comment);
  });

  router.post('/tasks/:id/complete', async (req, res) => {
    const body = parseOrThrow(completeBody, req.body);
    const done = await completeTask(deps, principal(req), { taskId: req.params.id, ...body });
    res.json({ ...done, status: 'COMPLETED' });
  });

  return router;
}
