import { Card, CardContent, Stack, Typography } from '@mui/material';
import {
  ArrayField,
  DataTable,
  EmailField,
  Loading,
  RecordField,
  ResourceContextProvider,
  useRecordContext,
} from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { FactGrid } from '../common/FactGrid';
import { RelativeTime } from '../common/RelativeTime';
import { SectionCard, sectionTableSx } from '../common/SectionCard';
import { ShowPage } from '../common/ShowPage';
import { StatusChip } from '../common/StatusChip';
import { AccountSection } from '../retention/AccountSection';
import { CustomerTickets } from '../support/CustomerTickets';
import { useT } from '../i18n/useT';
import type { CustomerDetail } from '../types';
import { Lifecycle } from './customerFields';
import { EndReason } from '../journeys/EndReason';
import { KindName, StageName } from '../journeys/stageLabels';

const JourneyColumn = DataTable.Col<CustomerDetail['journeys'][number]>;

const CustomerView = () => {
  const customer = useRecordContext<CustomerDetail>();
  const t = useT();
  // Coming from the list, the cached list row shows first; it lacks the customer's journeys.
  if (!customer?.journeys) return <Loading />;
  return (
    <Stack spacing={2} sx={{ mt: 1 }}>
      <Card>
        <CardContent>
          <Stack direction="row" useFlexGap spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
            <Typography variant="h5">{customer.companyName}</Typography>
            <Lifecycle customer={customer} />
          </Stack>
          <FactGrid>
            <RecordField source="contactName" label={t('resources.customers.fields.contactName')} />
            <RecordField source="email" field={EmailField} />
            <RecordField source="phone" empty="—" />
            <RecordField label={t('resources.customers.fields.createdAt')}>
              <RelativeTime date={customer.createdAt} />
            </RecordField>
            <RecordField label={t('app.customer.client_since')}>{customer.clientSince ? <RelativeTime date={customer.clientSince} /> : '—'}</RecordField>
          </FactGrid>
        </CardContent>
      </Card>
      <AccountSection customer={customer} />
      <SectionCard title={t('app.customer.journeys')} flush>
        {/* The journeys come with the customer; the resource context makes rows link to journey pages. */}
        <ResourceContextProvider value="journeys">
          <ArrayField source="journeys">
            <DataTable
              rowClick="show"
              bulkActionButtons={false}
              empty={<EmptyState title={t('app.customer.no_journeys')} />}
              sx={sectionTableSx}
            >
              <JourneyColumn source="kind" label={t('resources.journeys.fields.kind')} render={(journey) => <KindName kind={journey.kind} />} />
              <JourneyColumn source="status" render={(journey) => <StatusChip status={journey.status} />} />
              <JourneyColumn source="stage" render={(journey) => <StageName kind={journey.kind} stage={journey.stage} />} />
              <JourneyColumn source="startedAt" label={t('resources.journeys.fields.startedAt')} render={(journey) => <RelativeTime date={journey.startedAt} />} />
              <JourneyColumn
                source="endReason"
                label={t('resources.journeys.fields.endReason')}
                // Its links go where they name, not to the row's journey.
                render={(journey) =>
                  journey.endReason ? (
                    <span onClick={(e) => e.stopPropagation()}>
                      <EndReason reason={journey.endReason} parts={journey.endReasonParts} />
                    </span>
                  ) : null
                }
              />
            </DataTable>
          </ArrayField>
        </ResourceContextProvider>
      </SectionCard>
      <CustomerTickets customer={customer} />
    </Stack>
  );
};

const CustomerPageTitle = () => {
  const customer = useRecordContext<CustomerDetail>();
  const t = useT();
  return <>{customer ? t('app.customer.title', { name: customer.companyName }) : t('app.customer.customer')}</>;
};

export const CustomerShow = () => (
  <ShowPage title={<CustomerPageTitle />}>
    <CustomerView />
  </ShowPage>
);
