// Where journeys waited longest in the period, by stage and by role, with overdue waits and the
// change against the previous period of equal length.
import { Stack, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { FigureTable, type Column } from './FigureTable';
import { duration, signed } from './format';
import { JourneysLink } from './FunnelPanel';
import type { BottlenecksReport } from './report';

type Ranked = Pick<BottlenecksReport['roles'][number], 'waits' | 'hours' | 'overdue' | 'change'>;
const TOP = 8;

const figureColumns = <R extends Ranked>(first: Column<R>, overdue: (r: R) => object): Column<R>[] => [
  first,
  { label: 'Waited', numeric: true, cell: (r) => duration(r.hours) },
  { label: 'Waits', numeric: true, cell: (r) => r.waits },
  { label: 'Overdue', numeric: true, cell: (r) => (r.overdue ? <JourneysLink filter={overdue(r)}>{r.overdue}</JourneysLink> : 0) },
  { label: 'vs previous', numeric: true, cell: (r) => `${signed(Math.round(r.change.hours), ' h')} · ${signed(r.change.overdue)} overdue` },
];

export const BottlenecksPanel = ({ report }: { report: BottlenecksReport }) => {
  const top = report.stages.slice(0, TOP);
  return (
    <Stack spacing={2}>
      {top.length > 0 && (
        <BarChart
          height={Math.max(160, top.length * 36 + 60)}
          layout="horizontal"
          dataset={top.map((s) => ({ label: s.label, now: s.hours, before: s.previous.hours }))}
          yAxis={[{ scaleType: 'band', dataKey: 'label', width: 130 }]}
          xAxis={[{ label: 'hours waited' }]}
          series={[
            { dataKey: 'now', label: 'This period', color: '#d32f2f' },
            { dataKey: 'before', label: 'Previous period', color: '#bdbdbd' },
          ]}
          margin={{ left: 8, right: 16 }}
        />
      )}
      <FigureTable
        rows={report.stages}
        rowKey={(s) => `${s.kind}/${s.stage}`}
        columns={figureColumns<BottlenecksReport['stages'][number]>({ label: 'Stage', cell: (s) => `${s.label}${report.kind ? '' : ` (${s.kind})`}` }, (s) => ({ kind: s.kind, stage: s.stage, waitOverdue: true }))}
      />
      <Typography variant="subtitle2" component="h3">
        By role
      </Typography>
      <FigureTable rows={report.roles} rowKey={(r) => r.role} columns={figureColumns<BottlenecksReport['roles'][number]>({ label: 'Waiting on', cell: (r) => r.role }, (r) => ({ waitingFor: r.role, waitOverdue: true }))} />
    </Stack>
  );
};
