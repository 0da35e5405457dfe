import JourneyIcon from '@mui/icons-material/Route';
import { Stack, Typography } from '@mui/material';
import { DataTable, SelectInput, useListContext } from 'react-admin';
import { List } from '../common/List';
import { useIsManager } from '../auth/roles';
import { JourneyBulkActions } from './JourneyBulkActions';
import { ListLoadError } from '../common/LoadError';
import { durationSince, RelativeTime } from '../common/RelativeTime';
import { CompactList, ResponsiveList } from '../common/ResponsiveList';
import { RowLink } from '../common/RowLink';
import { StatusChip, statusChoices } from '../common/StatusChip';
import { ViewEmpty, ViewTabs } from '../common/ViewTabs';
import type { Journey } from '../types';
import { WaitChip } from '../waits/waitFields';
import { WAIT_FILTER_LABELS, WaitFilterSidebar } from '../waits/WaitFilterSidebar';
import { JOURNEY_STATUSES } from './journeyFields';
import { JOURNEY_VIEWS } from './journeyViews';
import { KindName, StageName, useJourneyKinds } from './stageLabels';

const Column = DataTable.Col<Journey>;
const REFRESH_MS = 30_000;

// Exact-value filters: the API rejects any other filter key (so no full-text "q"). Kinds and their
// stages are choices from the declared stage maps (a stage's choices follow the kind chosen). The
// tabs pick the common statuses.
const KindFilter = (props: { source: string; alwaysOn?: boolean }) => {
  const { kinds } = useJourneyKinds();
  return <SelectInput {...props} label="app.lists.journey_type" choices={kinds.map((k) => ({ id: k.id, name: k.title }))} />;
};
const StageFilter = (props: { source: string }) => {
  const { kinds } = useJourneyKinds();
  const { filterValues } = useListContext();
  const chosen = kinds.filter((k) => !filterValues.kind || k.id === filterValues.kind);
  // Without a kind, a stage id two kinds share is one choice, named for both.
  const choices = new Map<string, string[]>();
  for (const k of chosen) for (const s of k.stages) choices.set(s.id, [...(choices.get(s.id) ?? []), chosen.length > 1 ? `${k.title}: ${s.label}` : s.label]);
  return <SelectInput {...props} label="app.lists.stage" choices={[...choices].map(([id, names]) => ({ id, name: names.join(' / ') }))} />;
};
const filters = [
  <SelectInput key="status" source="status" choices={statusChoices(JOURNEY_STATUSES)} />,
  <KindFilter key="kind" source="kind" />,
  <StageFilter key="stage" source="stage" />,
];

const CustomerCell = ({ journey }: { journey: Journey }) => (
  <>
    <Typography variant="body2" sx={{ fontWeight: 500 }}>
      <RowLink>{journey.customer.companyName}</RowLink>
    </Typography>
    <Typography variant="caption" color="text.secondary">
      {journey.customer.contactName}
    </Typography>
  </>
);

const inStageFor = (journey: Journey) => durationSince(journey.stageSince, journey.endedAt ? Date.parse(journey.endedAt) : undefined);

const StageCell = ({ journey }: { journey: Journey }) => (
  <>
    <Typography variant="body2">
      <StageName kind={journey.kind} stage={journey.stage} />
    </Typography>
    <Typography variant="caption" color="text.secondary">
      for {inStageFor(journey)}
    </Typography>
  </>
);

const WaitChips = ({ journey }: { journey: Journey }) => journey.waits.map((wait) => <WaitChip key={wait.id} wait={wait} />);

const WaitingOnCell = ({ journey }: { journey: Journey }) =>
  journey.waits.length === 0 ? (
    <Typography variant="body2" color="text.secondary">
      —
    </Typography>
  ) : (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <WaitChips journey={journey} />
    </Stack>
  );

const JourneyTabs = () => {
  const isManager = useIsManager();
  return <ViewTabs views={JOURNEY_VIEWS} shown={JOURNEY_VIEWS.all.filter((view) => isManager || !view.managersOnly)} refreshMs={REFRESH_MS} />;
};

/** Why a journey failed, as recorded: what a manager reads before retrying it. */
const FailureCell = ({ journey }: { journey: Journey }) => (
  <Typography variant="body2" color="error" sx={{ overflowWrap: 'anywhere' }}>
    {journey.endReason ?? '—'}
  </Typography>
);

/** Running journeys: what they wait on. Failed ones: why, and when. */
const JourneysEmpty = () => <ViewEmpty views={JOURNEY_VIEWS} icon={<JourneyIcon />} noun="journeys" />;

const JourneyTable = () => {
  const { filterValues } = useListContext();
  const failed = filterValues.status === 'FAILED';
  const isManager = useIsManager();
  return (
    <DataTable rowClick="show" bulkActionButtons={isManager ? <JourneyBulkActions /> : false} empty={<JourneysEmpty />}>
      <Column source="customer.companyName" disableSort render={(journey) => <CustomerCell journey={journey} />} />
      <Column source="kind" disableSort render={(journey) => <KindName kind={journey.kind} />} />
      <Column source="stage" render={(journey) => <StageCell journey={journey} />} />
      {failed ? (
        <Column source="endReason" label="app.lists.why_failed" disableSort render={(journey) => <FailureCell journey={journey} />} />
      ) : (
        <Column source="waits" disableSort render={(journey) => <WaitingOnCell journey={journey} />} />
      )}
      <Column source="status" render={(journey) => <StatusChip status={journey.status} />} />
      {failed ? (
        <Column source="endedAt" label="app.lists.failed_at" sortByOrder="DESC" render={(journey) => <RelativeTime date={journey.endedAt} />} />
      ) : (
        <Column source="startedAt" render={(journey) => <RelativeTime date={journey.startedAt} />} />
      )}
    </DataTable>
  );
};

/** On a phone: the customer, the journey and its stage, its status and what it waits on (or why it failed). */
const JourneyCards = () => (
  <CompactList<Journey>
    primary={(journey) => journey.customer.companyName}
    tertiary={(journey) => <RelativeTime date={journey.status === 'FAILED' ? journey.endedAt : journey.startedAt} />}
    secondary={(journey) => (
      <>
        <KindName kind={journey.kind} /> · <StageName kind={journey.kind} stage={journey.stage} /> for {inStageFor(journey)}
        {journey.status === 'FAILED' && journey.endReason && <FailureCell journey={journey} />}
      </>
    )}
    chips={(journey) => (
      <>
        <StatusChip status={journey.status} />
        <WaitChips journey={journey} />
      </>
    )}
    empty={<JourneysEmpty />}
  />
);

export const JourneyList = () => (
  <List
    filters={filters}
    filterDefaultValues={JOURNEY_VIEWS.all[0]!.filter}
    sort={{ field: 'startedAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    aside={<WaitFilterSidebar />}
    empty={false}
    error={<ListLoadError />}
    queryOptions={{ refetchInterval: REFRESH_MS }}
  >
    <JourneyTabs />
    <ResponsiveList phone={<JourneyCards />} views={JOURNEY_VIEWS} hiddenFilters={WAIT_FILTER_LABELS}>
      <JourneyTable />
    </ResponsiveList>
  </List>
);
