import CustomerIcon from '@mui/icons-material/Business';
import PdfIcon from '@mui/icons-material/PictureAsPdf';
import JourneyIcon from '@mui/icons-material/Route';
import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useRef } from 'react';
import { Link, Loading, RecordField, TopToolbar, useCreatePath, useRecordContext } from 'react-admin';
import { FactGrid } from '../common/FactGrid';
import { ObjectFacts } from '../common/ObjectFacts';
import { RelativeTime } from '../common/RelativeTime';
import { SectionCard } from '../common/SectionCard';
import { ShowPage } from '../common/ShowPage';
import { StatusChip } from '../common/StatusChip';
import { useUserNames } from '../common/useUserNames';
import { useTaskTypeSchema } from './useTaskTypes';
import type { TaskDetail } from '../types';
import { CompleteTaskForm } from './CompleteTaskForm';
import { ClaimButton, ReleaseButton } from './HoldButtons';
import { TaskFocusProvider, useFocusAfter } from './taskFocus';
import { ChangeDueButton } from './ChangeDueButton';
import { ReassignButton } from './ReassignButton';
import { TaskComments } from './TaskComments';
import { UnsentDraft } from './UnsentDraft';
import { DueChip, EscalatedChip, QueueLabel, taskTypeLabel } from './taskFields';
import { KindName, StageName } from '../journeys/stageLabels';
import { interpolate } from '../i18n/interpolate';
import { useT } from '../i18n/useT';

// Coming from the inbox, the cached list row shows first; it lacks what only the detail has.
const isDetail = (task: unknown): task is TaskDetail => !!task && typeof task === 'object' && 'actions' in task;

/** Exactly the buttons the API says this person may use now. */
const TaskActionButtons = () => {
  const task = useRecordContext();
  if (!isDetail(task)) return <TopToolbar />;
  return (
    <TopToolbar sx={{ gap: 1, flexWrap: 'wrap' }}>
      {task.actions.claim && <ClaimButton task={task} />}
      {task.actions.unclaim && <ReleaseButton task={task} formShown={task.actions.complete} />}
      {task.actions.assign && <ReassignButton task={task} />}
      {task.actions.reschedule && <ChangeDueButton task={task} />}
    </TopToolbar>
  );
};

const JourneyContext = ({ task }: { task: TaskDetail }) => {
  const createPath = useCreatePath();
  const t = useT();
  const customer = task.journey?.customer;
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', color: 'text.secondary', alignItems: 'center' }}>
      {customer && (
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
          <CustomerIcon fontSize="small" />
          <Link to={createPath({ resource: 'customers', id: customer.id, type: 'show' })}>{customer.companyName}</Link>
        </Stack>
      )}
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
        <JourneyIcon fontSize="small" />
        <Link to={createPath({ resource: 'journeys', id: task.journeyId, type: 'show' })}>
          {task.journey ? (
            interpolate(t('app.task.journey_stage'), { kind: <KindName kind={task.journey.kind} />, stage: <StageName kind={task.journey.kind} stage={task.journey.stage} /> })
          ) : (
            t('app.task.open_journey')
          )}
        </Link>
      </Stack>
    </Stack>
  );
};

