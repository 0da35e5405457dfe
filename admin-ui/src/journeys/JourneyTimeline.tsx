import SortIcon from '@mui/icons-material/SwapVert';
import { Avatar, Box, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { RelativeTime } from '../common/RelativeTime';
import { humanize } from '../common/humanize';
import { SectionCard } from '../common/SectionCard';
import { useStatusLabel } from '../common/StatusChip';
import { useRoleLabel } from '../common/useRoleLabel';
import { useUserNames } from '../common/useUserNames';
import { useTNodes } from '../i18n/interpolate';
import { useT } from '../i18n/useT';
import type { JourneyDetail, JourneyEvent } from '../types';
import { describeEvent, type DescribedEvent, type EventContext } from './timelineEvents';
import { useJourneyKinds } from './stageLabels';

const TONE_COLORS: Record<NonNullable<DescribedEvent['tone']>, string> = {
  error: 'error.main',
  warning: 'warning.main',
  success: 'success.main',
};

const TimelineEntry = ({ event, ctx, last }: { event: JourneyEvent; ctx: EventContext; last: boolean }) => {
  const { icon, tone, text, detail } = describeEvent(event, ctx);
  return (
    <Stack component="li" direction="row" spacing={1.5} data-event-type={event.type}>
      {/* The icon column carries the line that joins the entries. */}
      <Stack sx={{ alignItems: 'center' }}>
        <Avatar sx={{ width: 28, height: 28, bgcolor: tone ? TONE_COLORS[tone] : 'grey.500', '& .MuiSvgIcon-root': { fontSize: 16 } }}>
          {icon}
        </Avatar>
        {!last && <Box sx={{ flex: 1, width: 2, bgcolor: 'divider', my: 0.5 }} />}
      </Stack>
      <Box sx={{ pb: 2, minWidth: 0 }}>
        <Typography variant="body2">{text}</Typography>
        {detail && (
          <Typography
            variant="body2"
            color="text.secondary"
            sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', borderLeft: 2, borderColor: 'divider', pl: 1, my: 0.5 }}
          >
            {detail}
          </Typography>
        )}
        <Typography variant="caption" color="text.secondary">
          <RelativeTime date={event.at} />
          {event.actorName && ` · ${event.actorName}`}
        </Typography>
      </Box>
    </Stack>
  );
};

/** Everything that happened to the journey — stages, tasks, signals, external events — from its audit trail. */
export const JourneyTimeline = ({ journey }: { journey: JourneyDetail }) => {
  const createPath = useCreatePath();
  const userName = useUserNames();
  const { stageLabel } = useJourneyKinds();
  const t = useT();
  const tx = useTNodes();
  const translate = useTranslate();
  const roleLabel = useRoleLabel();
  const status = useStatusLabel();
  const [newestFirst, setNewestFirst] = useState(true);
  const ctx: EventContext = {
    // Events name tasks by id; the journey carries their titles.
    taskLink: (taskId) => {
      const task = journey.tasks.find((t) => t.id === taskId);
      return task ? <Link to={createPath({ resource: 'tasks', id: task.id, type: 'show' })}>{task.title}</Link> : t('app.timeline.a_task');
    },
    userName,
    stageLabel: (stage) => stageLabel(journey.kind, stage),
    t,
    tx,
    status,
    role: roleLabel,
    clock: (clock) => translate(`app.sla.clocks.${clock}`, { _: humanize(clock) }).toLowerCase(),
  };
  const events = newestFirst ? [...journey.history].reverse() : journey.history;
  return (
    <SectionCard
      title={t('app.timeline.title')}
      action={
        journey.history.length > 1 && (
          <Button size="small" startIcon={<SortIcon />} onClick={() => setNewestFirst(!newestFirst)}>
            {newestFirst ? t('app.timeline.newest_first') : t('app.timeline.oldest_first')}
          </Button>
        )
      }
    >
      {events.length === 0 ? (
        <EmptyState title={t('app.timeline.nothing')} />
      ) : (
        <Box component="ol" aria-label={t('app.timeline.title')} sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {events.map((event, i) => (
            <TimelineEntry key={event.id} event={event} ctx={ctx} last={i === events.length - 1} />
          ))}
        </Box>
      )}
    </SectionCard>
  );
};
