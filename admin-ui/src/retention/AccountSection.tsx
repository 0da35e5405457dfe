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
import { translateNow } from '../i18n/i18nProvider';
import { useTNodes } from '../i18n/interpolate';
import { useT } from '../i18n/useT';
import type { ClientAccount, Customer, Role } from '../types';
import { EndRelationshipButton } from './EndRelationshipButton';
import { HealthBreakdown, HealthChip, sentimentLabel } from './Health';
import { NewProjectButton } from './NewProjectButton';
import { ContractTerms } from './ContractTerms';

// A kind the catalogue lacks (one the API added) reads as its name in words.
const checkInLabel = (kind: string) => translateNow(`app.retention.check_in_kinds.${kind}`, { _: humanize(kind) });
const UNASSIGNED = '';

const OwnerPicker = ({ account }: { account: ClientAccount }) => {
  const { data: users } = useUsers();
  const { run, pending } = useCommand();
  const t = useT();
  const owners = (users ?? []).filter((u) => u.active && u.roles.some((r) => r === 'success' || r === 'manager'));
  return (
    <TextField
      select
      size="small"
      label={t('app.retention.owner')}
      value={account.owner?.id ?? UNASSIGNED}
      disabled={pending}
      onChange={(e) => void run((api) => api.changeAccount(account.customerId, { ownerId: e.target.value || null }), t('app.retention.owner_changed'))}
      sx={{ minWidth: 200 }}
    >
      <MenuItem value={UNASSIGNED}>{t('app.retention.owner_nobody')}</MenuItem>
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
  const t = useT();
  return (
    <TextField
      select
      size="small"
      label={t('app.retention.cadence')}
      value={account.earlyCadence}
      disabled={pending}
      onChange={(e) => void run((api) => api.changeAccount(account.customerId, { earlyCadence: e.target.value as ClientAccount['earlyCadence'] }), t('app.retention.cadence_changed'))}
      helperText={t('app.retention.cadence_hint')}
      sx={{ minWidth: 200 }}
    >
      <MenuItem value="biweekly">{t('app.retention.cadences.biweekly')}</MenuItem>
      <MenuItem value="monthly">{t('app.retention.cadences.monthly')}</MenuItem>
    </TextField>
  );
};

const CheckIns = ({ checkIns }: { checkIns: ClientAccount['checkIns'] }) => {
  const t = useT();
  return checkIns.length === 0 ? (
    <Typography variant="body2" color="text.secondary">
      {t('app.retention.no_check_ins')}
    </Typography>
  ) : (
    <Box sx={{ ...sectionTableSx, overflowX: 'auto', mx: -2 }}>
      <Table size="small" aria-label={t('app.retention.check_ins')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('app.retention.check_in')}</TableCell>
            <TableCell>{t('app.retention.due')}</TableCell>
            <TableCell>{t('app.retention.status')}</TableCell>
            <TableCell>{t('app.retention.sentiment')}</TableCell>
            <TableCell>{t('app.retention.nps')}</TableCell>
            <TableCell>{t('app.retention.notes')}</TableCell>
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
              <TableCell>{c.sentiment ? sentimentLabel(c.sentiment) : '—'}</TableCell>
              <TableCell>{c.nps ?? '—'}</TableCell>
              <TableCell sx={{ maxWidth: 320 }}>{[c.notes, ...c.opportunitiesFound.map((o) => t('app.retention.opportunity', { what: o }))].filter(Boolean).join(' · ') || '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/** The client's referral code (or the button that gives them one) and the leads sent with it. */
const Referrals = ({ account, mayIssue }: { account: ClientAccount; mayIssue: boolean }) => {
  const { run, pending } = useCommand();
  const t = useT();
  const tx = useTNodes();
  return (
    <Box>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {t('app.retention.referrals')}
      </Typography>
      {account.referralCode ? (
        <Typography variant="body2" sx={{ mb: 1 }}>
          {tx('app.retention.referral_code', {
            code: (
              <Box component="code" sx={{ fontSize: '1rem', fontWeight: 600, letterSpacing: '0.08em' }}>
                {account.referralCode}
              </Box>
            ),
          })}
        </Typography>
      ) : mayIssue ? (
        <Button size="small" variant="outlined" disabled={pending} onClick={() => void run((api) => api.issueReferralCode(account.customerId), t('app.retention.code_given'))} sx={{ mb: 1 }}>
          {t('app.retention.give_code')}
        </Button>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {t('app.retention.no_code')}
        </Typography>
      )}
      {account.referrals.length > 0 && (
        <Box sx={{ ...sectionTableSx, overflowX: 'auto', mx: -2 }}>
          <Table size="small" aria-label={t('app.retention.leads_referred')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('app.retention.referred')}</TableCell>
                <TableCell>{t('app.retention.received')}</TableCell>
                <TableCell>{t('app.retention.referral_journey')}</TableCell>
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
                  <TableCell>{r.won ? <Chip size="small" color="success" label={t('app.retention.won_client')} /> : <StatusChip status={r.status} />}</TableCell>
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
const Testimonials = ({ testimonials }: { testimonials: ClientAccount['testimonials'] }) => {
  const t = useT();
  const tx = useTNodes();
  return testimonials.length === 0 ? null : (
    <Box>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {t('app.retention.testimonials')}
      </Typography>
      <Stack spacing={1.5}>
        {testimonials.map((quote) => (
          <Box component="figure" key={quote.consentAt} sx={{ m: 0, pl: 2, borderLeft: 3, borderColor: 'divider' }}>
            <Typography component="blockquote" variant="body2" sx={{ m: 0, fontStyle: 'italic' }}>
              {t('app.retention.quote', { text: quote.wording })}
            </Typography>
            <Typography component="figcaption" variant="caption" color="text.secondary">
              {tx('app.retention.agreed_to_publish', { when: <RelativeTime date={quote.consentAt} /> }, { name: quote.attribution })}
            </Typography>
          </Box>
        ))}
      </Stack>
    </Box>
  );
};

/** The projects opened with the client as repeat business (their acquisition journeys). */
const RepeatBusiness = ({ account, companyName, mayOpen }: { account: ClientAccount; companyName: string; mayOpen: boolean }) => {
  const t = useT();
  return (
    <Box>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="subtitle2" component="h3">
          {t('app.retention.repeat_business')}
        </Typography>
        {mayOpen && <NewProjectButton customerId={account.customerId} companyName={companyName} />}
      </Stack>
      {account.repeatBusiness.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('app.retention.no_repeat_business')}
        </Typography>
      ) : (
        <Box sx={{ ...sectionTableSx, overflowX: 'auto', mx: -2 }}>
          <Table size="small" aria-label={t('app.retention.repeat_business')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('app.retention.project')}</TableCell>
                <TableCell>{t('app.retention.opened')}</TableCell>
                <TableCell>{t('app.retention.where_it_is')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {account.repeatBusiness.map((r) => (
                <TableRow key={r.journeyId}>
                  <TableCell>
                    <Link to={`/journeys/${encodeURIComponent(r.journeyId)}/show`}>{r.projectType || t('app.retention.new_project')}</Link>
                  </TableCell>
                  <TableCell>
                    <RelativeTime date={r.startedAt} />
                  </TableCell>
                  <TableCell>{r.status === 'RUNNING' ? humanize(r.stage) : r.status === 'COMPLETED' ? <Chip size="small" color="success" label={t('app.retention.won')} /> : <StatusChip status={r.status} />}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
};

const AccountView = ({ account, customer }: { account: ClientAccount; customer: Pick<Customer, 'companyName'> }) => {
  const { permissions } = usePermissions<Role[]>();
  const manager = !!permissions?.includes('manager');
  const mayChangeCadence = manager || !!permissions?.includes('success');
  const running = account.status === 'RUNNING';
  const findsBusiness = !!permissions?.some((r) => r === 'manager' || r === 'success' || r === 'sales' || r === 'support');
  const agreesTerms = !!permissions?.some((r) => r === 'manager' || r === 'success' || r === 'sales');
  const t = useT();
  return (
    <SectionCard
      title={t('app.retention.title')}
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
            <RecordField label={t('app.retention.stage')}>
              {running ? (
                humanize(account.stage)
              ) : (
                <>
                  <StatusChip status={account.status} /> {account.endReason}
                </>
              )}
            </RecordField>
            <RecordField label={t('app.retention.next_check_in')}>
              {account.nextCheckIn ? (
                <>
                  {checkInLabel(account.nextCheckIn.kind)}, <RelativeTime date={account.nextCheckIn.dueAt} />
                </>
              ) : (
                '—'
              )}
            </RecordField>
            {!(running && manager) && <RecordField label={t('app.retention.owner')}>{account.owner?.name ?? t('app.retention.owner_none')}</RecordField>}
            {!(running && mayChangeCadence) && <RecordField label={t('app.retention.cadence')}>{t(`app.retention.cadences.${account.earlyCadence}`)}</RecordField>}
            <RecordField label={t('app.retention.onboarded')}>{account.onboardedAt ? <RelativeTime date={account.onboardedAt} /> : t('app.retention.not_yet')}</RecordField>
            <RecordField label={t('app.retention.journey')}>
              <Link to={`/journeys/${encodeURIComponent(account.journeyId)}/show`}>{t('app.retention.open_journey')}</Link>
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
            {t('app.retention.check_ins')}
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
              {t('app.retention.client_list')}
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
  const t = useT();
  if (error) return <ErrorAlert error={error} fallback={t('app.retention.load_failed')} />;
  return data ? <AccountView account={data} customer={customer} /> : null;
};
