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
import type { ClientAccount } from '../types';

type Term = ClientAccount['contracts'][number];
type Renewal = Term['renewals'][number];

const day = (iso: string) => calendarDate(`${iso}T00:00:00Z`, { utc: true });

const RenewalChip = ({ r }: { r: Renewal }) =>
  r.outcome === 'RENEWED' ? (
    <Chip size="small" color="success" label={`Renewed to ${day(r.newEndsOn!)}`} />
  ) : r.outcome === 'NOT_RENEWED' ? (
    <Chip size="small" color="warning" label={`Not renewed at ${day(r.endsOn)}`} />
  ) : (
    <Chip size="small" color="error" label={`Lapsed at ${day(r.endsOn)}`} />
  );

const LastDayDialog = ({ term, onClose }: { term: Term; onClose: () => void }) => {
  const { run, pending } = useCommand();
  const [endsOn, setEndsOn] = useState(term.endsOn ?? '');
  const [problem, setProblem] = useState<string>();
  const save = async (value: string | null) => {
    const outcome = await run((api) => api.setContractTerm(term.id, value), value ? 'Last day saved: the renewal is on the account' : 'The contract has no last day now');
    if (outcome.ok) return onClose();
    setProblem(apiFieldErrors(outcome.error).find((f) => f.field === 'endsOn')?.message);
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="last-day-title" fullWidth maxWidth="xs">
      <DialogTitle id="last-day-title">The contract's last day</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>A long-term contract runs to its last day. The account owner is asked about its renewal before then.</DialogContentText>
        <TextField
          type="date"
          label="Last day"
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
            No last day
          </Button>
        )}
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={pending || !endsOn} onClick={() => void save(endsOn)}>
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
};

export const ContractTerms = ({ contracts, mayChange }: { contracts: Term[]; mayChange: boolean }) => {
  const [editing, setEditing] = useState<Term>();
  if (contracts.length === 0) return null;
  return (
    <Box>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        Contracts
      </Typography>
      <Box sx={{ ...sectionTableSx, overflowX: 'auto', mx: -2 }}>
        <Table size="small" aria-label="Contracts">
          <TableHead>
            <TableRow>
              <TableCell>Signed</TableCell>
              <TableCell>Last day</TableCell>
              <TableCell>Renewals</TableCell>
              {mayChange && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {contracts.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <Link to={`/journeys/${encodeURIComponent(c.journeyId)}/show`}>{c.signedAt ? calendarDate(c.signedAt) : 'Signed'}</Link>
                </TableCell>
                <TableCell>{c.endsOn ? day(c.endsOn) : 'None: a one-off project'}</TableCell>
                <TableCell>{c.renewals.length ? c.renewals.map((r) => <RenewalChip key={r.endsOn} r={r} />) : '—'}</TableCell>
                {mayChange && (
                  <TableCell align="right">
                    <Button size="small" onClick={() => setEditing(c)} aria-label={`Set the last day of the contract signed ${c.signedAt ? calendarDate(c.signedAt) : ''}`}>
                      {c.endsOn ? 'Change' : 'Set last day'}
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
