import JourneyIcon from '@mui/icons-material/Route';
import { Stack, Typography } from '@mui/material';
import { DataTable, List, SelectInput, TextInput, useListContext } from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { humanize } from '../common/humanize';
import { ListLoadError } from '../common/LoadError';
import { durationSince, RelativeTime } from '../common/RelativeTime';
import { StatusChip, statusChoices } from '../common/StatusChip';
import type { Journey } from '../types';
import { WaitChip } from '../waits/waitFields';
import { WaitFilterSidebar } from '../waits/WaitFilterSidebar';
import { JOURNEY_STATUSES } from './journeyFields';

const Column = DataTable.Col<Journey>;

// Exact-value filters: the API rejects any other filter key (so no full-text "q"). Kinds and
// stages are free text: journeys added in code bring their own.
const filters = [
  <SelectInput key="status" source="status" choices={statusChoices(JOURNEY_STATUSES)} alwaysOn />,
  <TextInput key="kind" source="kind" label="Journey type" />,
  <TextInput key="stage" source="stage" />,
];

const NoJourneys = () => {
  const { filterValues } = useListContext();
  return (
    <EmptyState icon={<JourneyIcon />} title={Object.keys(filterValues).length ? 'No journeys match these filters' : 'No journeys yet'}>
      {Object.keys(filterValues).length ? 'Clear a filter to see more.' : 'A journey starts when a lead comes in through the contact form.'}
    </EmptyState>
  );
};

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
    <Typography variant="body2">{journey.stage}</Typography>
    <Typography variant="caption" color="text.secondary">
      for {durationSince(journey.stageSince)}
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

export const JourneyList = () => (
  <List
    filters={filters}
    filterDefaultValues={{ status: 'RUNNING' }}
    sort={{ field: 'startedAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    aside={<WaitFilterSidebar />}
    empty={false}
    error={<ListLoadError />}
    queryOptions={{ refetchInterval: 30_000 }}
  >
    <DataTable rowClick="show" bulkActionButtons={false} empty={<NoJourneys />}>
      <Column source="customer.companyName" label="Customer" disableSort render={(journey) => <CustomerCell journey={journey} />} />
      <Column source="kind" label="Journey" disableSort render={(journey) => humanize(journey.kind)} />
      <Column source="stage" render={(journey) => <StageCell journey={journey} />} />
      <Column source="waits" label="Waiting on" disableSort render={(journey) => <WaitingOnCell journey={journey} />} />
      <Column source="status" render={(journey) => <StatusChip status={journey.status} />} />
      <Column source="startedAt" label="Started" render={(journey) => <RelativeTime date={journey.startedAt} />} />
    </DataTable>
  </List>
);
