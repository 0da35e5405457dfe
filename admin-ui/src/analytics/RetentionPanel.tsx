// Retention of the period's new clients: seed 000's retention bands, lifetime value per currency,
// NPS from the annual surveys answered in the period, and the health of the accounts open now.
import { Box, Stack, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { Money } from '../common/money';
import { useT } from '../i18n/useT';
import { Figure } from './Figure';
import { FigureTable } from './FigureTable';
import { percent } from './format';
import type { RetentionReport } from './report';
import { VerdictChip } from './Verdict';

const signedPoints = (score: number | null) => (score === null ? '—' : `${score > 0 ? '+' : ''}${score}`);

export const RetentionPanel = ({ report }: { report: RetentionReport }) => {
  const { nps, health } = report;
  const t = useT();
  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        <Figure label={t('app.analytics.retention.new_clients')} testId="retention-clients" value={String(report.clients)} detail={t('app.analytics.retention.became_clients')} />
        <Figure
          label={t('app.analytics.retention.nps')}
          testId="retention-nps"
          value={signedPoints(nps.score)}
          detail={t('app.analytics.retention.nps_detail', { smart_count: nps.answers, promoters: nps.promoters, passives: nps.passives, detractors: nps.detractors })}
        />
        <Figure
          label={t('app.analytics.retention.at_risk')}
          testId="retention-at-risk"
          value={String(health.atRisk)}
          detail={t('app.analytics.retention.at_risk_detail', { accounts: health.accounts, unscored: health.unscored })}
        />
      </Box>
      <Typography variant="subtitle2" component="h3">
        {t('app.analytics.against_targets')}
      </Typography>
      <FigureTable
        rows={report.targets}
        rowKey={(target) => target.key}
        columns={[
          { label: t('app.analytics.retention.measure'), cell: (target) => target.label },
          { label: t('app.analytics.retention.rate'), numeric: true, cell: (target) => `${percent(target.rate)} (${target.met}/${target.counted})` },
          { label: t('app.analytics.target'), numeric: true, cell: (target) => `${target.low}-${target.high}%` },
          { label: '', cell: (target) => <VerdictChip verdict={target.verdict} /> },
        ]}
      />
      <Typography variant="subtitle2" component="h3">
        {t('app.analytics.retention.lifetime_value')}
      </Typography>
      <FigureTable
        rows={report.lifetimeValue}
        rowKey={(v) => v.currency}
        empty={t('app.analytics.retention.no_invoices')}
        columns={[
          { label: t('app.analytics.retention.currency'), cell: (v) => v.currency },
          { label: t('app.analytics.retention.clients'), numeric: true, cell: (v) => v.customers },
          { label: t('app.analytics.retention.average'), numeric: true, cell: (v) => <Money minor={v.averageMinor} currency={v.currency} /> },
          { label: t('app.analytics.median'), numeric: true, cell: (v) => <Money minor={v.medianMinor} currency={v.currency} /> },
          { label: t('app.analytics.total'), numeric: true, cell: (v) => <Money minor={v.totalMinor} currency={v.currency} /> },
        ]}
      />
      <Typography variant="subtitle2" component="h3">
        {t('app.analytics.retention.health_now')}
      </Typography>
      <BarChart
        height={200}
        dataset={health.bands.map((b) => ({ band: `${b.from}-${b.to}`, accounts: b.accounts }))}
        xAxis={[{ scaleType: 'band', dataKey: 'band', label: t('app.analytics.retention.health_axis') }]}
        yAxis={[{ tickMinStep: 1, width: 40 }]}
        series={[{ dataKey: 'accounts', label: t('app.analytics.retention.accounts'), color: '#2e7d32' }]}
        margin={{ left: 8, right: 16 }}
      />
    </Stack>
  );
};
