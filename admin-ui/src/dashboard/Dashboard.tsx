// Three numbers a manager checks first, each linking to the list behind it.
import JourneyIcon from '@mui/icons-material/Route';
import TaskIcon from '@mui/icons-material/Assignment';
import OverdueIcon from '@mui/icons-material/AssignmentLate';
import { Box, Card, CardActionArea, CardContent, Skeleton, Stack, Typography } from '@mui/material';
import type { ReactElement } from 'react';
import { Link, Title, useGetList } from 'react-admin';
import { isOverdue } from '../tasks/taskFields';
import type { Journey, Task } from '../types';

// The API has no due-date filter: overdue tasks are counted among the earliest-due open ones.
const OVERDUE_SCAN = 100;

const listLink = (resource: string, filter: object) => ({
  pathname: `/${resource}`,
  search: `filter=${encodeURIComponent(JSON.stringify(filter))}`,
});

type CountCardProps = {
  title: string;
  icon: ReactElement;
  to: ReturnType<typeof listLink>;
  value: string | number | undefined;
  isPending: boolean;
  error: unknown;
};

const CountCard = ({ title, icon, to, value, isPending, error }: CountCardProps) => (
  <Card sx={{ flex: 1, minWidth: 220 }}>
    <CardActionArea component={Link} to={to}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', color: 'text.secondary' }}>
          {icon}
          <Typography>{title}</Typography>
        </Stack>
        <Typography variant="h3" color={error ? 'error' : undefined}>
          {isPending ? <Skeleton width={60} /> : error ? '—' : value}
        </Typography>
        {Boolean(error) && <Typography color="error">Could not load</Typography>}
      </CardContent>
    </CardActionArea>
  </Card>
);

export const Dashboard = () => {
  const journeys = useGetList<Journey>('journeys', {
    filter: { status: 'RUNNING' },
    sort: { field: 'startedAt', order: 'DESC' },
    pagination: { page: 1, perPage: 1 },
  });
  const tasks = useGetList<Task>('tasks', {
    filter: { status: 'OPEN' },
    sort: { field: 'dueAt', order: 'ASC' },
    pagination: { page: 1, perPage: OVERDUE_SCAN },
  });
  const overdue = tasks.data?.filter(isOverdue).length ?? 0;
  const moreOverdue = overdue === OVERDUE_SCAN && (tasks.total ?? 0) > OVERDUE_SCAN;
  const openTasks = listLink('tasks', { status: 'OPEN' });

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="Pivotal Flow" />
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <CountCard
          title="Running journeys"
          icon={<JourneyIcon />}
          to={listLink('journeys', { status: 'RUNNING' })}
          value={journeys.total}
          isPending={journeys.isPending}
          error={journeys.error}
        />
        <CountCard
          title="Open tasks"
          icon={<TaskIcon />}
          to={openTasks}
          value={tasks.total}
          isPending={tasks.isPending}
          error={tasks.error}
        />
        <CountCard
          title="Overdue tasks"
          icon={<OverdueIcon color={overdue > 0 ? 'error' : undefined} />}
          to={openTasks}
          value={moreOverdue ? `${overdue}+` : overdue}
          isPending={tasks.isPending}
          error={tasks.error}
        />
      </Stack>
    </Box>
  );
};
