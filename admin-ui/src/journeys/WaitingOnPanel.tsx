import TaskIcon from '@mui/icons-material/Assignment';
import SignalIcon from '@mui/icons-material/NotificationsActive';
import TimerIcon from '@mui/icons-material/Timer';
import { Alert, Box, Card, CardContent, CardHeader, List, ListItem, ListItemIcon, ListItemText, Typography } from '@mui/material';
import { Link, useCreatePath } from 'react-admin';
import { RelativeTime } from '../common/RelativeTime';
import type { JourneyDetail, Wait } from '../types';

const ICONS = { task: <TaskIcon />, signal: <SignalIcon />, timer: <TimerIcon /> };

const WaitItem = ({ wait }: { wait: Wait }) => {
  const createPath = useCreatePath();
  const late = wait.deadline !== undefined && Date.parse(wait.deadline) < Date.now();
  return (
    <ListItem disableGutters>
      <ListItemIcon>{ICONS[wait.kind]}</ListItemIcon>
      <ListItemText
        primary={
          // A task wait's key is the task id.
          wait.kind === 'task' ? (
            <Link to={createPath({ resource: 'tasks', id: wait.key, type: 'show' })}>{wait.description}</Link>
          ) : (
            wait.description
          )
        }
        secondary={
          <>
            {wait.kind} · since <RelativeTime date={wait.since} />
            {wait.deadline && (
              <Box component="span" sx={late ? { color: 'error.main' } : undefined}>
                {' · '}
                {late ? 'was due' : 'due'} <RelativeTime date={wait.deadline} />
              </Box>
            )}
            {wait.unblockedBy && ` · can be unblocked by ${wait.unblockedBy}`}
          </>
        }
      />
    </ListItem>
  );
};

const Nothing = ({ children }: { children: string }) => <Typography color="text.secondary">{children}</Typography>;

export const WaitingOnPanel = ({ journey }: { journey: JourneyDetail }) => (
  <Card>
    <CardHeader title="Waiting on" />
    <CardContent sx={{ pt: 0 }}>
      {journey.status !== 'RUNNING' ? (
        <Nothing>Nothing: the journey has ended.</Nothing>
      ) : !journey.live ? (
        // The API only asks the running workflow; without a worker answering, this is unknown.
        <Alert severity="warning">The journey did not answer in time, so what it waits on is unknown. Is a worker running?</Alert>
      ) : journey.waitingOn.length === 0 ? (
        <Nothing>Nothing right now.</Nothing>
      ) : (
        <List dense disablePadding>
          {journey.waitingOn.map((wait) => (
            <WaitItem key={`${wait.kind}:${wait.key}`} wait={wait} />
          ))}
        </List>
      )}
    </CardContent>
  </Card>
);
