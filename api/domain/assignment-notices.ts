// A task a manager assigns is its new holder's to know about: the notice under their bell at once
// (written here, with the assignment), the email by a workflow of its own
// (workflows/runtime/assignment-notice.ts), retried until it goes. Without Temporal the
// assignment and the bell stand, and the email is said to be missing in the log.
import { randomUUID } from 'node:crypto';
import type { AssignmentNoticeInput } from '../../activities/runtime/assignment-notice';
import type { Task } from '../../prisma/generated/client';
import type { assignmentNotice } from '../../workflows';
import { assignmentNoticeWorkflowId } from '../../workflows/runtime/assignment-notice';
import type { ApiDeps } from '../app';
import { withTemporal } from '../journey-calls';

export async function noticeAssignment(deps: Pick<ApiDeps, 'db' | 'temporal' | 'config' | 'log'>, task: Task, assignee: string, by: string): Promise<void> {
  const notice: AssignmentNoticeInput = {
    key: `task:${task.id}:${assignee}:${randomUUID()}`,
    taskId: task.id,
    journeyId: task.journeyId,
    title: task.title,
    assignee,
    dueAt: task.dueAt.toISOString(),
    by,
  };
  await deps.db.notification.createMany({
    data: [{ key: `assigned:${notice.key}`, recipientUserId: assignee, kind: 'task_assigned', title: `Yours now: ${task.title}`, journeyId: task.journeyId, taskId: task.id }],
    skipDuplicates: true,
  });
  try {
    await withTemporal(deps.temporal, () =>
      deps.temporal.workflow.start<typeof assignmentNotice>('assignmentNotice', {
        workflowId: assignmentNoticeWorkflowId(notice.key),
        taskQueue: deps.config.temporal.taskQueue,
        args: [notice],
      }),
    );
  } catch (err) {
    deps.log.warn({ err, taskId: task.id, assignee }, 'task assigned, but its email could not be started: the bell notice stands');
  }
}
