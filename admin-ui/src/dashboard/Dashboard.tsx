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
import { useT } from '../i18n/useT';
import { CountCard } from './CountCard';
import { DueNext } from './DueNext';
import { RecentNotifications } from './RecentNotifications';

const Greeting = () => {
  const { identity } = useGetIdentity();
  const t = useT();
  if (!identity) return null;
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="h5" component="h1">
        {t('app.dashboard.hello', { name: String(identity.fullName).split(' ')[0] })}
      </Typography>
      <Typography color="text.secondary">{t('app.dashboard.signed_in_as', { roles: (identity.roles as string[]).join(', ') })}</Typography>
    </Box>
  );
};

export const Dashboard = () => {
  const isManager = useIsManager();
  const t = useT();
  return (
    <Box sx={{ mt: 2, mb: 3 }}>
      <Title title="Pivotal Flow" />
      <Greeting />
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
        <CountCard id="my-open-tasks" title={t('app.dashboard.my_open_tasks')} icon={<MyTasksIcon />} resource="tasks" filter={{ queue: 'mine' }} />
        <CountCard id="in-my-queues" title={t('app.dashboard.in_my_queues')} icon={<QueueIcon />} resource="tasks" filter={{ queue: 'my-roles' }} />
        <CountCard id="overdue" title={t('app.dashboard.overdue')} icon={<OverdueIcon />} resource="tasks" filter={isManager ? { status: 'OPEN', overdue: true } : { queue: 'mine', overdue: true }} alarming />
        {isManager && (
          <>
            <CountCard id="escalated" title={t('app.dashboard.escalated')} icon={<EscalatedIcon />} resource="tasks" filter={{ status: 'OPEN', escalated: true }} alarming />
            <CountCard id="running-journeys" title={t('app.dashboard.running_journeys')} icon={<JourneyIcon />} resource="journeys" filter={{ status: 'RUNNING' }} />
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
