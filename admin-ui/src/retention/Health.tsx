// The health score (workflows/retention/health.ts): a chip with the score, and a table of each
// signal, what it was and the points it took off, so an owner can see why an account is at risk.
import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography, Box } from '@mui/material';
import { humanize } from '../common/humanize';
import { RelativeTime } from '../common/RelativeTime';
import { sectionTableSx } from '../common/SectionCard';
import type { ClientAccount } from '../types';

type Health = NonNullable<ClientAccount['health']>;

const INPUT_LABELS: Record<string, string> = {
  csat: 'Ticket ratings (CSAT, 90 days)',
  nps: 'NPS (annual survey)',
  tickets: 'Tickets (90 days)',
  breaches: 'SLA breaches (90 days)',
  overdueInvoices: 'Overdue invoices',
  missedCheckIns: 'Check-ins missed since the last one held',
  sentiment: 'Sentiment at the last check-in',
};

const valueText = (input: string, value: Health['inputs'][number]['value']) => {
  if (value === null) return 'Not known yet';
  if (input === 'csat' && typeof value === 'number') return `${value.toFixed(1)} of 5`;
  if (input === 'nps') return `${value} of 10`;
  return typeof value === 'string' ? humanize(value) : String(value);
};

export const HealthChip = ({ health }: { health: Health }) => (
  <Chip
    label={`Health ${health.score}${health.atRisk ? ' · at risk' : ''}`}
    color={health.atRisk ? 'error' : health.score < 80 ? 'warning' : 'success'}
    variant={health.atRisk ? 'filled' : 'outlined'}
  />
);

export const HealthBreakdown = ({ health }: { health: Health }) => (
  <Box>
    <Typography variant="subtitle2" component="h3">
      Health {health.score} of 100
    </Typography>
    <Typography variant="body2" color="text.secondary" gutterBottom>
      At risk below {health.threshold}. Assessed <RelativeTime date={health.at} />; each signal takes off at most its share.
    </Typography>
    <Box sx={{ ...sectionTableSx, overflowX: 'auto', mx: -2 }}>
      <Table size="small" aria-label="Health inputs">
        <TableHead>
          <TableRow>
            <TableCell>Signal</TableCell>
            <TableCell>Now</TableCell>
            <TableCell align="right">Took off</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {health.inputs.map((c) => (
            <TableRow key={c.input}>
              <TableCell>{INPUT_LABELS[c.input] ?? humanize(c.input)}</TableCell>
              <TableCell>{valueText(c.input, c.value)}</TableCell>
              <TableCell align="right" sx={{ color: c.penalty ? 'error.main' : 'text.secondary', whiteSpace: 'nowrap' }}>
                {c.penalty ? `−${c.penalty}` : '0'} of {c.maxPenalty}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  </Box>
);
