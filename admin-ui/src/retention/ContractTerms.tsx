// The client's signed contracts on their account: each one's last day (a long-term contract's term)
// and what became of its renewals. Sales, customer success and managers set or change the last day;
// the account's journey opens the renewal task before it.
import { Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Link } from 'react-admin';
import { calendarDate } from '../common/RelativeTime';
import { sectionTableSx } from '../common/SectionCard';
import { useCommand } from '../common/useCommand';
import { apiFieldErrors } from '../dataProvider';
import { useT } from '../i18n/useT';
import type { ClientAccount } from '../types';

type Term = ClientAccount['contracts'][number];
type Renewal = Term['renewals'][number];

const day = (iso: string) => calendarDate(`${iso}T00:00:00Z`, { utc: true });

const RenewalChip = ({ r }: { r: Renewal }) => {
  const t = useT();
  return r.outcome === 'RENEWED' ? (
    <Chip size="small" color="success" label={t('app.retention.contracts.renewed', { day: day(r.newEndsOn!) })} />
  ) : r.outcome === 'NOT_RENEWED' ? (
    <Chip size="small" color="warning" label={t('app.retention.contracts.not_renewed', { day: day(r.endsOn) })} />
  ) : (
    <Chip size="small" color="error" label={t('app.retention.contracts.lapsed', { day: day(r.endsOn) })} />
  );
};

const LastDayDialog = ({ term, onClose }: { term: Term; onClose: () => void }) => {
  const { run, pending } = useCommand();
  const t = useT();
  const [endsOn, setEndsOn] = useState(term.endsOn ?? '');
  const [problem, setProblem] = useState<string>();
  const save = async (value: string | null) => {
    const outcome = await run((api) => api.setContractTerm(term.id, value), t(value ? 'app.retention.contracts.saved' : 'app.retention.contracts.removed'));
    if (outcome.ok) return onClose();
    setProblem(apiFieldErrors(outcome.error).find((f) => f.field === 'endsOn')?.message);
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="last-day-title" fullWidth maxWidth="xs">
      <DialogTitle id="last-day-title">{t('app.retention.contracts.dialog_title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t('app.retention.contracts.dialog_intro')}</DialogContentText>
        <TextField
          type="date"
          label={t('app.retention.contracts.last_day')}
          value={endsOn}
          onChange={(e) => {
            setEndsOn(e.target.value);
            setProblem(undefined);
          }}
          error={!!problem}
          helperText={problem ?? ' '}
          slotProps={{ inputLabel: { shrink: true } }}
          fullWidth
          autoFocus
        />
      </DialogContent>
      <DialogActions>
        {term.endsOn && (
          <Button color="inherit" disabled={pending} onClick={() => void save(null)} sx={{ mr: 'auto' }}>
            {t('app.retention.contracts.no_last_day')}
          </Button>
        )}
        <Button onClick={onClose}>{t('app.common.cancel')}</Button>
        <Button variant="contained" disabled={pending || !endsOn} onClick={() => void save(endsOn)}>
          {t('app.retention.contracts.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

export const ContractTerms = ({ contracts, mayChange }: { contracts: Term[]; mayChange: boolean }) => {
  const [editing, setEditing] = useState<Term>();
  const t = useT();
  if (contracts.length === 0) return null;
  return (
    <Box>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {t('app.retention.contracts.title')}
      </Typography>
      <Box sx={{ ...sectionTableSx, overflowX: 'auto', mx: -2 }}>
        <Table size="small" aria-label={t('app.retention.contracts.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('app.retention.contracts.signed')}</TableCell>
              <TableCell>{t('app.retention.contracts.last_day')}</TableCell>
              <TableCell>{t('app.retention.contracts.renewals')}</TableCell>
              {mayChange && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {contracts.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <Link to={`/journeys/${encodeURIComponent(c.journeyId)}/show`}>{c.signedAt ? calendarDate(c.signedAt) : t('app.retention.contracts.signed')}</Link>
                </TableCell>
                <TableCell>{c.endsOn ? day(c.endsOn) : t('app.retention.contracts.one_off')}</TableCell>
                <TableCell>{c.renewals.length ? c.renewals.map((r) => <RenewalChip key={r.endsOn} r={r} />) : '—'}</TableCell>
                {mayChange && (
                  <TableCell align="right">
                    <Button size="small" onClick={() => setEditing(c)} aria-label={t('app.retention.contracts.set_last_day_of', { date: c.signedAt ? calendarDate(c.signedAt) : '' })}>
                      {t(c.endsOn ? 'app.retention.contracts.change' : 'app.retention.contracts.set_last_day')}
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {editing && <LastDayDialog term={editing} onClose={() => setEditing(undefined)} />}
    </Box>
  );
};
