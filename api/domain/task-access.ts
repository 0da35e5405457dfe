// Who may see and act on a human task. Managers oversee every queue; everyone else sees the tasks
// of their roles' queues, the tasks they hold and the ones they completed, and works on a task
// when they hold it or when it sits unclaimed in one of their queues.
import type { Prisma, Task } from '../../prisma/generated/client';
import { isManager, type Principal } from '../auth/roles';

export function visibleTasks(p: Principal): Prisma.TaskWhereInput {
  if (isManager(p)) return {};
  return { OR: [{ role: { in: p.roles } }, { assignee: p.id }, { completedBy: p.id }] };
}

export function canSee(p: Principal, task: Pick<Task, 'role' | 'assignee' | 'completedBy'>): boolean {
  return isManager(p) || task.assignee === p.id || task.completedBy === p.id || inQueueOf(p, task);
}

function inQueueOf(p: Principal, task: Pick<Task, 'role'>): boolean {
  return !!task.role && (p.roles as string[]).includes(task.role);
}

/** `reschedule`: move its due date (the journey refuses it for a task on its own SLA clock). */
export type TaskActions = { claim: boolean; unclaim: boolean; assign: boolean; reschedule: boolean; complete: boolean; comment: boolean };

/** What `p` may do with `task` now; the UI shows exactly these buttons and the API enforces them. */
export function allowedActions(p: Principal, task: Pick<Task, 'status' | 'role' | 'assignee' | 'completedBy'>): TaskActions {
  const open = task.status === 'OPEN';
  const manager = isManager(p);
  const holds = task.assignee === p.id;
  return {
    claim: open && !task.assignee && (manager || inQueueOf(p, task)),
    unclaim: open && !!task.assignee && (holds || manager),
    assign: open && manager,
    reschedule: open && manager,
    complete: open && (holds || manager || (!task.assignee && inQueueOf(p, task))),
    comment: canSee(p, task),
  };
}
