// Completes a human task through the journey's `completeTask` Update: the workflow validates and
// accepts or rejects it, and the caller gets that answer synchronously.
import type { Client } from '@temporalio/client';
import { completeTaskUpdate } from '../../workflows/runtime/definitions';
import { isTaskType, validateTaskResult } from '../../workflows/runtime/task-forms';
import type { Db } from '../../platform/db';
import type { Principal } from '../auth/roles';
import { AppError } from '../errors';
import { executeJourneyUpdate } from '../journey-calls';
import { ensureAllowed, loadTask } from './task-actions';

export async function completeTask(deps: { db: Db; temporal: Client }, p: Principal, req: { taskId: string; result: unknown }) {
  const task = await loadTask(deps.db, p, req.taskId);
  ensureAllowed(p, task, 'complete', task.assignee ? 'Another person holds this task' : `Only the ${task.role} queue can complete this task`);
  // Checked here first for a quick, precise answer; the workflow checks again and has the last word.
  // What goes on to the journey is the validated value, never the raw body.
  if (!isTaskType(task.type)) throw new AppError('conflict', `Task ${task.id} is of a type this version cannot complete (${task.type})`);
  const checked = validateTaskResult(task.type, req.result);
  if (!checked.ok) throw new AppError('validation_failed', 'The task result is invalid', { fields: checked.errors });
  return executeJourneyUpdate(
    deps.temporal,
    task.journeyId,
    completeTaskUpdate,
    { taskId: task.id, completedBy: p.id, result: checked.value },
    { ended: `The journey of task ${task.id} has ended` },
  );
}
