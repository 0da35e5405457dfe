// Telling a person a task is now theirs: a notice under their bell and an email with a link to the
// task, once per assignment (its key), whoever made it: a journey creating the task for its
// holder, or a manager assigning it (workflows/runtime/assignment-notice.ts).
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import type { EmailActivities } from './email';

export type AssignmentNoticeInput = {
  /** Unique per assignment: the same key notifies once. */
  key: string;
  taskId: string;
  journeyId: string;
  title: string;
  assignee: string;
  dueAt: string;
  /** Who assigned it (a user's name), or nobody: the journey did, to its holder. */
  by?: string;
};

export function createAssignmentNotice({ db, config, sendEmail }: { db: Db; config: Config; sendEmail: EmailActivities['sendEmail'] }) {
  return async function noticeAssignment(a: AssignmentNoticeInput): Promise<void> {
    const user = await db.user.findUnique({ where: { id: a.assignee } });
    if (!user?.active) return; // an API token or a user since deactivated: nobody to tell
    await db.notification.createMany({
      data: [{ key: `assigned:${a.key}`, recipientUserId: user.id, kind: 'task_assigned', title: `Yours now: ${a.title}`, journeyId: a.journeyId, taskId: a.taskId }],
      skipDuplicates: true,
    });
    // Not the journey's (its emails are what the customer was sent): the staff member's own.
    await sendEmail({
      key: `assigned:${a.key}`,
      to: user.email,
      template: 'task-assigned',
      data: { name: user.name, title: a.title, dueAt: a.dueAt, by: a.by, url: `${config.http.publicUrl}/#/tasks/${a.taskId}/show` },
    });
  };
}

export type NoticeAssignment = ReturnType<typeof createAssignmentNotice>;
