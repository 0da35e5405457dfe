// Where journeys waited longest in the period, by stage and by role, with overdue waits and the
// change against the previous period of equal length.
import { Stack, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useT } from '../i18n/useT';
import { FigureTable, type Column } from './FigureTable';
import { duration, signed } from './format';
import { JourneysLink } from './FunnelPanel';
import type { BottlenecksReport } from './report';

type Ranked = Pick<BottlenecksReport['roles'][number], 'waits' | 'hours' | 'overdue' | 'change'>;
const TOP = 8;

const figureColumns = <R extends Ranked>(t: ReturnType<typeof useT>, first: Column<R>, overdue: (r: R) => object): Column<R>[] => [
  first,
  { label: t('app.analytics.bottlenecks.waited'), numeric: true, cell: (r) => duration(r.hours) },
  { label: t('app.analytics.waits'), numeric: true, cell: (r) => r.waits },
  { label: t('app.analytics.bottlenecks.overdue'), numeric: true, cell: (r) => (r.overdue ? <JourneysLink filter={overdue(r)}>{r.overdue}</JourneysLink> : 0) },
  {
    label: t('app.analytics.bottlenecks.vs_previous'),
    numeric: true,
    cell: (r) => t('app.analytics.bottlenecks.change', { hours: signed(Math.round(r.change.hours)), overdue: signed(r.change.overdue) }),
  },
];

export const BottlenecksPanel = ({ report }: { report: BottlenecksReport }) => {
  const top = report.stages.slice(0, TOP);
  const t = useT();
  return (
    <Stack spacing={2}>
      {top.length > 0 && (
        <BarChart
          height={Math.max(160, top.length * 36 + 60)}
          layout="horizontal"
          dataset={top.map((s) => ({ label: s.label, now: s.hours, before: s.previous.hours }))}
          yAxis={[{ scaleType: 'band', dataKey: 'label', width: 130 }]}
          xAxis={[{ label: t('app.analytics.bottlenecks.axis') }]}
          series={[
            { dataKey: 'now', label: t('app.analytics.bottlenecks.this_period'), color: '#d32f2f' },
            { dataKey: 'before', label: t('app.analytics.bottlenecks.previous_period'), color: '#bdbdbd' },
          ]}
          margin={{ left: 8, right: 16 }}
        />
      )}
      <FigureTable
        rows={report.stages}
        rowKey={(s) => `${s.kind}/${s.stage}`}
        columns={figureColumns<BottlenecksReport['stages'][number]>(t, { label: t('app.analytics.stage'), cell: (s) => `${s.label}${report.kind ? '' : ` (${s.kind})`}` }, (s) => ({ kind: s.kind, stage: s.stage, waitOverdue: true }))}
      />
      <Typography variant="subtitle2" component="h3">
        {t('app.analytics.bottlenecks.by_role')}
      </Typography>
      <FigureTable rows={report.roles} rowKey={(r) => r.role} columns={figureColumns<BottlenecksReport['roles'][number]>(t, { label: t('app.analytics.waiting_on'), cell: (r) => r.role }, (r) => ({ waitingFor: r.role, waitOverdue: true }))} />
    </Stack>
  );
};
