// A client's account with customer success, on their page: where they are (the retention journey's
// stage), who owns the account, the next check-in, the health score with what each signal took off
// it, the check-ins held and missed, the client's referral code with the leads sent with it, the
// repeat business opened with them, and the client's contacts. Managers assign the owner and record
// that the customer leaves; the owner or a manager changes the first 90 days' cadence and gives the
// client a referral code; they, sales and support open repeat business as a new project; they and
// sales set a long-term contract's last day, before which its renewal is asked.
import { Box, Button, Chip, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, RecordContextProvider, RecordField, usePermissions } from 'react-admin';
import { FactGrid } from '../common/FactGrid';
import { humanize } from '../common/humanize';
import { ErrorAlert } from '../common/LoadError';
import { RelativeTime } from '../common/RelativeTime';
import { SectionCard, sectionTableSx } from '../common/SectionCard';
import { StatusChip } from '../common/StatusChip';
import { useCommand } from '../common/useCommand';
import { useUsers } from '../common/useUserNames';
import { dataProvider } from '../dataProvider';
import type { ClientAccount, Customer, Role } from '../types';
import { EndRelationshipButton } from './EndRelationshipButton';
import { HealthBreakdown, HealthChip } from './Health';
import { NewProjectButton } from './NewProjectButton';
import { ContractTerms } from './ContractTerms';

const CHECK_IN_LABELS: Record<string, string> = { 'check-in': 'Check-in', 'quarterly-review': 'Quarterly review', 'annual-review': 'Annual review' };
const checkInLabel = (kind: string) => CHECK_IN_LABELS[kind] ?? humanize(kind);
const UNASSIGNED = '';

const OwnerPicker = ({ account }: { account: ClientAccount }) => {
  const { data: users } = useUsers();
  const { run, pending } = useCommand();
  const owners = (users ?? []).filter((u) => u.active && u.roles.some((r) => r === 'success' || r === 'manager'));
  return (
    <TextField
      select
      size="small"
      label="Account owner"
      value={account.owner?.id ?? UNASSIGNED}
      disabled={pending}
      onChange={(e) => void run((api) => api.changeAccount(account.customerId, { ownerId: e.target.value || null }), 'Account owner changed')}
      sx={{ minWidth: 200 }}
    >
      <MenuItem value={UNASSIGNED}>Nobody (the success queue)</MenuItem>
      {owners.map((u) => (
        <MenuItem key={u.id} value={u.id}>
          {u.name}
        </MenuItem>
      ))}
    </TextField>
  );
};

const CadencePicker = ({ account }: { account: ClientAccount }) => {
  const { run, pending } = useCommand();
  return (
    <TextField
      select
      size="small"
      label="First 90 days"
      value={account.earlyCadence}
      disabled={pending}
      onChange={(e) => void run((api) => api.changeAccount(account.customerId, { earlyCadence: e.target.value as ClientAccount['earlyCadence'] }), 'Cadence changed')}
      helperText="Check-ins until the first quarterly review"
      sx={{ minWidth: 200 }}
    >
      <MenuItem value="biweekly">Every two weeks</MenuItem>
      <MenuItem value="monthly">Every month</MenuItem>
    </TextField>
  );
};

