// Managers' analytics (GET /api/analytics/*): the funnel against seed 000's targets, cycle times,
// bottlenecks, support and retention, for a period, a journey kind and a segment of leads. Figures open the
// journeys list narrowed to the journeys behind them where the list can filter so.
import { Box, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useGetList } from 'react-admin';
import { useDebounced } from '../common/useDebounced';
import { useT } from '../i18n/useT';
import { AnalyticsFilters } from './AnalyticsFilters';
import { BottlenecksPanel } from './BottlenecksPanel';
import { CycleTimesPanel } from './CycleTimesPanel';
import { FunnelPanel } from './FunnelPanel';
import { JourneyMapPanel } from './JourneyMapPanel';
import { csvHref, useReport, type AnalyticsQuery, type CsvTable } from './report';
import { ReportCard } from './ReportCard';
import { RetentionPanel } from './RetentionPanel';
import { SupportPanel } from './SupportPanel';

const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);
/** The last 90 days, to the end of today (the period's end is exclusive). */
const lastQuarter = (): AnalyticsQuery => {
  const tomorrow = new Date(Date.now() + DAY);
  return { from: day(new Date(tomorrow.getTime() - 90 * DAY)), to: day(tomorrow), kind: 'acquisition', projectType: '', budgetRange: '', source: '', salesperson: '' };
};

type Kind = { id: string; stages: Array<{ id: string; label: string }> };

export const AnalyticsPage = () => {
  const t = useT();
  const [typed, setQuery] = useState(lastQuarter);
  // Typing a project type asks once it pauses, not per key.
  const query = useDebounced(typed, 400);
  const { kind, ...allKinds } = query;
  const funnel = useReport('funnel', query);
  const cycle = useReport('cycle-times', query);
  const bottlenecks = useReport('bottlenecks', query);
  const support = useReport('support', allKinds);
  const retention = useReport('retention', allKinds);
  const map = useReport('journey-map', query);
  const kinds = useGetList<Kind>('journey-kinds', { pagination: { page: 1, perPage: 50 } }, { staleTime: Infinity });
  const stageLabel = (stage: string) => kinds.data?.find((k) => k.id === kind)?.stages.find((s) => s.id === stage)?.label ?? (stage === 'end-to-end' ? t('app.analytics.end_to_end') : stage);
  const csv = (name: Parameters<typeof csvHref>[0], q: Partial<AnalyticsQuery>, tables: CsvTable[]) =>
    tables.map((table) => ({ label: t(`app.analytics.csv_tables.${table}`), href: csvHref(name, q, table) }));

  return (
    <Box sx={{ mt: 2, mb: 3 }}>
      <Title title={t('app.menu.analytics')} />
      <Typography variant="h5" component="h1" sx={{ mb: 1 }}>
        {t('app.analytics.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('app.analytics.intro')}
      </Typography>
      <AnalyticsFilters value={typed} onChange={setQuery} />
      <Box sx={{ mb: 2 }}>
        <ReportCard title={t('app.analytics.cards.map')} report={map} csv={csv('journey-map', query, ['stages', 'edges'])}>
          {(r) => <JourneyMapPanel report={r} />}
        </ReportCard>
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) minmax(0, 1fr)' }, gap: 2, alignItems: 'start' }}>
        <ReportCard title={t('app.analytics.cards.funnel')} report={funnel} csv={csv('funnel', query, ['stages', 'targets', 'drop-offs'])}>
          {(r) => <FunnelPanel report={r} />}
        </ReportCard>
        <ReportCard title={t('app.analytics.cards.cycle_times')} report={cycle} csv={csv('cycle-times', query, ['stages', 'by-month', 'roles'])}>
          {(r) => <CycleTimesPanel report={r} stageLabel={stageLabel} />}
        </ReportCard>
        <ReportCard title={t('app.analytics.cards.bottlenecks')} report={bottlenecks} csv={csv('bottlenecks', query, ['stages', 'roles'])}>
          {(r) => <BottlenecksPanel report={r} />}
        </ReportCard>
        <ReportCard title={t('app.analytics.cards.support')} report={support} csv={csv('support', allKinds, ['priorities'])}>
          {(r) => <SupportPanel report={r} />}
        </ReportCard>
        <ReportCard title={t('app.analytics.cards.retention')} report={retention} csv={csv('retention', allKinds, ['targets', 'lifetime-value', 'health'])}>
          {(r) => <RetentionPanel report={r} />}
        </ReportCard>
      </Box>
    </Box>
  );
};
