// The funnel: journeys reaching each stage (a bar each, in map order), seed 000's target steps
// with the band and where the period falls against it, and where journeys stopped and why.
import { Link as MuiLink, Stack, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { Link } from 'react-admin';
import { listLink } from '../common/listLink';
import { useT } from '../i18n/useT';
import { FigureTable } from './FigureTable';
import { percent } from './format';
import type { FunnelReport } from './report';
import { VerdictChip } from './Verdict';

/** A figure that opens the journeys list narrowed to the journeys behind it. */
export const JourneysLink = ({ filter, children }: { filter: object; children: React.ReactNode }) => (
  <MuiLink component={Link} to={listLink('journeys', filter)}>
    {children}
  </MuiLink>
);

export const FunnelPanel = ({ report }: { report: FunnelReport }) => {
  const { kind, totals } = report;
  const t = useT();
  const ended = totals.cancelled + totals.failed;
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary" data-testid="funnel-totals">
        {[
          t('app.analytics.funnel.started', { smart_count: totals.started }),
          t('app.analytics.funnel.running', { smart_count: totals.running }),
          t('app.analytics.funnel.completed', { smart_count: totals.completed }),
          t('app.analytics.funnel.lost', { smart_count: totals.lost }),
          ...(ended ? [t('app.analytics.funnel.cancelled_or_failed', { smart_count: ended })] : []),
        ].join(' · ')}
      </Typography>
      <BarChart
        height={Math.max(160, report.stages.length * 40 + 60)}
        layout="horizontal"
        dataset={report.stages.map((s) => ({ label: s.label, reached: s.reached, now: s.inStageNow }))}
        yAxis={[{ scaleType: 'band', dataKey: 'label', width: 130 }]}
        xAxis={[{ tickMinStep: 1, label: t('app.analytics.funnel.axis') }]}
        series={[
          { dataKey: 'reached', label: t('app.analytics.funnel.reached'), color: '#1976d2' },
          { dataKey: 'now', label: t('app.analytics.funnel.in_it_now'), color: '#90caf9' },
        ]}
        margin={{ left: 8, right: 16 }}
      />
      <Typography variant="subtitle2" component="h3">
        {t('app.analytics.against_targets')}
      </Typography>
      <FigureTable
        rows={report.targets}
        rowKey={(t) => t.label}
        empty={t('app.analytics.funnel.no_targets')}
        columns={[
          { label: t('app.analytics.funnel.step'), cell: (step) => step.label },
          { label: t('app.analytics.funnel.conversion'), numeric: true, cell: (step) => `${percent(step.rate)} (${step.converted}/${step.reached})` },
          { label: t('app.analytics.target'), numeric: true, cell: (step) => `${step.low}-${step.high}%` },
          { label: '', cell: (step) => <VerdictChip verdict={step.verdict} /> },
        ]}
      />
      <Typography variant="subtitle2" component="h3">
        {t('app.analytics.funnel.stage_by_stage')}
      </Typography>
      <FigureTable
        rows={report.stages}
        rowKey={(s) => s.stage}
        columns={[
          { label: t('app.analytics.stage'), cell: (s) => s.label },
          { label: t('app.analytics.funnel.reached'), numeric: true, cell: (s) => s.reached },
          { label: t('app.analytics.funnel.on_to_next'), numeric: true, cell: (s) => percent(s.conversion) },
          { label: t('app.analytics.funnel.in_it_now'), numeric: true, cell: (s) => (s.inStageNow ? <JourneysLink filter={{ kind, stage: s.stage, status: 'RUNNING' }}>{s.inStageNow}</JourneysLink> : 0) },
          {
            label: t('app.analytics.funnel.stopped_here'),
            wrap: true,
            cell: (s) =>
              s.droppedOff ? (
                <JourneysLink filter={{ kind, stage: s.stage, status: s.dropOffReasons[0]?.status ?? 'LOST' }}>
                  {s.droppedOff}: {s.dropOffReasons.slice(0, 2).map((d) => `${d.reason} (${d.journeys})`).join('; ')}
                  {s.dropOffReasons.length > 2 ? '; …' : ''}
                </JourneysLink>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Stack>
  );
};