const CheckIns = ({ checkIns }: { checkIns: ClientAccount['checkIns'] }) =>
  checkIns.length === 0 ? (
    <Typography variant="body2" color="text.secondary">
      No check-in has fallen due yet.
    </Typography>
  ) : (
    <Box sx={{ ...sectionTableSx, overflowX: 'auto', mx: -2 }}>
      <Table size="small" aria-label="Check-ins">
        <TableHead>
          <TableRow>
            <TableCell>Check-in</TableCell>
            <TableCell>Due</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Sentiment</TableCell>
            <TableCell>NPS</TableCell>
            <TableCell>Notes</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {checkIns.map((c) => (
            <TableRow key={c.id}>
              <TableCell>{checkInLabel(c.kind)}</TableCell>
              <TableCell>
                <RelativeTime date={c.dueAt} />
              </TableCell>
              <TableCell>
                <StatusChip status={c.status} />
              </TableCell>
              <TableCell>{c.sentiment ? humanize(c.sentiment) : '—'}</TableCell>
              <TableCell>{c.nps ?? '—'}</TableCell>
              <TableCell sx={{ maxWidth: 320 }}>{[c.notes, ...c.opportunitiesFound.map((o) => `Opportunity: ${o}`)].filter(Boolean).join(' · ') || '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );

/** The client's referral code (or the button that gives them one) and the leads sent with it. */
const Referrals = ({ account, mayIssue }: { account: ClientAccount; mayIssue: boolean }) => {
  const { run, pending } = useCommand();
  return (
    <Box>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        Referrals
      </Typography>
      {account.referralCode ? (
        <Typography variant="body2" sx={{ mb: 1 }}>
          Referral code{' '}
          <Box component="code" sx={{ fontSize: '1rem', fontWeight: 600, letterSpacing: '0.08em' }}>
            {account.referralCode}
          </Box>
          : a lead sent with it is attributed to this client.
        </Typography>
      ) : mayIssue ? (
        <Button size="small" variant="outlined" disabled={pending} onClick={() => void run((api) => api.issueReferralCode(account.customerId), 'Referral code given')} sx={{ mb: 1 }}>
          Give a referral code
        </Button>
      ) : (
        <Typography variant="body2" color="text.secondary">
          No referral code yet.
        </Typography>
      )}
      {account.referrals.length > 0 && (
        <Box sx={{ ...sectionTableSx, overflowX: 'auto', mx: -2 }}>
          <Table size="small" aria-label="Leads referred">
            <TableHead>
              <TableRow>
                <TableCell>Referred</TableCell>
                <TableCell>Received</TableCell>
                <TableCell>Journey</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {account.referrals.map((r) => (
                <TableRow key={r.journeyId}>
                  <TableCell>
                    <Link to={`/journeys/${encodeURIComponent(r.journeyId)}/show`}>{r.companyName}</Link>
                  </TableCell>
                  <TableCell>
                    <RelativeTime date={r.receivedAt} />
                  </TableCell>
                  <TableCell>{r.won ? <Chip size="small" color="success" label="Won: now a client" /> : <StatusChip status={r.status} />}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
};

/** The client's words we may publish, each under the name they gave. */
const Testimonials = ({ testimonials }: { testimonials: ClientAccount['testimonials'] }) =>
  testimonials.length === 0 ? null : (
    <Box>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        Testimonials
      </Typography>
      <Stack spacing={1.5}>
        {testimonials.map((t) => (
          <Box component="figure" key={t.consentAt} sx={{ m: 0, pl: 2, borderLeft: 3, borderColor: 'divider' }}>
            <Typography component="blockquote" variant="body2" sx={{ m: 0, fontStyle: 'italic' }}>
              “{t.wording}”
            </Typography>
            <Typography component="figcaption" variant="caption" color="text.secondary">
              {t.attribution}, agreed to publish <RelativeTime date={t.consentAt} />
            </Typography>
          </Box>
        ))}
      </Stack>
    </Box>
  );

/** The projects opened with the client as repeat business (their acquisition journeys). */
const RepeatBusiness = ({ account, companyName, mayOpen }: { account: ClientAccount; companyName: string; mayOpen: boolean }) => (
  <Box>
    <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
      <Typography variant="subtitle2" component="h3">
        Repeat business
      </Typography>
      {mayOpen && <NewProjectButton customerId={account.customerId} companyName={companyName} />}
    </Stack>
    {account.repeatBusiness.length === 0 ? (
      <Typography variant="body2" color="text.secondary">
        No new projects opened with this client yet.
      </Typography>
    ) : (
      <Box sx={{ ...sectionTableSx, overflowX: 'auto', mx: -2 }}>
        <Table size="small" aria-label="Repeat business">
          <TableHead>
            <TableRow>
              <TableCell>Project</TableCell>
              <TableCell>Opened</TableCell>
              <TableCell>Where it is</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {account.repeatBusiness.map((r) => (
              <TableRow key={r.journeyId}>
                <TableCell>
                  <Link to={`/journeys/${encodeURIComponent(r.journeyId)}/show`}>{r.projectType || 'New project'}</Link>
                </TableCell>
                <TableCell>
                  <RelativeTime date={r.startedAt} />
                </TableCell>
                <TableCell>{r.status === 'RUNNING' ? humanize(r.stage) : r.status === 'COMPLETED' ? <Chip size="small" color="success" label="Won" /> : <StatusChip status={r.status} />}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    )}
  </Box>
);

const AccountView = ({ account, customer }: { account: ClientAccount; customer: Pick<Customer, 'companyName'> }) => {
  const { permissions } = usePermissions<Role[]>();
  const manager = !!permissions?.includes('manager');
  const mayChangeCadence = manager || !!permissions?.includes('success');
  const running = account.status === 'RUNNING';
  const findsBusiness = !!permissions?.some((r) => r === 'manager' || r === 'success' || r === 'sales' || r === 'support');
  const agreesTerms = !!permissions?.some((r) => r === 'manager' || r === 'success' || r === 'sales');
  return (
    <SectionCard
      title="Customer success"
      action={
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          {account.health && <HealthChip health={account.health} />}
          {running && manager && <EndRelationshipButton account={account} companyName={customer.companyName} />}
        </Stack>
      }
    >
      <Stack spacing={2}>
        <RecordContextProvider value={account}>
          <FactGrid>
            <RecordField label="Stage">
              {running ? (
                humanize(account.stage)
              ) : (
                <>
                  <StatusChip status={account.status} /> {account.endReason}
                </>
              )}
            </RecordField>
            <RecordField label="Next check-in">
              {account.nextCheckIn ? (
                <>
                  {checkInLabel(account.nextCheckIn.kind)}, <RelativeTime date={account.nextCheckIn.dueAt} />
                </>
              ) : (
                '—'
              )}
            </RecordField>
            {!(running && manager) && <RecordField label="Account owner">{account.owner?.name ?? 'Not assigned'}</RecordField>}
            {!(running && mayChangeCadence) && <RecordField label="First 90 days">{account.earlyCadence === 'biweekly' ? 'Every two weeks' : 'Every month'}</RecordField>}
            <RecordField label="Onboarded">{account.onboardedAt ? <RelativeTime date={account.onboardedAt} /> : 'Not yet'}</RecordField>
            <RecordField label="Retention journey">
              <Link to={`/journeys/${encodeURIComponent(account.journeyId)}/show`}>Open the journey</Link>
            </RecordField>
          </FactGrid>
        </RecordContextProvider>
        {running && (manager || mayChangeCadence) && (
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            {manager && <OwnerPicker account={account} />}
            {mayChangeCadence && <CadencePicker account={account} />}
          </Stack>
        )}
        {account.health && <HealthBreakdown health={account.health} />}
        <Box>
          <Typography variant="subtitle2" component="h3" gutterBottom>
            Check-ins
          </Typography>
          <CheckIns checkIns={account.checkIns} />
        </Box>
        <Referrals account={account} mayIssue={running && mayChangeCadence} />
        <Testimonials testimonials={account.testimonials} />
        <RepeatBusiness account={account} companyName={customer.companyName} mayOpen={running && findsBusiness} />
        <ContractTerms contracts={account.contracts} mayChange={running && agreesTerms} />
        {account.contacts.length > 0 && (
          <Box>
            <Typography variant="subtitle2" component="h3" gutterBottom>
              Client list
            </Typography>
            <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
              {account.contacts.map((c) => (
                <Chip key={c.email} label={`${c.name} <${c.email}>`} size="small" variant="outlined" />
              ))}
            </Stack>
          </Box>
        )}
      </Stack>
    </SectionCard>
  );
};

/** The account section of a customer's page; nothing for a customer never handed to customer success. */
export const AccountSection = ({ customer }: { customer: Pick<Customer, 'id' | 'companyName'> }) => {
  const { data, error } = useQuery({ queryKey: ['account', customer.id], queryFn: () => dataProvider.getAccount(customer.id) });
  if (error) return <ErrorAlert error={error} fallback="The account could not be loaded." />;
  return data ? <AccountView account={data} customer={customer} /> : null;
};
