// A manager moves an open task's due date. The journey owns the task's timers, so the change goes
// through its `changeTaskDue` Update: the workflow re-arms the deadlines not yet fired and writes
// the new dates, the trail's event and the holder's notice through its activity.
import type { Client } from '@temporalio/client';
import type { Db } from '../../platform/db';
import { changeTaskDueUpdate } from '../../workflows/runtime/definitions';
import type { Principal } from '../auth/roles';
import { executeJourneyUpdate } from '../journey-calls';
import { ensureAllowed, loadTask } from './task-actions';

export async function changeTaskDue(deps: { db: Db; temporal: Client }, p: Principal, req: { taskId: string; dueAt: Date; reason?: string }) {
  const task = await loadTask(deps.db, p, req.taskId);
  ensureAllowed(p, task, 'reschedule', 'Only managers change due dates');
  await executeJourneyUpdate(
    deps.temporal,
    task.journeyId,
    changeTaskDueUpdate,
    { taskId: task.id, dueAt: req.dueAt.toISOString(), changedBy: p.id, ...(req.reason && { reason: req.reason }) },
    { ended: 'The journey of this task has ended' },
  );
  return deps.db.task.findUniqueOrThrow({ where: { id: task.id } });
}
