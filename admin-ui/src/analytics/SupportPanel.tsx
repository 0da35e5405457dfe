// Support in the period: the headline figures, and per priority against its SLA targets.
import { Box, Stack } from '@mui/material';
import { useT } from '../i18n/useT';
import { Figure } from './Figure';
import { FigureTable } from './FigureTable';
import { businessTime, decimal, percent } from './format';
import type { SupportReport } from './report';

export const SupportPanel = ({ report }: { report: SupportReport }) => {
  const { overall, deflection } = report;
  const t = useT();
  const withTarget = (minutes: number | null, target: number) => t('app.analytics.support.with_target', { time: businessTime(minutes), target: businessTime(target) });
  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        <Figure
          label={t('app.sla.clocks.firstResponse')}
          testId="support-First response"
          value={businessTime(overall.firstResponse.p50Minutes)}
          detail={t('app.analytics.support.median_within', { percent: percent(overall.firstResponse.withinTarget) })}
        />
        <Figure
          label={t('app.sla.clocks.resolution')}
          testId="support-Resolution"
          value={businessTime(overall.resolution.p50Minutes)}
          detail={t('app.analytics.support.median_within', { percent: percent(overall.resolution.withinTarget) })}
        />
        <Figure
          label={t('app.analytics.support.sla_attainment')}
          testId="support-SLA attainment"
          value={percent(overall.slaAttainment)}
          detail={t('app.analytics.support.closed_of', { closed: overall.closed, tickets: overall.tickets })}
        />
        <Figure
          label={t('app.analytics.support.csat')}
          testId="support-CSAT"
          value={overall.csat.average === null ? '—' : `${decimal(overall.csat.average, 2)} / 5`}
          detail={t('app.analytics.support.ratings', { ratings: overall.csat.ratings, satisfied: percent(overall.csat.satisfied) })}
        />
        <Figure
          label={t('app.analytics.support.deflection')}
          testId="support-Deflection"
          value={percent(deflection.rate)}
          detail={t('app.analytics.support.deflected', { count: deflection.deflected })}
        />
      </Box>
      <FigureTable
        rows={report.byPriority}
        rowKey={(p) => p.priority}
        columns={[
          { label: t('app.analytics.support.priority'), cell: (p) => p.priority },
          { label: t('app.analytics.support.tickets'), numeric: true, cell: (p) => p.tickets },
          { label: t('app.sla.clocks.firstResponse'), numeric: true, cell: (p) => withTarget(p.firstResponse.p50Minutes, p.firstResponseTargetMinutes) },
          { label: t('app.analytics.support.within'), numeric: true, cell: (p) => percent(p.firstResponse.withinTarget) },
          { label: t('app.sla.clocks.resolution'), numeric: true, cell: (p) => withTarget(p.resolution.p50Minutes, p.resolutionTargetMinutes) },
          { label: t('app.analytics.support.within'), numeric: true, cell: (p) => percent(p.resolution.withinTarget) },
          { label: t('app.analytics.support.no_breach'), numeric: true, cell: (p) => percent(p.slaAttainment) },
          { label: t('app.analytics.support.csat'), numeric: true, cell: (p) => (p.csat.average === null ? '—' : decimal(p.csat.average, 2)) },
        ]}
      />
    </Stack>
  );
};
