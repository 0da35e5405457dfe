// The inbox: what is mine, what waits in my queues, and (for managers) everything open — due
// first, overdue in red. Polled, because tasks arrive and move while people look at it.
import InboxIcon from '@mui/icons-material/Inbox';
import { alpha, Badge, Chip, Stack, Tab, Tabs, Typography } from '@mui/material';
import { red } from '@mui/material/colors';
import { DataTable, List, SelectInput, useCreatePath, useListContext, useNavigate } from 'react-admin';
import { useIsManager } from '../auth/roles';
import { EmptyState } from '../common/EmptyState';
import { humanize } from '../common/humanize';
import { ListLoadError } from '../common/LoadError';
import { RelativeTime } from '../common/RelativeTime';
import { useCount } from '../common/useCount';
import { ROLES, type Task } from '../types';
import { ClaimButton } from './HoldButtons';
import { currentView, INBOX_VIEWS, refinements, type InboxView } from './inboxViews';
import { DueChip, EscalatedChip, isOverdue, QueueLabel, taskTypeLabel } from './taskFields';
import { useTaskTypes } from './useTaskTypes';

const Column = DataTable.Col<Task>;
const REFRESH_MS = 30_000;

const TaskTypeFilter = (props: { source: string; label: string }) => {
  const { data } = useTaskTypes();
  return <SelectInput {...props} choices={(data ?? []).map((t) => ({ id: t.id, name: taskTypeLabel(t.id) }))} />;
};

const filters = [
  <TaskTypeFilter key="type" source="type" label="Type" />,
  <SelectInput key="role" source="role" label="Queue" choices={ROLES.map((id) => ({ id, name: id }))} />,
];

const ViewTab = ({ view, ...tabProps }: { view: InboxView; value: string }) => {
  const { filterValues } = useListContext();
  const { total } = useCount('tasks', { ...refinements(filterValues), ...view.filter }, REFRESH_MS);
  return (
    <Tab
      {...tabProps}
      label={
        <Badge badgeContent={total} color="primary" max={999} showZero sx={{ '& .MuiBadge-badge': { right: -14 } }}>
          {view.label}
        </Badge>
      }
      sx={{ pr: 4 }}
    />
  );
};

/** A filter switched on and off with one click, such as "overdue". */
const ToggleFilterChip = ({ source, label }: { source: string; label: string }) => {
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const on = filterValues[source] === true;
  const toggle = () => {
    const rest = Object.fromEntries(Object.entries(filterValues).filter(([key]) => key !== source));
    setFilters(on ? rest : { ...rest, [source]: true }, displayedFilters);
  };
  return (
    <Chip label={label} color={on ? 'primary' : 'default'} variant={on ? 'filled' : 'outlined'} onClick={toggle} aria-pressed={on} />
  );
};

const InboxTabs = () => {
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const isManager = useIsManager();
  const views = INBOX_VIEWS.filter((view) => isManager || !view.managersOnly);
  const selected = currentView(filterValues);
  const select = (id: string) => {
    const view = views.find((v) => v.id === id);
    if (view) setFilters({ ...refinements(filterValues), ...view.filter }, displayedFilters);
  };
  return (
    <Stack
      direction="row"
      useFlexGap
      sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', borderBottom: 1, borderColor: 'divider', px: 1 }}
    >
      <Tabs value={selected && views.includes(selected) ? selected.id : false} onChange={(_e, id: string) => select(id)}>
        {views.map((view) => (
          <ViewTab key={view.id} value={view.id} view={view} />
        ))}
      </Tabs>
      <Stack direction="row" spacing={1} sx={{ py: 1 }}>
        <ToggleFilterChip source="overdue" label="Overdue" />
        {isManager && <ToggleFilterChip source="escalated" label="Escalated" />}
      </Stack>
    </Stack>
  );
};

const InboxEmpty = () => {
  const { filterValues } = useListContext();
  const view = currentView(filterValues);
  const refined = Object.keys(refinements(filterValues)).length > 0;
  return (
    <EmptyState icon={<InboxIcon />} title={refined ? 'No tasks match these filters' : (view?.empty.title ?? 'No tasks')}>
      {refined ? 'Clear a filter to see more.' : view?.empty.hint}
    </EmptyState>
  );
};

const TaskTitle = ({ task }: { task: Task }) => (
  <>
    <Typography variant="body2" sx={{ fontWeight: 500 }}>
      {task.title}
    </Typography>
    {task.journey && (
      <Typography variant="caption" color="text.secondary">
        {task.journey.customer.companyName} · {humanize(task.journey.kind)} · {task.journey.stage}
      </Typography>
    )}
  </>
);

const QueueCell = ({ task }: { task: Task }) => (
  <Stack direction="row" spacing={0.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
    <QueueLabel task={task} />
    <EscalatedChip task={task} />
  </Stack>
);

/** In "My queues" every row is claimable; claiming opens the task, ready to work on. */
const ClaimAndOpen = ({ task }: { task: Task }) => {
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const { filterValues } = useListContext();
  if (filterValues.queue !== 'my-roles') return null;
  return (
    <ClaimButton
      task={task}
      variant="outlined"
      size="small"
      onDone={() => navigate(createPath({ resource: 'tasks', id: task.id, type: 'show' }))}
    />
  );
};

// A faint tint of the default theme's error red: readable in light and dark mode.
const overdueRow = (task: Task) => (isOverdue(task) ? { backgroundColor: alpha(red[700], 0.06) } : {});

const InboxTable = () => (
  <DataTable rowClick="show" rowSx={overdueRow} bulkActionButtons={false} empty={<InboxEmpty />}>
    <Column source="title" label="Task" render={(task) => <TaskTitle task={task} />} />
    <Column source="type" render={(task) => taskTypeLabel(task.type)} />
    <Column source="role" label="Queue" render={(task) => <QueueCell task={task} />} />
    <Column
      source="assignee"
      label="Held by"
      disableSort
      render={(task) => task.assignedTo?.name ?? <Typography variant="body2" color="text.secondary">unclaimed</Typography>}
    />
    <Column source="dueAt" label="Due" render={(task) => <DueChip task={task} />} />
    {/* One click on the header: newest first, to find what just came in. */}
    <Column source="createdAt" label="Arrived" sortByOrder="DESC" render={(task) => <RelativeTime date={task.createdAt} />} />
    <Column label="" disableSort align="right" render={(task) => <ClaimAndOpen task={task} />} />
  </DataTable>
);

export const TaskList = () => (
  <List
    title="Inbox"
    filters={filters}
    filterDefaultValues={INBOX_VIEWS[0]!.filter}
    sort={{ field: 'dueAt', order: 'ASC' }}
    perPage={25}
    exporter={false}
    empty={false}
    error={<ListLoadError />}
    queryOptions={{ refetchInterval: REFRESH_MS }}
  >
    <InboxTabs />
    <InboxTable />
  </List>
);
