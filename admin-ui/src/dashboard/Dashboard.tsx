// The signed-in person's day at a glance: what is theirs, what waits in their queues, what is
// late; managers also see escalations and running journeys. Each number opens the list behind it.
import MyTasksIcon from '@mui/icons-material/AssignmentInd';
import QueueIcon from '@mui/icons-material/Inbox';
import OverdueIcon from '@mui/icons-material/AssignmentLate';
import EscalatedIcon from '@mui/icons-material/PriorityHigh';
import JourneyIcon from '@mui/icons-material/Route';
import { Box, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity } from 'react-admin';
import { useIsManager } from '../auth/roles';
import { CountCard } from './CountCard';
import { DueNext } from './DueNext';
import { RecentNotifications } from './RecentNotifications';

const Greeting = () => {
  const { identity } = useGetIdentity();
  if (!identity) return null;
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="h5" component="h1">
        Hello, {String(identity.fullName).split(' ')[0]}
      </Typography>
      <Typography color="text.secondary">Signed in as {(identity.roles as string[]).join(', ')}</Typography>
    </Box>
  );
};

export const Dashboard = () => {
  const isManager = useIsManager();
  return (
    <Box sx={{ mt: 2, mb: 3 }}>
      <Title title="Pivotal Flow" />
      <Greeting />
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
        <CountCard title="My open tasks" icon={<MyTasksIcon />} resource="tasks" filter={{ queue: 'mine' }} />
        <CountCard title="In my queues" icon={<QueueIcon />} resource="tasks" filter={{ queue: 'my-roles' }} />
        <CountCard title="Overdue" icon={<OverdueIcon />} resource="tasks" filter={isManager ? { status: 'OPEN', overdue: true } : { queue: 'mine', overdue: true }} alarming />
        {isManager && (
          <>
            <CountCard title="Escalated" icon={<EscalatedIcon />} resource="tasks" filter={{ status: 'OPEN', escalated: true }} alarming />
            <CountCard title="Running journeys" icon={<JourneyIcon />} resource="journeys" filter={{ status: 'RUNNING' }} />
          </>
        )}
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2, alignItems: 'start' }}>
        <DueNext />
        <RecentNotifications />
      </Box>
    </Box>
  );
};
