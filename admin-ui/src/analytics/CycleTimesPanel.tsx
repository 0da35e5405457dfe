// Time per stage and end to end (median and 90th percentile), the end-to-end median by month, and
// where journeys waited: per wait kind and per role.
import { Box, Stack, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { useT } from '../i18n/useT';
import { FigureTable, type Column } from './FigureTable';
import { duration } from './format';
import { JourneysLink } from './FunnelPanel';
import type { CycleTimesReport } from './report';

type Waited = Pick<CycleTimesReport['byRole'][number], 'waits' | 'open' | 'p50Hours' | 'p90Hours' | 'totalHours'>;
const waitColumns = <R extends Waited>(t: ReturnType<typeof useT>, first: Column<R>): Column<R>[] => [
  first,
  { label: t('app.analytics.waits'), numeric: true, cell: (r) => r.waits },
  { label: t('app.analytics.open'), numeric: true, cell: (r) => r.open },
  { label: t('app.analytics.median'), numeric: true, cell: (r) => duration(r.p50Hours) },
  { label: t('app.analytics.p90'), numeric: true, cell: (r) => duration(r.p90Hours) },
  { label: t('app.analytics.total'), numeric: true, cell: (r) => duration(r.totalHours) },
];

export const CycleTimesPanel = ({ report, stageLabel }: { report: CycleTimesReport; stageLabel: (stage: string) => string }) => {
  const months = report.byMonth.filter((m) => m.stage === 'end-to-end');
  const t = useT();
  return (
    <Stack spacing={2}>
      <BarChart
        height={300}
        dataset={report.stages.map((s) => ({ label: stageLabel(s.stage), p50: s.p50Hours, p90: s.p90Hours }))}
        xAxis={[{ scaleType: 'band', dataKey: 'label', height: 70, tickLabelStyle: { fontSize: 11, angle: -35, textAnchor: 'end' } }]}
        yAxis={[{ label: t('app.analytics.cycle.axis'), width: 56 }]}
        series={[
          { dataKey: 'p50', label: t('app.analytics.median'), valueFormatter: (v) => duration(v) },
          { dataKey: 'p90', label: t('app.analytics.cycle.p90_series'), valueFormatter: (v) => duration(v) },
        ]}
      />
      {months.length > 1 && (
        <Box>
          <Typography variant="subtitle2" component="h3">
            {t('app.analytics.cycle.by_month')}
          </Typography>
          <LineChart height={200} xAxis={[{ scaleType: 'point', data: months.map((m) => m.month) }]} series={[{ data: months.map((m) => m.p50Hours), label: t('app.analytics.cycle.median_hours') }]} />
        </Box>
      )}
      <FigureTable
        rows={report.stages}
        rowKey={(s) => s.stage}
        columns={[
          { label: t('app.analytics.stage'), cell: (s) => stageLabel(s.stage) },
          { label: t('app.analytics.journeys'), numeric: true, cell: (s) => s.journeys },
          { label: t('app.analytics.median'), numeric: true, cell: (s) => duration(s.p50Hours) },
          { label: t('app.analytics.p90'), numeric: true, cell: (s) => duration(s.p90Hours) },
        ]}
      />
      <Typography variant="subtitle2" component="h3">
        {t('app.analytics.cycle.by_wait_kind')}
      </Typography>
      <FigureTable rows={report.byWaitKind} rowKey={(r) => r.waitKind} columns={waitColumns<CycleTimesReport['byWaitKind'][number]>(t, { label: t('app.analytics.waiting_on'), cell: (r) => <JourneysLink filter={{ kind: report.kind, waitingOn: r.waitKind }}>{r.waitKind}</JourneysLink> })} />
      <Typography variant="subtitle2" component="h3">
        {t('app.analytics.cycle.by_role')}
      </Typography>
      <FigureTable rows={report.byRole} rowKey={(r) => r.role} columns={waitColumns<CycleTimesReport['byRole'][number]>(t, { label: t('app.analytics.role'), cell: (r) => <JourneysLink filter={{ kind: report.kind, waitingFor: r.role }}>{r.role}</JourneysLink> })} />
    </Stack>
  );
};
