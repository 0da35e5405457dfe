// Retention of the period's new clients: seed 000's retention bands, lifetime value per currency,
// NPS from the annual surveys answered in the period, and the health of the accounts open now.
import { Box, Stack, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { Money } from '../common/money';
import { Figure } from './Figure';
import { FigureTable } from './FigureTable';
import { percent } from './format';
import type { RetentionReport } from './report';
import { VerdictChip } from './Verdict';

const signedPoints = (score: number | null) => (score === null ? '—' : `${score > 0 ? '+' : ''}${score}`);

export const RetentionPanel = ({ report }: { report: RetentionReport }) => {
  const { nps, health } = report;
  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        <Figure label="New clients" testId="retention-clients" value={String(report.clients)} detail="became clients in the period" />
        <Figure
          label="NPS"
          testId="retention-nps"
          value={signedPoints(nps.score)}
          detail={`${nps.answers} ${nps.answers === 1 ? 'answer' : 'answers'} · ${nps.promoters} promoters, ${nps.passives} passives, ${nps.detractors} detractors`}
        />
        <Figure label="Accounts at risk" testId="retention-at-risk" value={String(health.atRisk)} detail={`of ${health.accounts} open now · ${health.unscored} not scored yet`} />
      </Box>
      <Typography variant="subtitle2" component="h3">
        Against seed 000&apos;s targets
      </Typography>
      <FigureTable
        rows={report.targets}
        rowKey={(t) => t.key}
        columns={[
          { label: 'Measure', cell: (t) => t.label },
          { label: 'Rate', numeric: true, cell: (t) => `${percent(t.rate)} (${t.met}/${t.counted})` },
          { label: 'Target', numeric: true, cell: (t) => `${t.low}-${t.high}%` },
          { label: '', cell: (t) => <VerdictChip verdict={t.verdict} /> },
        ]}
      />
      <Typography variant="subtitle2" component="h3">
        Lifetime value (paid less refunds)
      </Typography>
      <FigureTable
        rows={report.lifetimeValue}
        rowKey={(v) => v.currency}
        empty="No invoices for these clients"
        columns={[
          { label: 'Currency', cell: (v) => v.currency },
          { label: 'Clients', numeric: true, cell: (v) => v.customers },
          { label: 'Average', numeric: true, cell: (v) => <Money minor={v.averageMinor} currency={v.currency} /> },
          { label: 'Median', numeric: true, cell: (v) => <Money minor={v.medianMinor} currency={v.currency} /> },
          { label: 'Total', numeric: true, cell: (v) => <Money minor={v.totalMinor} currency={v.currency} /> },
        ]}
      />
      <Typography variant="subtitle2" component="h3">
        Health of the accounts open now
      </Typography>
      <BarChart
        height={200}
        dataset={health.bands.map((b) => ({ band: `${b.from}-${b.to}`, accounts: b.accounts }))}
        xAxis={[{ scaleType: 'band', dataKey: 'band', label: 'health score' }]}
        yAxis={[{ tickMinStep: 1, width: 40 }]}
        series={[{ dataKey: 'accounts', label: 'Accounts', color: '#2e7d32' }]}
        margin={{ left: 8, right: 16 }}
      />
    </Stack>
  );
};