const TaskSummary = ({ task }: { task: TaskDetail }) => {
  const userName = useUserNames();
  const t = useT();
  // After Complete, when there is no result to show: the heading, its status chip now "completed".
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusAfter('completed', heading, { when: task.status !== 'OPEN' && !task.result });
  return (
    <Card>
      <CardContent>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <Typography ref={heading} tabIndex={-1} variant="h5" component="h1" sx={{ overflowWrap: 'anywhere', '&:focus': { outline: 'none' } }}>
            {task.title}
          </Typography>
          <StatusChip status={task.status} />
          {task.status === 'OPEN' && <DueChip task={task} />}
          <EscalatedChip task={task} />
        </Stack>
        <JourneyContext task={task} />
        <Box sx={{ mt: 2 }}>
          <FactGrid>
            <RecordField source="type">{taskTypeLabel(task.type)}</RecordField>
            <RecordField source="role">
              <QueueLabel task={task} />
            </RecordField>
            <RecordField source="assignee">
              {task.assignedTo ? task.assignedTo.name : task.status === 'OPEN' ? <Chip size="small" variant="outlined" label={t('app.task.unclaimed')} /> : '—'}
            </RecordField>
            <RecordField source="dueAt">
              <RelativeTime date={task.dueAt} />
            </RecordField>
            <RecordField label={t('app.task.created')}>
              <RelativeTime date={task.createdAt} />
            </RecordField>
            {task.completedAt && (
              <RecordField label={t('app.task.completed')}>
                {interpolate(t('app.task.completed_by'), { when: <RelativeTime date={task.completedAt} />, name: userName(task.completedBy) ?? t('app.task.someone') })}
              </RecordField>
            )}
            {task.cancelledAt && (
              <RecordField label={t('app.task.cancelled')}>
                <RelativeTime date={task.cancelledAt} />
                {task.cancelReason && `: ${task.cancelReason}`}
              </RecordField>
            )}
          </FactGrid>
        </Box>
      </CardContent>
    </Card>
  );
};

/** What the person answered, in the order their form asked. After Complete it takes focus: a region named for what happened, where the form was. */
const TaskResult = ({ task, result }: { task: TaskDetail; result: Record<string, unknown> }) => {
  const { schema } = useTaskTypeSchema(task.type);
  const region = useRef<HTMLElement>(null);
  const t = useT();
  useFocusAfter('completed', region);
  return (
    <Box
      ref={region}
      component="section"
      tabIndex={-1}
      aria-label={task.status === 'COMPLETED' ? t('app.task.result_completed') : t('app.task.result')}
      data-testid="task-result"
      sx={{ borderRadius: 1, '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 2 } }}
    >
      <SectionCard title={t('app.task.result')}>
        <ObjectFacts value={result} order={Object.keys(schema?.properties ?? {})} />
      </SectionCard>
    </Box>
  );
};

/** A review's report of the client's period (the retention journey puts it on the task), to read before approving it. */
const ReviewReportButton = ({ input }: { input: TaskDetail['input'] }) => {
  const t = useT();
  return typeof input.reportId === 'string' ? (
    <Button size="small" startIcon={<PdfIcon />} href={`/api/account-reports/${encodeURIComponent(input.reportId)}/pdf`} download>
      {t('app.task.report_pdf')}
    </Button>
  ) : null;
};

const TaskView = () => {
  const task = useRecordContext();
  const t = useT();
  if (!isDetail(task)) return <Loading />;
  return (
    <Stack spacing={2} sx={{ mt: 1, mb: 3 }}>
      <TaskSummary task={task} />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' }, gap: 2, alignItems: 'start' }}>
        <Stack spacing={2}>
          {task.actions.complete ? <CompleteTaskForm task={task} /> : <UnsentDraft task={task} />}
          {task.result && <TaskResult task={task} result={task.result} />}
          <SectionCard title={t('app.task.need_to_know')} action={<ReviewReportButton input={task.input} />}>
            <ObjectFacts value={task.input} />
          </SectionCard>
        </Stack>
        <TaskComments task={task} />
      </Box>
    </Stack>
  );
};

// The resource is labelled "Inbox", which would make react-admin's default title "Inbox <task>".
const TaskPageTitle = () => {
  const task = useRecordContext<TaskDetail>();
  const t = useT();
  return <>{task ? t('app.task.page_title', { title: task.title }) : t('app.task.page_title_loading')}</>;
};

// Polled: others claim, comment and complete while the page is open.
export const TaskShow = () => (
  <TaskFocusProvider>
    <ShowPage title={<TaskPageTitle />} actions={<TaskActionButtons />} refetchInterval={15_000}>
      <TaskView />
    </ShowPage>
  </TaskFocusProvider>
);
