// The health score (workflows/retention/health.ts): a chip with the score, and a table of each
// signal, what it was and the points it took off, so an owner can see why an account is at risk.
import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography, Box } from '@mui/material';
import { decimal } from '../analytics/format';
import { humanize } from '../common/humanize';
import { RelativeTime } from '../common/RelativeTime';
import { sectionTableSx } from '../common/SectionCard';
import { translateNow } from '../i18n/i18nProvider';
import { useTNodes } from '../i18n/interpolate';
import { useT } from '../i18n/useT';
import type { ClientAccount } from '../types';

type Health = NonNullable<ClientAccount['health']>;

// A signal or sentiment the catalogue lacks (one the API added) reads as its name in words.
const inputLabel = (input: string) => translateNow(`app.retention.health.inputs.${input}`, { _: humanize(input) });
export const sentimentLabel = (sentiment: string) => translateNow(`app.retention.sentiments.${sentiment}`, { _: humanize(sentiment) });

const valueText = (input: string, value: Health['inputs'][number]['value']) => {
  if (value === null) return translateNow('app.retention.health.not_known');
  if (input === 'csat' && typeof value === 'number') return translateNow('app.retention.health.out_of', { value: decimal(value, 1), max: 5 });
  if (input === 'nps') return translateNow('app.retention.health.out_of', { value, max: 10 });
  if (input === 'sentiment' && typeof value === 'string') return sentimentLabel(value);
  return typeof value === 'string' ? humanize(value) : String(value);
};

export const HealthChip = ({ health }: { health: Health }) => {
  const t = useT();
  return (
    <Chip
      label={t(health.atRisk ? 'app.retention.health.chip_at_risk' : 'app.retention.health.chip', { score: health.score })}
      color={health.atRisk ? 'error' : health.score < 80 ? 'warning' : 'success'}
      variant={health.atRisk ? 'filled' : 'outlined'}
    />
  );
};

export const HealthBreakdown = ({ health }: { health: Health }) => {
  const t = useT();
  const tx = useTNodes();
  return (
    <Box>
      <Typography variant="subtitle2" component="h3">
        {t('app.retention.health.title', { score: health.score })}
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {tx('app.retention.health.intro', { when: <RelativeTime date={health.at} /> }, { threshold: health.threshold })}
      </Typography>
      <Box sx={{ ...sectionTableSx, overflowX: 'auto', mx: -2 }}>
        <Table size="small" aria-label={t('app.retention.health.inputs_label')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('app.retention.health.signal')}</TableCell>
              <TableCell>{t('app.retention.health.now')}</TableCell>
              <TableCell align="right">{t('app.retention.health.took_off')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {health.inputs.map((c) => (
              <TableRow key={c.input}>
                <TableCell>{inputLabel(c.input)}</TableCell>
                <TableCell>{valueText(c.input, c.value)}</TableCell>
                <TableCell align="right" sx={{ color: c.penalty ? 'error.main' : 'text.secondary', whiteSpace: 'nowrap' }}>
                  {t('app.retention.health.out_of', { value: c.penalty ? `−${c.penalty}` : '0', max: c.maxPenalty })}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
};
