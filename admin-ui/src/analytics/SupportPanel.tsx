// Support in the period: the headline figures, and per priority against its SLA targets.
import { Box, Stack } from '@mui/material';
import { Figure } from './Figure';
import { FigureTable } from './FigureTable';
import { businessTime, percent } from './format';
import type { SupportReport } from './report';

export const SupportPanel = ({ report }: { report: SupportReport }) => {
  const { overall, deflection } = report;
  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        <Figure label="First response" testId="support-First response" value={businessTime(overall.firstResponse.p50Minutes)} detail={`median · ${percent(overall.firstResponse.withinTarget)} within target`} />
        <Figure label="Resolution" testId="support-Resolution" value={businessTime(overall.resolution.p50Minutes)} detail={`median · ${percent(overall.resolution.withinTarget)} within target`} />
        <Figure label="SLA attainment" testId="support-SLA attainment" value={percent(overall.slaAttainment)} detail={`${overall.closed} closed of ${overall.tickets}`} />
        <Figure label="CSAT" testId="support-CSAT" value={overall.csat.average === null ? '—' : `${overall.csat.average.toFixed(2)} / 5`} detail={`${overall.csat.ratings} ratings · ${percent(overall.csat.satisfied)} 4 or 5`} />
        <Figure label="Deflection" testId="support-Deflection" value={percent(deflection.rate)} detail={`${deflection.deflected} answered by an article`} />
      </Box>
      <FigureTable
        rows={report.byPriority}
        rowKey={(p) => p.priority}
        columns={[
          { label: 'Priority', cell: (p) => p.priority },
          { label: 'Tickets', numeric: true, cell: (p) => p.tickets },
          { label: 'First response', numeric: true, cell: (p) => `${businessTime(p.firstResponse.p50Minutes)} (target ${businessTime(p.firstResponseTargetMinutes)})` },
          { label: 'Within', numeric: true, cell: (p) => percent(p.firstResponse.withinTarget) },
          { label: 'Resolution', numeric: true, cell: (p) => `${businessTime(p.resolution.p50Minutes)} (target ${businessTime(p.resolutionTargetMinutes)})` },
          { label: 'Within', numeric: true, cell: (p) => percent(p.resolution.withinTarget) },
          { label: 'No breach', numeric: true, cell: (p) => percent(p.slaAttainment) },
          { label: 'CSAT', numeric: true, cell: (p) => (p.csat.average === null ? '—' : p.csat.average.toFixed(2)) },
        ]}
      />
    </Stack>
  );
};
