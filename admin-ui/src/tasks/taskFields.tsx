import EscalatedIcon from '@mui/icons-material/PriorityHigh';
import { Chip, Tooltip, Typography } from '@mui/material';
import { humanize } from '../common/humanize';
import { exactTime, relativeTime } from '../common/RelativeTime';
import type { Task } from '../types';
import { useT } from '../i18n/useT';

export const taskTypeLabel = (type: string) => humanize(type);

export const isOverdue = (task: Pick<Task, 'status' | 'dueAt' | 'clockPausedAt'>) => task.status === 'OPEN' && !task.clockPausedAt && Date.parse(task.dueAt) < Date.now();

// Six hours or less before its due time, an open task reads as "due soon".
const DUE_SOON_MS = 6 * 3_600_000;
const isDueSoon = (task: Pick<Task, 'status' | 'dueAt' | 'clockPausedAt'>) =>
  task.status === 'OPEN' && !isOverdue(task) && Date.parse(task.dueAt) - Date.now() < DUE_SOON_MS;

/** When a closed task was closed: its due date no longer matters. */
const ClosedAt = ({ task }: { task: Pick<Task, 'status' | 'completedAt' | 'cancelledAt'> }) => {
  const at = task.completedAt ?? task.cancelledAt;
  return (
    <Typography variant="body2" color="text.secondary" title={at ? exactTime(at) : undefined}>
      {task.status.toLowerCase()} {at && relativeTime(at)}
    </Typography>
  );
};

/** The due date as a chip: red once an open task is overdue, amber when it is due soon, paused while the journey waits on the customer. */
export const DueChip = ({ task }: { task: Pick<Task, 'status' | 'dueAt' | 'clockPausedAt' | 'completedAt' | 'cancelledAt'> }) => {
  const t = useT();
  if (task.status !== 'OPEN') return <ClosedAt task={task} />;
  if (task.clockPausedAt) {
    return (
      <Tooltip title={t('app.task.paused_tip', { when: exactTime(task.clockPausedAt) })}>
        <Chip size="small" label={t('app.task.paused')} variant="outlined" color="info" data-paused />
      </Tooltip>
    );
  }
  const overdue = isOverdue(task);
  const label = overdue ? t('app.common.overdue_since', { when: relativeTime(task.dueAt) }) : t('app.task.due_in', { when: relativeTime(task.dueAt) });
  return (
    <Tooltip title={t('app.task.due_tip', { when: exactTime(task.dueAt) })}>
      <Chip
        size="small"
        label={label}
        color={overdue ? 'error' : isDueSoon(task) ? 'warning' : 'default'}
        variant={overdue ? 'filled' : 'outlined'}
        data-overdue={overdue || undefined}
      />
    </Tooltip>
  );
};

export const EscalatedChip = ({ task }: { task: Pick<Task, 'escalatedAt' | 'originalRole'> }) => {
  const t = useT();
  return task.escalatedAt ? (
    <Tooltip title={t('app.task.escalated_tip', { when: relativeTime(task.escalatedAt), role: task.originalRole ?? t('app.task.original') })}>
      <Chip size="small" color="error" variant="outlined" icon={<EscalatedIcon />} label={t('app.task.escalated')} />
    </Tooltip>
  ) : null;
};

/** The queue a task sits in, and where an escalated one came from. */
export const QueueLabel = ({ task }: { task: Pick<Task, 'role' | 'originalRole'> }) => {
  const t = useT();
  return (
    <span>
      {task.role ?? '—'}
      {task.originalRole && task.originalRole !== task.role && (
        <Typography component="span" variant="inherit" color="text.secondary">
          {' '}
          {t('app.task.from_queue', { role: task.originalRole })}
        </Typography>
      )}
    </span>
  );
};
