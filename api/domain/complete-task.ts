// Completes a human task through the journey's `completeTask` Update: the workflow validates and
// accepts or rejects it, and the caller gets that answer synchronously.
import type { Client } from '@temporalio/client';
import type { Task } from '../../prisma/generated/client';
import { completeTaskUpdate } from '../../workflows/runtime/definitions';
import { isTaskType, validateTaskResult } from '../../workflows/runtime/task-forms';
import type { Db } from '../../platform/db';
import type { Principal } from '../auth/roles';
import { AppError } from '../errors';
import { executeJourneyUpdate } from '../journey-calls';
import { ensureAllowed, loadTask } from './task-actions';

export async function completeTask(deps: { db: Db; temporal: Client }, p: Principal, req: { taskId: string; result: unknown }) {
  const task = await loadTask(deps.db, p, req.taskId);
  if (task.status !== 'OPEN') throw await closedTask(deps.db, task);
  ensureAllowed(p, task, 'complete', task.assignee ? 'Another person holds this task' : `Only the ${task.role} queue can complete this task`);
  // Checked here first for a quick, precise answer; the workflow checks again and has the last word.
  // What goes on to the journey is the validated value, never the raw body.
  if (!isTaskType(task.type)) throw new AppError('conflict', `This task is of a type this version cannot complete (${task.type})`);
  const checked = validateTaskResult(task.type, req.result);
  if (!checked.ok) throw new AppError('validation_failed', 'The task result is invalid', { fields: checked.errors });
  try {
    return await executeJourneyUpdate(
      deps.temporal,
      task.journeyId,
      completeTaskUpdate,
      { taskId: task.id, completedBy: p.id, result: checked.value },
      { ended: 'The journey of this task has ended' },
    );
  } catch (err) {
    // Someone else's completion (or the journey moving on) got there first: say who and when.
    if (!(err instanceof AppError && err.code === 'conflict')) throw err;
    const now = await deps.db.task.findUniqueOrThrow({ where: { id: task.id } });
    throw now.status === 'OPEN' ? err : await closedTask(deps.db, now);
  }
}

/** The 409 for a task that is no longer open: who closed it and when, for a person to read. */
async function closedTask(db: Db, task: Task): Promise<AppError> {
  if (task.status === 'CANCELLED') {
    return new AppError('conflict', `This task was cancelled${task.cancelReason ? `: ${task.cancelReason}` : ''}`, { taskStatus: task.status, cancelledAt: task.cancelledAt });
  }
  const by = task.completedBy ? await db.user.findUnique({ where: { id: task.completedBy }, select: { id: true, name: true } }) : null;
  const at = task.completedAt?.toISOString().replace('T', ' ').slice(0, 16);
  return new AppError('conflict', `${by?.name ?? 'Someone'} completed this task first${at ? ` (${at} UTC)` : ''}`, {
    taskStatus: task.status,
    completedBy: by,
    completedAt: task.completedAt,
  });
}
