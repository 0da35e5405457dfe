import { Typography } from '@mui/material';
import { DataTable, List, SelectInput, TextInput } from 'react-admin';
import { RelativeTime } from '../common/RelativeTime';
import { StatusChip, statusChoices } from '../common/StatusChip';
import type { Journey } from '../types';
import { JOURNEY_STATUSES } from './journeyFields';

const Column = DataTable.Col<Journey>;

// Exact-value filters: the API rejects any other filter key (so no full-text "q").
const filters = [
  <SelectInput key="status" source="status" choices={statusChoices(JOURNEY_STATUSES)} alwaysOn />,
  <TextInput key="kind" source="kind" />,
  <TextInput key="stage" source="stage" />,
];

export const JourneyList = () => (
  <List filters={filters} sort={{ field: 'startedAt', order: 'DESC' }} perPage={25} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column
        source="customer.companyName"
        label="Customer"
        disableSort
        render={(journey) => (
          <>
            {journey.customer.companyName}
            <Typography variant="caption" component="div" color="text.secondary">
              {journey.customer.contactName}
            </Typography>
          </>
        )}
      />
      <Column source="kind" disableSort />
      <Column source="status" render={(journey) => <StatusChip status={journey.status} />} />
      <Column source="stage" />
      <Column source="stageSince" label="In stage since" render={(journey) => <RelativeTime date={journey.stageSince} />} />
      <Column source="startedAt" label="Started" render={(journey) => <RelativeTime date={journey.startedAt} />} />
    </DataTable>
  </List>
);
