// The live journey map: the kind's declared stages in order, each with the running journeys in it
// now (a click lists them), those past a deadline, and the median time in it; between stages the share
// of visits that went on to the next one; loops and branches listed below.
import ArrowIcon from '@mui/icons-material/ArrowForward';
import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import { Link } from 'react-admin';
import { listLink } from '../common/listLink';
import { useT } from '../i18n/useT';
import { duration, percent } from './format';
import type { JourneyMapReport } from './report';

type Stage = JourneyMapReport['stages'][number];

const StageNode = ({ kind, stage }: { kind: string; stage: Stage }) => {
  const t = useT();
  return (
    <Paper variant="outlined" sx={{ p: 1.25, minWidth: 108, flex: '1 1 0' }} data-stage={stage.stage}>
      <Typography variant="subtitle2">{stage.label}</Typography>
      <Typography variant="caption" color="text.secondary" component="div">
        {stage.owner}
      </Typography>
      <Link to={listLink('journeys', { kind, stage: stage.stage, status: 'RUNNING' })} aria-label={t('app.analytics.map.running', { stage: stage.label, count: stage.inStageNow })}>
        <Typography variant="h5" component="span">
          {stage.inStageNow}
        </Typography>{' '}
        <Typography variant="caption" component="span">
          {t('app.analytics.map.now')}
        </Typography>
      </Link>
      {stage.overdueNow > 0 && (
        <Box>
          <Chip size="small" color="error" clickable component={Link} to={listLink('journeys', { kind, stage: stage.stage, status: 'RUNNING', waitOverdue: true })} label={t('app.analytics.map.overdue', { count: stage.overdueNow })} />
        </Box>
      )}
      <Typography variant="caption" color="text.secondary" component="div">
        {t('app.analytics.map.median_in_stage', { duration: duration(stage.medianHours) })}
      </Typography>
    </Paper>
  );
};

export const JourneyMapPanel = ({ report }: { report: JourneyMapReport }) => {
  const label = (id: string) => report.stages.find((s) => s.stage === id)?.label ?? id;
  const following = (i: number) => report.edges.find((e) => e.from === report.stages[i]?.stage && e.to === report.stages[i + 1]?.stage);
  const others = report.edges.filter((e) => !report.stages.some((s, i) => s.stage === e.from && report.stages[i + 1]?.stage === e.to));
  const t = useT();
  return (
    <Stack spacing={1.5} data-testid="journey-map-live">
      <Box sx={{ display: 'flex', flexDirection: { xs: 'column', md: 'row' }, alignItems: { xs: 'stretch', md: 'center' }, gap: 0.5, overflowX: 'auto' }}>
        {report.stages.map((stage, i) => (
          <Box key={stage.stage} sx={{ display: 'contents' }}>
            <StageNode kind={report.kind} stage={stage} />
            {i < report.stages.length - 1 && (
              <Stack sx={{ alignItems: 'center', minWidth: 40, flexDirection: { xs: 'row', md: 'column' }, justifyContent: 'center', gap: 0.5 }}>
                <ArrowIcon fontSize="small" color="action" sx={{ transform: { xs: 'rotate(90deg)', md: 'none' } }} />
                <Typography variant="caption">{following(i) ? percent(following(i)!.share) : '—'}</Typography>
              </Stack>
            )}
          </Box>
        ))}
      </Box>
      {others.length > 0 && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, alignItems: 'center' }}>
          <Typography variant="caption" color="text.secondary">
            {t('app.analytics.map.also')}
          </Typography>
          {others.map((e) => (
            <Chip key={`${e.from}/${e.to}`} size="small" variant="outlined" label={`${label(e.from)} → ${label(e.to)}: ${percent(e.share)} (${e.visits})`} />
          ))}
        </Box>
      )}
      <Typography variant="caption" color="text.secondary">
        {t('app.analytics.map.legend')}
      </Typography>
    </Stack>
  );
};
