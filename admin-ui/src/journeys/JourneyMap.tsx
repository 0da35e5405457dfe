import EndedIcon from '@mui/icons-material/Block';
import LoopIcon from '@mui/icons-material/Replay';
import { Box, Chip, Step, StepLabel, Stepper, Tooltip, Typography, useMediaQuery, type Theme } from '@mui/material';
import type { ReactNode } from 'react';
import { useGetOne, useTranslate } from 'react-admin';
import { humanize } from '../common/humanize';
import { durationSince, exactTime } from '../common/RelativeTime';
import { useStatusLabel } from '../common/StatusChip';
import { useT } from '../i18n/useT';
import type { JourneyDetail, JourneyKindMap, JourneyStatus, KindStage } from '../types';

// How a journey ended, at the end of its map: only a completed one gets the check mark.
const END_ICONS: Partial<Record<JourneyStatus, ReactNode>> = {
  LOST: <EndedIcon color="disabled" />,
  CANCELLED: <EndedIcon color="disabled" />,
};


type StageVisit = { stage: string; at: string; until: string | null };

/** The stages the journey went through, from its trail: each with when it was entered and until when. */
function stageVisits(journey: JourneyDetail): StageVisit[] {
  const entered = journey.history.filter((e) => e.type === 'stage_entered');
  return entered.map((e, i) => ({ stage: String(e.data.stage), at: e.at, until: entered[i + 1]?.at ?? journey.endedAt }));
}


/** The declared stages this journey's path can take: those reachable from where it started (a kind may have several starts). */
function reachableStages(map: JourneyKindMap, first: string | undefined): KindStage[] {
  const byId = new Map(map.stages.map((s) => [s.id, s]));
  const reached = new Set<string>();
  const queue = first && byId.has(first) ? [first] : map.start.slice(0, 1);
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (reached.has(id)) continue;
    reached.add(id);
    queue.push(...(byId.get(id)?.next ?? []));
  }
  return map.stages.filter((s) => reached.has(s.id));
}

/**
 * The kind's declared map, every stage of it, with the journey on it: where it is now, how long it
 * spent in each stage it visited (and how often), and the stages still ahead. Loops back (a quote
 * sent back for changes) are named on the stage they leave from; the path taken is listed below.
 */
export const JourneyMap = ({ journey }: { journey: JourneyDetail }) => {
  const { data: map } = useGetOne<JourneyKindMap>('journey-kinds', { id: journey.kind }, { staleTime: 10 * 60_000 });
  // On a phone the stages run down the page: seven labels side by side would run into each other.
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const visits = stageVisits(journey);
  const t = useT();
  const translate = useTranslate();
  const status = useStatusLabel();
  if (!map) return null;
  /** Who owns a stage (a role), as people say it. */
  const ownerLabel = (owner: string) => translate(`app.roles.${owner}`, { _: humanize(owner) });
  const visitLength = (visit: StageVisit) =>
    visit.until ? durationSince(visit.at, Date.parse(visit.until)) : t('app.map.so_far', { duration: durationSince(visit.at) });
  const ended = status(journey.status);
  const stages = reachableStages(map, visits[0]?.stage);
  const label = (id: string) => map.stages.find((s) => s.id === id)?.label ?? id;
  const running = journey.status === 'RUNNING';
  const current = running ? visits.at(-1)?.stage : undefined;
  const position = (id: string) => stages.findIndex((s) => s.id === id);
  return (
    <Box data-testid="journey-map" sx={{ py: 1 }}>
      <Box sx={{ overflowX: 'auto' }}>
        <Stepper nonLinear alternativeLabel={!narrow} orientation={narrow ? 'vertical' : 'horizontal'} activeStep={current ? position(current) : -1}>
          {stages.map((stage) => {
            const mine = visits.filter((v) => v.stage === stage.id);
            const visited = mine.length > 0;
            const loops = stage.next.filter((n) => position(n) !== -1 && position(n) < position(stage.id));
            return (
              <Step key={stage.id} completed={visited && stage.id !== current} active={stage.id === current} data-stage={stage.id} data-visited={visited}>
                <Tooltip title={t('app.map.owner', { phase: stage.seedPhase, owner: ownerLabel(stage.owner) })}>
                  <StepLabel
                    optional={
                      <Typography variant="caption" color="text.secondary" component="div" title={mine[0] && exactTime(mine[0].at)}>
                        {visited ? mine.map(visitLength).join(' + ') : ownerLabel(stage.owner)}
                        {mine.length > 1 && ` (${mine.length}×)`}
                        {loops.length > 0 && (
                          <Box component="span" sx={{ display: 'flex', alignItems: 'center', justifyContent: narrow ? 'flex-start' : 'center', gap: 0.25 }}>
                            <LoopIcon sx={{ fontSize: 14 }} /> {t('app.map.back_to', { stages: loops.map(label).join(', ') })}
                          </Box>
                        )}
                      </Typography>
                    }
                    sx={visited ? undefined : { '& .MuiStepLabel-label': { color: 'text.secondary' } }}
                  >
                    {stage.label}
                  </StepLabel>
                </Tooltip>
              </Step>
            );
          })}
          {!running && (
            <Step completed>
              <StepLabel error={journey.status === 'FAILED'} icon={END_ICONS[journey.status]}>
                {ended.charAt(0).toUpperCase() + ended.slice(1)}
              </StepLabel>
            </Step>
          )}
        </Stepper>
      </Box>
      {visits.length > 0 && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 0.5, mt: 1 }} aria-label={t('app.map.path_taken')}>
          <Typography variant="caption" color="text.secondary" sx={{ mr: 0.5 }}>
            {t('app.map.path')}
          </Typography>
          {visits.map((v, i) => (
            <Box key={`${v.stage}@${v.at}`} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
              {i > 0 && <Typography variant="caption" color="text.secondary">→</Typography>}
              <Chip size="small" variant={v.stage === current && i === visits.length - 1 ? 'filled' : 'outlined'} color={v.stage === current && i === visits.length - 1 ? 'primary' : 'default'} label={label(v.stage)} />
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
};
