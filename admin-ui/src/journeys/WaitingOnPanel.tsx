import DoneIcon from '@mui/icons-material/TaskAlt';
import { Alert, Box, List, ListItem, ListItemIcon, ListItemText } from '@mui/material';
import { Link, useCreatePath } from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { durationSince, RelativeTime } from '../common/RelativeTime';
import { SectionCard } from '../common/SectionCard';
import type { JourneyDetail, Wait } from '../types';
import { isPastDeadline, useUnblockerLabel, WAIT_ICONS } from '../waits/waitFields';

const WaitItem = ({ wait }: { wait: Wait }) => {
  const createPath = useCreatePath();
  const unblocker = useUnblockerLabel();
  const late = isPastDeadline(wait);
  const who = unblocker(wait.unblockedBy);
  return (
    <ListItem disableGutters>
      <ListItemIcon sx={{ color: late ? 'error.main' : undefined }}>{WAIT_ICONS[wait.kind]}</ListItemIcon>
      <ListItemText
        primary={
          // A task wait's key is the task id.
          wait.kind === 'task' ? <Link to={createPath({ resource: 'tasks', id: wait.key, type: 'show' })}>{wait.description}</Link> : wait.description
        }
        secondary={
          <>
            {wait.kind}
            {who && ` for ${who}`} · waiting {durationSince(wait.since)}
            {wait.deadline && (
              <Box component="span" sx={late ? { color: 'error.main', fontWeight: 500 } : undefined}>
                {' · '}
                {late ? 'was due' : 'due'} <RelativeTime date={wait.deadline} />
              </Box>
            )}
          </>
        }
      />
    </ListItem>
  );
};

export const WaitingOnPanel = ({ journey }: { journey: JourneyDetail }) => (
  <SectionCard title="Waiting on now">
    {journey.status !== 'RUNNING' ? (
      <EmptyState icon={<DoneIcon />} title="Nothing: the journey has ended" />
    ) : journey.waitingOn.length === 0 ? (
      <EmptyState icon={<DoneIcon />} title="Nothing right now">
        The journey is working on its own.
      </EmptyState>
    ) : (
      <>
        {!journey.live && (
          // The API asks the running workflow; without a worker answering, this comes from the index.
          <Alert severity="warning" sx={{ mb: 1 }}>
            The journey did not answer just now; this is what it last recorded. Is a worker running?
          </Alert>
        )}
        <List dense disablePadding>
          {journey.waitingOn.map((wait) => (
            <WaitItem key={wait.id ?? `${wait.kind}:${wait.key}`} wait={wait} />
          ))}
        </List>
      </>
    )}
  </SectionCard>
);
