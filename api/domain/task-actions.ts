// Claiming, releasing, assigning and commenting on human tasks. These change who holds a task,
// not the journey, so they are database writes guarded by the task's current state (two people
// claiming at once: exactly one wins) and each leaves an audit event naming who did it.
import { randomUUID } from 'node:crypto';
import type { Task } from '../../prisma/generated/client';
import { appendEvent } from '../../platform/audit';
import { isUniqueViolation, type Db } from '../../platform/db';
import type { Principal } from '../auth/roles';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { allowedActions, canSee, type TaskActions } from './task-access';

/** The task as `p` may see it, or 404 (a task you may not see does not exist for you). */
export async function loadTask(db: Db, p: Principal, id: string): Promise<Task> {
  const task = isUuid(id) ? await db.task.findUnique({ where: { id } }) : null;
  if (!task || !canSee(p, task)) throw new AppError('not_found', `No task ${id}`);
  return task;
}

/**
 * Throws 409 when the task is closed, 403 when it is open but the action is not `p`'s to take.
 * Holding and commenting are for people; an API token may only complete.
 */
export function ensureAllowed(p: Principal, task: Task, action: keyof TaskActions, why: string): void {
  if (p.kind !== 'user' && action !== 'complete') throw new AppError('forbidden', 'Only people can do this, not API tokens');
  if (allowedActions(p, task)[action]) return;
  if (task.status !== 'OPEN' && action !== 'comment') {
    throw new AppError('conflict', `“${task.title}” is already ${task.status.toLowerCase()}`, { taskStatus: task.status });
  }
  throw new AppError('forbidden', why);
}

async function audit(db: Db, p: Principal, task: Task, type: string, data: Record<string, unknown> = {}) {
  await appendEvent(db, {
    journeyId: task.journeyId,
    key: `task:${task.id}:${type}:${randomUUID()}`,
    type,
    actor: p.id,
    data: { taskId: task.id, ...data },
  });
}

/**
 * Moves the holder from `from` to `to`, only if nobody changed it in between; the waiting-on index
 * follows, so "waiting on <person>" finds tasks someone holds.
 */
async function swapHolder(db: Db, task: Task, from: string | null, to: string | null): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.task.updateMany({
      where: { id: task.id, status: 'OPEN', assignee: from },
      data: { assignee: to, claimedAt: to ? new Date() : null },
    });
    if (count === 1) {
      await tx.journeyWait.updateMany({ where: { id: `task:${task.id}`, endedAt: null }, data: { unblockedBy: to ?? task.role } });
    }
    return count === 1;
  });
}

export async function claimTask(db: Db, p: Principal, id: string): Promise<Task> {
  const task = await loadTask(db, p, id);
  if (task.assignee === p.id && task.status === 'OPEN') return task; // claiming twice is harmless
  // Someone of the queue came second: a conflict to retry elsewhere, not a permission problem.
  const mayClaimWhenFree = allowedActions(p, { ...task, assignee: null }).claim;
  if (task.assignee && mayClaimWhenFree) throw new AppError('conflict', 'Someone else holds this task');
  ensureAllowed(p, task, 'claim', task.assignee ? 'Someone else holds this task' : `Only the ${task.role} queue can claim this task`);
  if (!(await swapHolder(db, task, null, p.id))) throw new AppError('conflict', 'Someone claimed this task first');
  await audit(db, p, task, 'task_claimed');
  return db.task.findUniqueOrThrow({ where: { id: task.id } });
}

export async function unclaimTask(db: Db, p: Principal, id: string): Promise<Task> {
  const task = await loadTask(db, p, id);
  if (!task.assignee && task.status === 'OPEN') return task;
  ensureAllowed(p, task, 'unclaim', 'Only the holder or a manager can release this task');
  if (!(await swapHolder(db, task, task.assignee, null))) throw new AppError('conflict', 'The task changed hands meanwhile');
  await audit(db, p, task, 'task_unclaimed', { previousAssignee: task.assignee });
  return db.task.findUniqueOrThrow({ where: { id: task.id } });
}

/**
 * Managers hand a task to someone who works its queue — or, for an escalated task, the queue it
 * came from — or to nobody, back to the queue.
 */
/** `notify`: tells the new holder (bell and email); not awaited by the caller's answer beyond its start. */
/** Gives the task to `assignee` (null: back to its queue); `reason`, when given, goes on the trail with it. */
export async function assignTask(
  db: Db,
  p: Principal,
  id: string,
  { assignee, reason }: { assignee: string | null; reason?: string },
  notify?: (task: Task, assignee: string) => Promise<void>,
): Promise<Task> {
  const task = await loadTask(db, p, id);
  ensureAllowed(p, task, 'assign', 'Only managers assign tasks');
  if (assignee) {
    const user = await db.user.findUnique({ where: { id: assignee } });
    const queues = [task.role, task.originalRole, 'manager', 'admin'];
    if (!user?.active || !user.roles.some((r) => queues.includes(r))) {
      throw new AppError('validation_failed', 'The request is invalid', {
        fields: [{ field: 'assignee', message: `Must be an active user of the ${task.originalRole ?? task.role} queue or a manager` }],
      });
    }
  }
  if (task.assignee === assignee) return task;
  if (!(await swapHolder(db, task, task.assignee, assignee))) throw new AppError('conflict', 'The task changed hands meanwhile');
  await audit(db, p, task, 'task_assigned', { assignee, previousAssignee: task.assignee, ...(reason && { reason }) });
  // Assigned to someone else than the one assigning: they are told.
  if (assignee && assignee !== p.id) await notify?.(task, assignee);
  return db.task.findUniqueOrThrow({ where: { id: task.id } });
}

/** A comment with a client-chosen id is stored once, however often it is sent. */
export async function commentOnTask(db: Db, p: Principal, id: string, comment: { id?: string; body: string }) {
  const task = await loadTask(db, p, id);
  ensureAllowed(p, task, 'comment', 'You cannot comment on this task');
  const commentId = comment.id ?? randomUUID();
  const repeat = async () => {
    const existing = await db.taskComment.findUnique({ where: { id: commentId } });
    if (!existing) return undefined;
    if (existing.taskId !== task.id || existing.authorId !== p.id) throw new AppError('conflict', `Comment id ${commentId} is taken`);
    return { comment: existing, created: false };
  };
  const earlier = await repeat();
  if (earlier) return earlier;
  const created = await db.$transaction(async (tx) => {
    const row = await tx.taskComment.create({ data: { id: commentId, taskId: task.id, authorId: p.id, body: comment.body } });
    await appendEvent(tx, {
      journeyId: task.journeyId,
      key: `task:${task.id}:comment:${row.id}`,
      type: 'task_commented',
      actor: p.id,
      data: { taskId: task.id, commentId: row.id, body: comment.body },
    });
    return row;
  }).catch(async (err: unknown) => {
    // The same comment sent twice at once: the second insert loses on the primary key.
    if (isUniqueViolation(err)) return undefined;
    throw err;
  });
  return created ? { comment: created, created: true } : (await repeat())!;
}
