import { Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import {
  ArrayField,
  DataTable,
  EmailField,
  Loading,
  RecordField,
  ResourceContextProvider,
  Show,
  useRecordContext,
} from 'react-admin';
import { FactGrid } from '../common/FactGrid';
import { LoadError } from '../common/LoadError';
import { RelativeTime } from '../common/RelativeTime';
import { StatusChip } from '../common/StatusChip';
import type { CustomerDetail, Journey } from '../types';

const JourneyColumn = DataTable.Col<Journey>;

const CustomerView = () => {
  const customer = useRecordContext<CustomerDetail>();
  if (!customer) return null;
  return (
    <Stack spacing={2} sx={{ mt: 1 }}>
      <Card>
        <CardContent>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
            <Typography variant="h5">{customer.companyName}</Typography>
            <StatusChip status={customer.status} />
          </Stack>
          <FactGrid>
            <RecordField source="contactName" label="Contact" />
            <RecordField source="email" field={EmailField} />
            <RecordField source="phone" empty="—" />
            <RecordField label="Customer since">
              <RelativeTime date={customer.createdAt} />
            </RecordField>
          </FactGrid>
        </CardContent>
      </Card>
      <Card>
        <CardHeader title="Journeys" />
        {/* The journeys come with the customer; the resource context makes rows link to journey pages. */}
        <ResourceContextProvider value="journeys">
          <ArrayField source="journeys">
            <DataTable
              rowClick="show"
              bulkActionButtons={false}
              empty={<Typography sx={{ p: 2 }} color="text.secondary">No journeys yet</Typography>}
            >
              <JourneyColumn source="kind" />
              <JourneyColumn source="status" render={(journey) => <StatusChip status={journey.status} />} />
              <JourneyColumn source="stage" />
              <JourneyColumn source="startedAt" label="Started" render={(journey) => <RelativeTime date={journey.startedAt} />} />
              <JourneyColumn source="endReason" label="End reason" />
            </DataTable>
          </ArrayField>
        </ResourceContextProvider>
      </Card>
    </Stack>
  );
};

export const CustomerShow = () => (
  <Show component="div" loading={<Loading />} error={<LoadError />}>
    <CustomerView />
  </Show>
);
