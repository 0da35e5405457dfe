import DoneIcon from '@mui/icons-material/TaskAlt';
import { Alert, Box, List, ListItem, ListItemIcon, ListItemText } from '@mui/material';
import { Link, useCreatePath } from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { durationSince, RelativeTime } from '../common/RelativeTime';
import { SectionCard } from '../common/SectionCard';
import { useTNodes } from '../i18n/interpolate';
import { useT } from '../i18n/useT';
import type { JourneyDetail, Wait } from '../types';
import { isPastDeadline, useUnblockerLabel, useWaitKindLabel, WAIT_ICONS } from '../waits/waitFields';

const WaitItem = ({ wait }: { wait: Wait }) => {
  const createPath = useCreatePath();
  const unblocker = useUnblockerLabel();
  const kindLabel = useWaitKindLabel();
  const t = useT();
  const tx = useTNodes();
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
            {who ? t('app.waiting.kind_for', { kind: kindLabel(wait.kind), who }) : kindLabel(wait.kind)}
            {' · '}
            {t('app.waiting.waiting', { duration: durationSince(wait.since) })}
            {wait.deadline && (
              <Box component="span" sx={late ? { color: 'error.main', fontWeight: 500 } : undefined}>
                {' · '}
                {tx(late ? 'app.waiting.was_due' : 'app.waiting.due', { when: <RelativeTime date={wait.deadline} /> })}
              </Box>
            )}
          </>
        }
      />
    </ListItem>
  );
};

export const WaitingOnPanel = ({ journey }: { journey: JourneyDetail }) => {
  const t = useT();
  return (
    <SectionCard title={t('app.waiting.title')}>
      {journey.status !== 'RUNNING' ? (
        <EmptyState icon={<DoneIcon />} title={t('app.waiting.ended')} />
      ) : journey.waitingOn.length === 0 ? (
        <EmptyState icon={<DoneIcon />} title={t('app.waiting.nothing')}>
          {t('app.waiting.on_its_own')}
        </EmptyState>
      ) : (
        <>
          {!journey.live && (
            // The API asks the running workflow; without a worker answering, this comes from the index.
            <Alert severity="warning" sx={{ mb: 1 }}>
              {t('app.waiting.stale')}
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
};
