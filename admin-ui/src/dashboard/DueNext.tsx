import DoneIcon from '@mui/icons-material/TaskAlt';
import { List, ListItem, ListItemButton, ListItemText, Skeleton, Alert } from '@mui/material';
import { Link, useGetList } from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { SectionCard } from '../common/SectionCard';
import { DueChip } from '../tasks/taskFields';
import type { Task } from '../types';

/** The tasks I hold, soonest due first: what to do next. */
export const DueNext = () => {
  const { data, isPending, error } = useGetList<Task>(
    'tasks',
    { filter: { queue: 'mine' }, sort: { field: 'dueAt', order: 'ASC' }, pagination: { page: 1, perPage: 5 } },
    { refetchInterval: 30_000 },
  );
  return (
    <SectionCard title="Due next">
      {isPending ? (
        <Skeleton variant="rounded" height={120} />
      ) : error ? (
        <Alert severity="error">Your tasks could not be loaded.</Alert>
      ) : data.length === 0 ? (
        <EmptyState icon={<DoneIcon />} title="Nothing assigned to you">
          Claim a task from your queues to start on it.
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
