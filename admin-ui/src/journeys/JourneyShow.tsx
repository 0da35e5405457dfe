import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import EmailIcon from '@mui/icons-material/Email';
import ExpandIcon from '@mui/icons-material/ExpandMore';
import { Accordion, AccordionDetails, AccordionSummary, Box, Button, Card, CardContent, Stack, Tooltip, Typography } from '@mui/material';
import {
  ArrayField,
  DataTable,
  Link,
  Loading,
  RecordField,
  ResourceContextProvider,
  TopToolbar,
  useCreatePath,
  useRecordContext,
} from 'react-admin';
import { useIsManager } from '../auth/roles';
import { EmptyState } from '../common/EmptyState';
import { FactGrid, wide } from '../common/FactGrid';
import { durationSince, RelativeTime } from '../common/RelativeTime';
import { SectionCard } from '../common/SectionCard';
import { ShowPage } from '../common/ShowPage';
import { StatusChip, useStatusLabel } from '../common/StatusChip';
import { useUserNames } from '../common/useUserNames';
import { DueChip, taskTypeLabel } from '../tasks/taskFields';
import { useTNodes } from '../i18n/interpolate';
import { useT } from '../i18n/useT';
import type { Email, JourneyDetail, Task } from '../types';
import { CancelJourneyButton } from './CancelJourneyButton';
import { CustomerDecisions } from './CustomerDecisions';
import { journeyName, journeyPath } from './journeyFields';
import { JourneyTimeline } from './JourneyTimeline';
import { EndReason } from './EndReason';
import { JourneyMap } from './JourneyMap';
import { kindSections } from './registry';
import { RetryJourneyButton } from './RetryJourneyButton';
import { WaitingOnPanel } from './WaitingOnPanel';
import { useJourneyKinds } from './stageLabels';

const TaskColumn = DataTable.Col<Task>;

// Coming from the list, the cached list row shows first; it lacks the detail fields.
const isDetail = (journey: unknown): journey is JourneyDetail => !!journey && typeof journey === 'object' && 'history' in journey;

const JourneyActions = () => {
  const journey = useRecordContext();
  const isManager = useIsManager();
  const t = useT();
  if (!isDetail(journey)) return <TopToolbar />;
  return (
    // Wraps on a phone: French labels are longer than the screen is wide side by side.
    <TopToolbar sx={{ gap: 1, flexWrap: 'wrap', justifyContent: 'flex-end' }}>
      {journey.temporalUiUrl && (
        <Tooltip describeChild title={t('app.journey.temporal_hint')}>
          <Button href={journey.temporalUiUrl} target="_blank" rel="noopener" endIcon={<OpenInNewIcon />}>
            {t('app.journey.temporal')}
          </Button>
        </Tooltip>
      )}
      {isManager && journey.status === 'RUNNING' && <CancelJourneyButton journey={journey} />}
      {isManager && journey.status === 'FAILED' && <RetryJourneyButton journey={journey} />}
    </TopToolbar>
  );
};

const JourneyHeader = ({ journey }: { journey: JourneyDetail }) => {
  const createPath = useCreatePath();
  const userName = useUserNames();
  const { kindTitle, stageLabel } = useJourneyKinds();
  const t = useT();
  const tx = useTNodes();
  return (
    <Card>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="h5" component="h1">
            {journey.customer ? (
              <Link to={createPath({ resource: 'customers', id: journey.customer.id, type: 'show' })}>{journey.customer.companyName}</Link>
            ) : (
              t('app.journey.new_journey')
            )}
          </Typography>
          <StatusChip status={journey.status} />
        </Stack>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {t('app.journey.kind_journey', { kind: kindTitle(journey.kind) })}
          {journey.customer && ` · ${journey.customer.contactName} · ${journey.customer.email}`}
        </Typography>
        <FactGrid>
          <RecordField label={t('app.journey.stage')}>
            {tx(
              'app.journey.stage_for',
              { stage: <strong data-testid="journey-stage">{stageLabel(journey.kind, journey.stage)}</strong> },
              { duration: durationSince(journey.stageSince, journey.endedAt ? Date.parse(journey.endedAt) : undefined) },
            )}
          </RecordField>
          <RecordField label={t('app.journey.started')}>
            <RelativeTime date={journey.startedAt} />
          </RecordField>
          {journey.endedAt && (
            <RecordField label={t('app.journey.ended')}>
              <RelativeTime date={journey.endedAt} />
              {journey.cancelledBy && ` ${t('app.journey.ended_by', { name: userName(journey.cancelledBy) ?? t('app.journey.a_manager') })}`}
            </RecordField>
          )}
          {journey.endReason && (
            <RecordField label={t('app.journey.why_ended')} sx={wide}>
              <EndReason parts={journey.endReasonParts} reason={journey.endReason} />
            </RecordField>
          )}
          {journey.parentJourneyId && (
            <RecordField label={t('app.journey.started_by')}>
              <Link to={journeyPath(journey.parentJourneyId)}>{journeyName(journey.parentJourneyId)}</Link>
            </RecordField>
          )}
          {journey.children.length > 0 && (
            <RecordField label={t('app.journey.children')}>
              {journey.children.map((child) => (
                <Stack key={child.id} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Link to={journeyPath(child.id)}>{journeyName(child.id)}</Link>
                  <StatusChip status={child.status} />
                </Stack>
              ))}
            </RecordField>
          )}
        </FactGrid>
        <JourneyMap journey={journey} />
      </CardContent>
    </Card>
  );
};

