// A manager assigned a task to someone (POST /api/tasks/:id/assign): they are told, under their
// bell and by email. A workflow of its own per assignment (its id the assignment's key), so the
// email is retried until it goes and sent once, and the task's journey is left as it is. A journey
// creating a task for its holder tells them itself (the createTask activity).
import { proxyActivities } from '@temporalio/workflow';
import type { AssignmentNoticeInput } from '../../activities/runtime/assignment-notice';
import type { JourneyRecordActivities } from '../../activities/runtime/journey-records';
import { mailActivityOptions } from './journey';

const { noticeAssignment } = proxyActivities<JourneyRecordActivities>(mailActivityOptions);

export const assignmentNoticeWorkflowId = (key: string) => `task-assigned:${key}`;

export async function assignmentNotice(input: AssignmentNoticeInput): Promise<void> {
  await noticeAssignment(input);
}
