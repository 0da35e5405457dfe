// Finance's view of invoices: what is owed (the default), what is late, what came in. A row opens
// the invoice's billing journey; its lines unfold in place.
import InvoiceIcon from '@mui/icons-material/ReceiptLong';
import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button } from '@mui/material';
import { DataTable, FilterButton, SelectInput, TopToolbar, useListContext, useRecordContext } from 'react-admin';
import { List } from '../common/List';
import { humanize } from '../common/humanize';
import { lateRowSx } from '../common/lateRow';
import { ListLoadError } from '../common/LoadError';
import { Money } from '../common/money';
import { DueDate } from '../common/RelativeTime';
import { CompactList, ResponsiveList } from '../common/ResponsiveList';
import { ExpandToggle, withoutBuiltInExpandSx } from '../common/RowLink';
import { StatusChip } from '../common/StatusChip';
import { ViewEmpty, ViewTabs } from '../common/ViewTabs';
import type { InvoiceRow } from '../types';
import { journeyPath } from '../journeys/journeyFields';
import { INVOICE_KINDS, InvoiceNumber, isOverdue, isOwed, openInvoiceJourney } from './invoiceFields';
import { InvoiceLines } from './InvoiceLines';
import { INVOICE_VIEWS } from './invoiceViews';
import { useT } from '../i18n/useT';

const Column = DataTable.Col<InvoiceRow>;
const REFRESH_MS = 60_000;

const filters = [<SelectInput key="kind" source="kind" choices={INVOICE_KINDS.map((id) => ({ id, name: humanize(id) }))} />];

// Statement width: across the whole list, amounts would sit too far from what they are for.
const LinesPanel = () => {
  const invoice = useRecordContext<InvoiceRow>();
  return invoice ? (
    <Box sx={{ maxWidth: 720 }}>
      <InvoiceLines invoice={invoice} />
    </Box>
  ) : null;
};

/** The list as it is filtered and sorted, as a CSV the API makes (every matching invoice, not this page). */
const ExportCsvButton = () => {
  const { filterValues, sort, total } = useListContext<InvoiceRow>();
  const query = new URLSearchParams({ filter: JSON.stringify(filterValues), sort: JSON.stringify([sort.field, sort.order]) });
  return (
    <Button size="small" startIcon={<DownloadIcon />} href={`/api/invoices/export?${query}`} download disabled={!total}>
      Export CSV
    </Button>
  );
};

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportCsvButton />
  </TopToolbar>
);

const overdueRow = (invoice: InvoiceRow) => (isOverdue(invoice) ? lateRowSx : {});

const LinesToggle = ({ number }: { number: string }) => <ExpandToggle label={useT()('app.lists.lines_of_invoice', { number })} />;

const InvoicesEmpty = () => <ViewEmpty views={INVOICE_VIEWS} icon={<InvoiceIcon />} noun="invoices" />;

/** On a phone: number and what is still owed, the customer, kind and due date, the status. A tap opens the billing journey. */
const InvoiceCards = () => (
  <CompactList<InvoiceRow>
    to={(invoice) => journeyPath(invoice.journeyId)}
    primary={(invoice) => `${invoice.number} · ${invoice.customer.companyName}`}
    tertiary={(invoice) => <Money minor={invoice.balanceMinor} currency={invoice.currency} strong={invoice.balanceMinor > 0} />}
    secondary={(invoice) => (
      <>
        {humanize(invoice.kind)} · total <Money minor={invoice.totalMinor} currency={invoice.currency} />
        <DueDate date={invoice.dueAt} late={isOverdue(invoice)} settled={!isOwed(invoice)} />
      </>
    )}
    chips={(invoice) => <StatusChip status={invoice.status} />}
    rowSx={overdueRow}
    empty={<InvoicesEmpty />}
  />
);

export const InvoiceList = () => (
  <List
    filters={filters}
    filterDefaultValues={INVOICE_VIEWS.all[0]!.filter}
    sort={{ field: 'dueAt', order: 'ASC' }}
    perPage={25}
    exporter={false}
    actions={<ListActions />}
    empty={false}
    error={<ListLoadError />}
    queryOptions={{ refetchInterval: REFRESH_MS }}
  >
    <ViewTabs views={INVOICE_VIEWS} refreshMs={REFRESH_MS} />
    <ResponsiveList phone={<InvoiceCards />} views={INVOICE_VIEWS}>
      <DataTable
        rowClick={openInvoiceJourney}
        rowSx={overdueRow}
        expand={<LinesPanel />}
        isRowExpandable={(invoice) => invoice.lines.length > 0}
        bulkActionButtons={false}
        empty={<InvoicesEmpty />}
        sx={withoutBuiltInExpandSx}
      >
        <Column label="" disableSort render={(invoice) => (invoice.lines.length > 0 ? <LinesToggle number={invoice.number} /> : null)} />
        <Column source="number" render={(invoice) => <InvoiceNumber invoice={invoice} link={journeyPath(invoice.journeyId)} />} />
        <Column source="customer.companyName" disableSort />
        <Column source="status" disableSort render={(invoice) => <StatusChip status={invoice.status} />} />
        <Column source="totalMinor" align="right" render={(i) => <Money minor={i.totalMinor} currency={i.currency} />} />
        <Column source="paidMinor" align="right" disableSort render={(i) => <Money minor={i.paidMinor} currency={i.currency} />} />
        <Column
          source="balanceMinor"
          align="right"
          disableSort
          render={(i) => <Money minor={i.balanceMinor} currency={i.currency} strong={i.balanceMinor > 0} />}
        />
        <Column source="dueAt" render={(invoice) => <DueDate date={invoice.dueAt} late={isOverdue(invoice)} settled={!isOwed(invoice)} />} />
      </DataTable>
    </ResponsiveList>
  </List>
);