const JourneyTasks = () => {
  const t = useT();
  return (
    <SectionCard title={t('app.journey.tasks')} flush>
      {/* The tasks come with the journey; the resource context makes rows link to task pages. */}
      <ResourceContextProvider value="tasks">
        <ArrayField source="tasks">
          <DataTable
            rowClick="show"
            bulkActionButtons={false}
            empty={<EmptyState title={t('app.journey.no_tasks')} />}
            sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' } }}
          >
            <TaskColumn source="title" />
            <TaskColumn source="type" render={(task) => taskTypeLabel(task.type)} />
            <TaskColumn source="status" render={(task) => <StatusChip status={task.status} />} />
            <TaskColumn source="assignedTo.name" label={t('app.journey.held_by')} render={(task) => task.assignedTo?.name ?? '—'} />
            <TaskColumn source="dueAt" label={t('app.journey.due')} render={(task) => <DueChip task={task} />} />
          </DataTable>
        </ArrayField>
      </ResourceContextProvider>
    </SectionCard>
  );
};

/** What the journey wrote to the customer; without SMTP configured, emails stay in the outbox. */
const JourneyEmails = ({ emails }: { emails: Email[] }) => {
  const t = useT();
  const tx = useTNodes();
  const status = useStatusLabel();
  return (
    <SectionCard title={t('app.journey.emails')}>
      {emails.length === 0 ? (
        <EmptyState icon={<EmailIcon />} title={t('app.journey.no_emails')} />
      ) : (
        emails.map((email) => (
          <Accordion key={email.id} disableGutters variant="outlined">
            <AccordionSummary expandIcon={<ExpandIcon />}>
              <Box sx={{ minWidth: 0 }}>
                <Typography variant="body2" sx={{ fontWeight: 500 }}>
                  {email.subject}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {tx('app.journey.email_to', { when: <RelativeTime date={email.sentAt ?? email.createdAt} /> }, { to: email.to, status: status(email.status) })}
                </Typography>
              </Box>
            </AccordionSummary>
            <AccordionDetails>
              {/* Customer links are long unbroken URLs: they wrap anywhere rather than widen the page. */}
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {email.text}
              </Typography>
            </AccordionDetails>
          </Accordion>
        ))
      )}
    </SectionCard>
  );
};

const JourneyView = () => {
  const journey = useRecordContext();
  if (!isDetail(journey)) return <Loading />;
  return (
    <Stack spacing={2} sx={{ mt: 1, mb: 3 }}>
      <JourneyHeader journey={journey} />
      {/* minmax(0, …): a wide table scrolls in its card instead of widening its column past the screen. */}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 3fr) minmax(0, 2fr)' }, gap: 2, alignItems: 'start' }}>
        <Stack spacing={2}>
          <WaitingOnPanel journey={journey} />
          {(kindSections[journey.kind] ?? []).map((Section, i) => (
            <Section key={i} journey={journey} />
          ))}
          {journey.decisions.length > 0 && <CustomerDecisions decisions={journey.decisions} />}
          <JourneyTasks />
          {journey.emails && <JourneyEmails emails={journey.emails} />}
        </Stack>
        <JourneyTimeline journey={journey} />
      </Box>
    </Stack>
  );
};

// A running journey moves on its own (timers, other people's tasks): poll it while it runs.
const refetchWhileRunning = ({ state }: { state: { data?: unknown } }) =>
  isDetail(state.data) && state.data.status !== 'RUNNING' ? false : 5_000;

export const JourneyShow = () => (
  <ShowPage actions={<JourneyActions />} refetchInterval={refetchWhileRunning}>
    <JourneyView />
  </ShowPage>
);
