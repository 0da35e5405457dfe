import DoneIcon from '@mui/icons-material/TaskAlt';
import { List, ListItem, ListItemButton, ListItemText, Skeleton, Alert } from '@mui/material';
import { Link, useGetList } from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { SectionCard } from '../common/SectionCard';
import { useT } from '../i18n/useT';
import { DueChip } from '../tasks/taskFields';
import type { Task } from '../types';

/** The tasks I hold, soonest due first: what to do next. */
export const DueNext = () => {
  const t = useT();
  const { data, isPending, error } = useGetList<Task>(
    'tasks',
    { filter: { queue: 'mine' }, sort: { field: 'dueAt', order: 'ASC' }, pagination: { page: 1, perPage: 5 } },
    { refetchInterval: 30_000 },
  );
  return (
    <SectionCard title={t('app.dashboard.due_next')}>
      {isPending ? (
        <Skeleton variant="rounded" height={120} />
      ) : error ? (
        <Alert severity="error">{t('app.dashboard.tasks_failed')}</Alert>
      ) : data.length === 0 ? (
        <EmptyState icon={<DoneIcon />} title={t('app.dashboard.nothing_assigned')}>
          {t('app.dashboard.nothing_assigned_hint')}
        </EmptyState>
      ) : (
        <List disablePadding>
          {data.map((task) => (
            <ListItem key={task.id} disablePadding divider>
              <ListItemButton component={Link} to={`/tasks/${task.id}/show`}>
                <ListItemText primary={task.title} secondary={task.journey?.customer.companyName} />
                <DueChip task={task} />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
    </SectionCard>
  );
};
