import { Box } from '@mui/material';
import { RelativeTime } from '../common/RelativeTime';
import type { Task } from '../types';

export const TASK_STATUSES = ['OPEN', 'COMPLETED', 'CANCELLED'] as const;

export const TASK_TYPES: Record<string, string> = {
  'follow-up-call': 'Follow-up call',
  'discovery-meeting': 'Discovery meeting',
};

export const taskTypeLabel = (type: string) => TASK_TYPES[type] ?? type;

export const isOverdue = (task: Pick<Task, 'status' | 'dueAt'>) =>
  task.status === 'OPEN' && Date.parse(task.dueAt) < Date.now();

/** The due date, relative, in red once an open task is past it. */
export const DueDate = ({ task }: { task: Task }) =>
  isOverdue(task) ? (
    <Box component="span" sx={{ color: 'error.main', fontWeight: 500 }}>
      <RelativeTime date={task.dueAt} /> (overdue)
    </Box>
  ) : (
    <RelativeTime date={task.dueAt} />
  );
