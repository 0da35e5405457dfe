// The inbox: what is mine, what waits in my queues, and (for managers) everything open — due
// first, overdue in red. Polled, because tasks arrive and move while people look at it.
import type { MessageKey } from '../i18n/en';
import { useT } from '../i18n/useT';
import InboxIcon from '@mui/icons-material/Inbox';
import { Chip, Stack, Typography } from '@mui/material';
import { DataTable, SelectInput, useCreatePath, useListContext, useNavigate } from 'react-admin';
import { List } from '../common/List';
import { useIsManager } from '../auth/roles';
import { lateRowSx } from '../common/lateRow';
import { ListLoadError } from '../common/LoadError';
import { RelativeTime } from '../common/RelativeTime';
import { CompactList, ResponsiveList } from '../common/ResponsiveList';
import { RowLink } from '../common/RowLink';
import { ViewEmpty, ViewTabs } from '../common/ViewTabs';
import { ROLES, type Task } from '../types';
import { ClaimButton } from './HoldButtons';
import { TaskBulkActions } from './TaskBulkActions';
import { INBOX_VIEWS } from './inboxViews';
import { DueChip, EscalatedChip, isOverdue, QueueLabel, taskTypeLabel } from './taskFields';
import { claimedOnTheWay } from './taskFocus';
import { useTaskTypes } from './useTaskTypes';
import { KindName, StageName } from '../journeys/stageLabels';

const Column = DataTable.Col<Task>;
const REFRESH_MS = 30_000;

const TaskTypeFilter = (props: { source: string; label?: string }) => {
  const { data } = useTaskTypes();
  return <SelectInput {...props} choices={(data ?? []).map((t) => ({ id: t.id, name: taskTypeLabel(t.id) }))} />;
};

const filters = [
  <TaskTypeFilter key="type" source="type" />,
  <SelectInput key="role" source="role" choices={ROLES.map((id) => ({ id, name: id }))} />,
];

/** A filter switched on and off with one click, such as "overdue". */
const ToggleFilterChip = ({ source, label }: { source: string; label: MessageKey }) => {
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const t = useT();
  const on = filterValues[source] === true;
  const toggle = () => {
    const rest = Object.fromEntries(Object.entries(filterValues).filter(([key]) => key !== source));
    setFilters(on ? rest : { ...rest, [source]: true }, displayedFilters);
  };
  return (
    <Chip label={t(label)} color={on ? 'primary' : 'default'} variant={on ? 'filled' : 'outlined'} onClick={toggle} aria-pressed={on} />
  );
};

const InboxTabs = () => {
  const isManager = useIsManager();
  return (
    <ViewTabs views={INBOX_VIEWS} shown={INBOX_VIEWS.all.filter((view) => isManager || !view.managersOnly)} refreshMs={REFRESH_MS}>
      <Stack direction="row" spacing={1} sx={{ py: 1 }}>
        <ToggleFilterChip source="overdue" label="app.dashboard.overdue" />
        {isManager && <ToggleFilterChip source="escalated" label="app.dashboard.escalated" />}
      </Stack>
    </ViewTabs>
  );
};

/** Whose, which journey, where it is: "Acme · Acquisition · discovery". */
const TaskContext = ({ task }: { task: Task }) =>
  task.journey ? (
    <>
      {task.journey.customer.companyName} · <KindName kind={task.journey.kind} /> · <StageName kind={task.journey.kind} stage={task.journey.stage} />
    </>
  ) : null;

const TaskTitle = ({ task }: { task: Task }) => (
  <>
    <Typography variant="body2" sx={{ fontWeight: 500 }}>
      <RowLink>{task.title}</RowLink>
    </Typography>
    <Typography variant="caption" color="text.secondary">
      <TaskContext task={task} />
    </Typography>
  </>
);

const HeldBy = ({ task }: { task: Task }) => (
  <>
    {task.assignedTo?.name ?? (
      <Typography variant="inherit" component="span" color="text.secondary">
        unclaimed
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
      onDone={() => navigate(createPath({ resource: 'tasks', id: task.id, type: 'show' }), { state: claimedOnTheWay })}
    />
  );
};

const overdueRow = (task: Task) => (isOverdue(task) ? lateRowSx : {});

const InboxEmpty = () => <ViewEmpty views={INBOX_VIEWS} icon={<InboxIcon />} noun="tasks" />;

const InboxTable = () => (
  <DataTable rowClick="show" rowSx={overdueRow} bulkActionButtons={useIsManager() ? <TaskBulkActions /> : false} empty={<InboxEmpty />}>
    <Column source="title" render={(task) => <TaskTitle task={task} />} />
    <Column source="type" render={(task) => taskTypeLabel(task.type)} />
    <Column source="role" render={(task) => <QueueCell task={task} />} />
    <Column
      source="assignee"
      disableSort
      render={(task) => <HeldBy task={task} />}
    />
    <Column source="dueAt" render={(task) => <DueChip task={task} />} />
    {/* One click on the header: newest first, to find what just came in. */}
    <Column source="createdAt" sortByOrder="DESC" render={(task) => <RelativeTime date={task.createdAt} />} />
    <Column label="" disableSort align="right" render={(task) => <ClaimAndOpen task={task} />} />
  </DataTable>
);

/** On a phone: the title, whose and where, then due, queue and holder. Claiming is on the task's page. */
const InboxCards = () => (
  <CompactList<Task>
    primary={(task) => task.title}
    secondary={(task) => <TaskContext task={task} />}
    chips={(task) => (
      <>
        <DueChip task={task} />
        <EscalatedChip task={task} />
        <Typography variant="caption" color="text.secondary">
          <QueueLabel task={task} /> · <HeldBy task={task} />
        </Typography>
      </>
    )}
    rowSx={overdueRow}
    empty={<InboxEmpty />}
  />
);

export const TaskList = () => (
  <List
    filters={filters}
    filterDefaultValues={INBOX_VIEWS.all[0]!.filter}
    sort={{ field: 'dueAt', order: 'ASC' }}
    perPage={25}
    exporter={false}
    empty={false}
    error={<ListLoadError />}
    queryOptions={{ refetchInterval: REFRESH_MS }}
  >
    <InboxTabs />
    <ResponsiveList phone={<InboxCards />} views={INBOX_VIEWS}>
      <InboxTable />
    </ResponsiveList>
  </List>
);
