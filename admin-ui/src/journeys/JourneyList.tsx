import JourneyIcon from '@mui/icons-material/Route';
import { Stack, Typography } from '@mui/material';
import { DataTable, List, SelectInput, useListContext } from 'react-admin';
import { useIsManager } from '../auth/roles';
import { JourneyBulkActions } from './JourneyBulkActions';
import { ListLoadError } from '../common/LoadError';
import { durationSince, RelativeTime } from '../common/RelativeTime';
import { StatusChip, statusChoices } from '../common/StatusChip';
import { ViewEmpty, ViewTabs } from '../common/ViewTabs';
import type { Journey } from '../types';
import { WaitChip } from '../waits/waitFields';
import { WaitFilterSidebar } from '../waits/WaitFilterSidebar';
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
  return <SelectInput {...props} label="Journey type" choices={kinds.map((k) => ({ id: k.id, name: k.title }))} />;
};
const StageFilter = (props: { source: string }) => {
  const { kinds } = useJourneyKinds();
  const { filterValues } = useListContext();
  const chosen = kinds.filter((k) => !filterValues.kind || k.id === filterValues.kind);
  // Without a kind, a stage id two kinds share is one choice, named for both.
  const choices = new Map<string, string[]>();
  for (const k of chosen) for (const s of k.stages) choices.set(s.id, [...(choices.get(s.id) ?? []), chosen.length > 1 ? `${k.title}: ${s.label}` : s.label]);
  return <SelectInput {...props} label="Stage" choices={[...choices].map(([id, names]) => ({ id, name: names.join(' / ') }))} />;
};
const filters = [
  <SelectInput key="status" source="status" choices={statusChoices(JOURNEY_STATUSES)} />,
  <KindFilter key="kind" source="kind" />,
  <StageFilter key="stage" source="stage" />,
];

const CustomerCell = ({ journey }: { journey: Journey }) => (
  <>
    <Typography variant="body2" sx={{ fontWeight: 500 }}>
      {journey.customer.companyName}
    </Typography>
    <Typography variant="caption" color="text.secondary">
      {journey.customer.contactName}
    </Typography>
  </>
);

const StageCell = ({ journey }: { journey: Journey }) => (
  <>
    <Typography variant="body2">
      <StageName kind={journey.kind} stage={journey.stage} />
    </Typography>
    <Typography variant="caption" color="text.secondary">
      for {durationSince(journey.stageSince, journey.endedAt ? Date.parse(journey.endedAt) : undefined)}
    </Typography>
  </>
);

const WaitingOnCell = ({ journey }: { journey: Journey }) =>
  journey.waits.length === 0 ? (
    <Typography variant="body2" color="text.secondary">
      —
    </Typography>
  ) : (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {journey.waits.map((wait) => (
        <WaitChip key={wait.id} wait={wait} />
      ))}
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
const JourneyTable = () => {
  const { filterValues } = useListContext();
  const failed = filterValues.status === 'FAILED';
  const isManager = useIsManager();
  return (
    <DataTable rowClick="show" bulkActionButtons={isManager ? <JourneyBulkActions /> : false} empty={<ViewEmpty views={JOURNEY_VIEWS} icon={<JourneyIcon />} noun="journeys" />}>
      <Column source="customer.companyName" label="Customer" disableSort render={(journey) => <CustomerCell journey={journey} />} />
      <Column source="kind" label="Journey" disableSort render={(journey) => <KindName kind={journey.kind} />} />
      <Column source="stage" render={(journey) => <StageCell journey={journey} />} />
      {failed ? (
        <Column source="endReason" label="Why it failed" disableSort render={(journey) => <FailureCell journey={journey} />} />
      ) : (
        <Column source="waits" label="Waiting on" disableSort render={(journey) => <WaitingOnCell journey={journey} />} />
      )}
      <Column source="status" render={(journey) => <StatusChip status={journey.status} />} />
      {failed ? (
        <Column source="endedAt" label="Failed" sortByOrder="DESC" render={(journey) => <RelativeTime date={journey.endedAt} />} />
      ) : (
        <Column source="startedAt" label="Started" render={(journey) => <RelativeTime date={journey.startedAt} />} />
      )}
    </DataTable>
  );
};

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
    <JourneyTable />
  </List>
);
