import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Box, Button, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import {
  ArrayField,
  DataTable,
  Link,
  RecordField,
  Loading,
  ResourceContextProvider,
  Show,
  TopToolbar,
  useCreatePath,
  useRecordContext,
} from 'react-admin';
import { FactGrid, wide } from '../common/FactGrid';
import { LoadError } from '../common/LoadError';
import { RelativeTime } from '../common/RelativeTime';
import { StatusChip } from '../common/StatusChip';
import { DueDate, taskTypeLabel } from '../tasks/taskFields';
import type { Inquiry, JourneyDetail, Task } from '../types';
import { JourneyTimeline } from './JourneyTimeline';
import { temporalWorkflowUrl } from './journeyFields';
import { WaitingOnPanel } from './WaitingOnPanel';

const TaskColumn = DataTable.Col<Task>;

const JourneyActions = () => {
  const journey = useRecordContext<JourneyDetail>();
  return (
    <TopToolbar>
      {journey && (
        <Button href={temporalWorkflowUrl(journey.id)} target="_blank" rel="noopener" endIcon={<OpenInNewIcon />}>
          Open in Temporal Web UI
        </Button>
      )}
    </TopToolbar>
  );
};

const JourneyHeader = ({ journey }: { journey: JourneyDetail }) => {
  const createPath = useCreatePath();
  return (
    <Card>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="h5">
            {journey.customer ? (
              <Link to={createPath({ resource: 'customers', id: journey.customer.id, type: 'show' })}>
                {journey.customer.companyName}
              </Link>
            ) : (
              'New journey'
            )}
          </Typography>
          <StatusChip status={journey.status} />
        </Stack>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {journey.kind} journey{journey.customer && ` · ${journey.customer.contactName}`}
        </Typography>
        <FactGrid>
          <RecordField source="stage" />
          <RecordField label="In stage since">
            <RelativeTime date={journey.stageSince} />
          </RecordField>
          <RecordField label="Started">
            <RelativeTime date={journey.startedAt} />
          </RecordField>
          {journey.endedAt && (
            <RecordField label="Ended">
              <RelativeTime date={journey.endedAt} />
              {journey.endReason && `: ${journey.endReason}`}
            </RecordField>
          )}
        </FactGrid>
      </CardContent>
    </Card>
  );
};

const JourneyTasks = () => (
  <Card>
    <CardHeader title="Tasks" />
    {/* The tasks come with the journey; the resource context makes rows link to task pages. */}
    <ResourceContextProvider value="tasks">
      <ArrayField source="tasks">
        <DataTable
          rowClick="show"
          bulkActionButtons={false}
          empty={<Typography sx={{ p: 2 }} color="text.secondary">No tasks yet</Typography>}
        >
          <TaskColumn source="title" />
          <TaskColumn source="type" render={(task) => taskTypeLabel(task.type)} />
          <TaskColumn source="status" render={(task) => <StatusChip status={task.status} />} />
          <TaskColumn source="dueAt" label="Due" render={(task) => <DueDate task={task} />} />
          <TaskColumn source="completedBy" label="Completed by" />
        </DataTable>
      </ArrayField>
    </ResourceContextProvider>
  </Card>
);

// Values passed as children: the record context here is the journey, not the inquiry.
const InquiryFacts = ({ inquiry }: { inquiry: Inquiry }) => (
  <FactGrid>
    <RecordField label="Project type">{inquiry.projectType}</RecordField>
    <RecordField label="Budget range">{inquiry.budgetRange}</RecordField>
    <RecordField label="Timeline">{inquiry.timeline}</RecordField>
    <RecordField label="Received">
      <RelativeTime date={inquiry.receivedAt} />
    </RecordField>
    <RecordField label="Description" sx={wide}>
      {inquiry.description}
    </RecordField>
  </FactGrid>
);

const JourneyView = () => {
  const journey = useRecordContext<JourneyDetail>();
  // Coming from the list, the cached list row shows first; it lacks the detail fields.
  if (!journey || !('history' in journey)) return <Loading />;
  return (
    <Stack spacing={2} sx={{ mt: 1 }}>
      <JourneyHeader journey={journey} />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' }, gap: 2, alignItems: 'start' }}>
        <Stack spacing={2}>
          <WaitingOnPanel journey={journey} />
          <JourneyTasks />
          <Card>
            <CardHeader title={journey.inquiries.length > 1 ? 'Inquiries' : 'Inquiry'} />
            <CardContent sx={{ pt: 0 }}>
              {journey.inquiries.length === 0 ? (
                <Typography color="text.secondary">No inquiry recorded.</Typography>
              ) : (
                <Stack spacing={3}>
                  {journey.inquiries.map((inquiry) => (
                    <InquiryFacts key={inquiry.id} inquiry={inquiry} />
                  ))}
                </Stack>
              )}
            </CardContent>
          </Card>
        </Stack>
        <JourneyTimeline journey={journey} />
      </Box>
    </Stack>
  );
};

export const JourneyShow = () => (
  <Show component="div" loading={<Loading />} error={<LoadError />} actions={<JourneyActions />}>
    <JourneyView />
  </Show>
);
