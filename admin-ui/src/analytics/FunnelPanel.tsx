// The funnel: journeys reaching each stage (a bar each, in map order), seed 000's target steps
// with the band and where the period falls against it, and where journeys stopped and why.
import { Link as MuiLink, Stack, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { Link } from 'react-admin';
import { listLink } from '../common/listLink';
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
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary" data-testid="funnel-totals">
        {totals.started} started · {totals.running} running · {totals.completed} completed · {totals.lost} lost
        {totals.cancelled + totals.failed ? ` · ${totals.cancelled + totals.failed} cancelled or failed` : ''}
      </Typography>
      <BarChart
        height={Math.max(160, report.stages.length * 40 + 60)}
        layout="horizontal"
        dataset={report.stages.map((s) => ({ label: s.label, reached: s.reached, now: s.inStageNow }))}
        yAxis={[{ scaleType: 'band', dataKey: 'label', width: 130 }]}
        xAxis={[{ tickMinStep: 1, label: 'journeys' }]}
        series={[
          { dataKey: 'reached', label: 'Reached', color: '#1976d2' },
          { dataKey: 'now', label: 'In it now', color: '#90caf9' },
        ]}
        margin={{ left: 8, right: 16 }}
      />
      <Typography variant="subtitle2" component="h3">
        Against seed 000&apos;s targets
      </Typography>
      <FigureTable
        rows={report.targets}
        rowKey={(t) => t.label}
        empty="No targets for this kind"
        columns={[
          { label: 'Step', cell: (t) => t.label },
          { label: 'Conversion', numeric: true, cell: (t) => `${percent(t.rate)} (${t.converted}/${t.reached})` },
          { label: 'Target', numeric: true, cell: (t) => `${t.low}-${t.high}%` },
          { label: '', cell: (t) => <VerdictChip verdict={t.verdict} /> },
        ]}
      />
      <Typography variant="subtitle2" component="h3">
        Stage by stage
      </Typography>
      <FigureTable
        rows={report.stages}
        rowKey={(s) => s.stage}
        columns={[
          { label: 'Stage', cell: (s) => s.label },
          { label: 'Reached', numeric: true, cell: (s) => s.reached },
          { label: 'On to next', numeric: true, cell: (s) => `${percent(s.conversion)}` },
          { label: 'In it now', numeric: true, cell: (s) => (s.inStageNow ? <JourneysLink filter={{ kind, stage: s.stage, status: 'RUNNING' }}>{s.inStageNow}</JourneysLink> : 0) },
          {
            label: 'Stopped here',
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
