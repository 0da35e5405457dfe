import { alpha, Typography } from '@mui/material';
import { red } from '@mui/material/colors';
import { DataTable, List, SelectInput, TextInput, useListContext } from 'react-admin';
import { RelativeTime } from '../common/RelativeTime';
import { StatusChip, statusChoices } from '../common/StatusChip';
import type { Task } from '../types';
import { DueDate, isOverdue, TASK_STATUSES, TASK_TYPES, taskTypeLabel } from './taskFields';

const Column = DataTable.Col<Task>;

// The API filters on exact values only, and rejects any other filter key.
const filters = [
  <SelectInput key="status" source="status" choices={statusChoices(TASK_STATUSES)} alwaysOn />,
  <SelectInput key="type" source="type" choices={Object.entries(TASK_TYPES).map(([id, name]) => ({ id, name }))} />,
  <TextInput key="role" source="role" />,
  <TextInput key="assignee" source="assignee" />,
  <TextInput key="journeyId" source="journeyId" label="Journey id" />,
];

// A faint tint of the default theme's error red (red[700]): readable in light and dark mode.
const overdueRow = (task: Task) => (isOverdue(task) ? { backgroundColor: alpha(red[700], 0.08) } : {});

const NoTasks = () => {
  const { filterValues } = useListContext();
  return (
    <Typography color="text.secondary" sx={{ p: 2 }}>
      {filterValues.status === 'OPEN' ? 'No open tasks' : 'No tasks match these filters'}
    </Typography>
  );
};

export const TaskList = () => (
  <List
    filters={filters}
    filterDefaultValues={{ status: 'OPEN' }}
    sort={{ field: 'dueAt', order: 'ASC' }}
    perPage={25}
    exporter={false}
    empty={false}
  >
    <DataTable rowClick="show" rowSx={overdueRow} bulkActionButtons={false} empty={<NoTasks />}>
      <Column source="title" disableSort />
      <Column source="type" render={(task) => taskTypeLabel(task.type)} />
      <Column source="role" disableSort />
      <Column source="assignee" disableSort />
      <Column source="status" render={(task) => <StatusChip status={task.status} />} />
      <Column source="dueAt" label="Due" render={(task) => <DueDate task={task} />} />
      <Column source="createdAt" label="Created" render={(task) => <RelativeTime date={task.createdAt} />} />
    </DataTable>
  </List>
);
