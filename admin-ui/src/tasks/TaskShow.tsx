import { Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import { Link, Loading, RecordField, Show, useCreatePath, useRecordContext } from 'react-admin';
import { FactGrid } from '../common/FactGrid';
import { LoadError } from '../common/LoadError';
import { ObjectFacts } from '../common/ObjectFacts';
import { RelativeTime } from '../common/RelativeTime';
import { StatusChip } from '../common/StatusChip';
import type { Task } from '../types';
import { CompleteTaskForm } from './CompleteTaskForm';
import { DueDate, taskTypeLabel } from './taskFields';

const TaskSummary = ({ task }: { task: Task }) => {
  const createPath = useCreatePath();
  return (
    <Card>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
          <Typography variant="h5">{task.title}</Typography>
          <StatusChip status={task.status} />
        </Stack>
        <FactGrid>
          <RecordField label="Type">{taskTypeLabel(task.type)}</RecordField>
          <RecordField source="role" empty="—" />
          <RecordField source="assignee" empty="Unassigned" />
          <RecordField label="Due">
            <DueDate task={task} />
          </RecordField>
          <RecordField label="Created">
            <RelativeTime date={task.createdAt} />
          </RecordField>
          {task.completedAt && (
            <RecordField label="Completed">
              <RelativeTime date={task.completedAt} /> by {task.completedBy ?? 'unknown'}
            </RecordField>
          )}
          <RecordField label="Journey">
            <Link to={createPath({ resource: 'journeys', id: task.journeyId, type: 'show' })}>Open the journey</Link>
          </RecordField>
        </FactGrid>
      </CardContent>
    </Card>
  );
};

const TaskView = () => {
  const task = useRecordContext<Task>();
  if (!task) return null;
  return (
    <Stack spacing={2} sx={{ mt: 1 }}>
      <TaskSummary task={task} />
      {Object.keys(task.input).length > 0 && (
        <Card>
          <CardHeader title="Context" />
          <CardContent>
            <ObjectFacts value={task.input} />
          </CardContent>
        </Card>
      )}
      {task.status === 'OPEN' && <CompleteTaskForm task={task} />}
      {task.result && (
        <Card>
          <CardHeader title="Result" />
          <CardContent>
            <ObjectFacts value={task.result} />
          </CardContent>
        </Card>
      )}
    </Stack>
  );
};

export const TaskShow = () => (
  <Show component="div" loading={<Loading />} error={<LoadError />}>
    <TaskView />
  </Show>
);
