// Completes a human task through the journey's `completeTask` Update: the workflow validates and
// accepts or rejects it, and the caller gets that answer synchronously.
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { completeTaskUpdate, FailureTypes } from '../../workflows/definitions';
import { isTaskType, validateTaskResult, type FieldError } from '../../workflows/task-forms';
import type { Db } from '../../platform/db';
import type { Principal } from '../auth/roles';
import { AppError } from '../errors';
import { ensureAllowed, loadTask } from './task-actions';

export async function completeTask(deps: { db: Db; temporal: Client }, p: Principal, req: { taskId: string; result: unknown }) {
  const task = await loadTask(deps.db, p, req.taskId);
  ensureAllowed(p, task, 'complete', task.assignee ? 'Another person holds this task' : `Only the ${task.role} queue can complete this task`);
  // Checked here first for a quick, precise answer; the workflow checks again and has the last word.
  if (isTaskType(task.type)) {
    const checked = validateTaskResult(task.type, req.result);
    if (!checked.ok) throw new AppError('validation_failed', 'The task result is invalid', { fields: checked.errors });
  }
  try {
    return await deps.temporal.workflow
      .getHandle(task.journeyId)
      .executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, completedBy: p.id, result: req.result }] });
  } catch (err) {
    throw toAppError(err, task.id);
  }
}

function toAppError(err: unknown, taskId: string): unknown {
  if (err instanceof WorkflowNotFoundError) return new AppError('conflict', `The journey of task ${taskId} has ended`);
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    if (err.cause.type === FailureTypes.taskNotOpen) return new AppError('conflict', err.cause.message);
    if (err.cause.type === FailureTypes.invalidTaskResult) {
      return new AppError('validation_failed', err.cause.message, { fields: err.cause.details?.[0] as FieldError[] });
    }
  }
  return err;
}
