import InvoiceIcon from '@mui/icons-material/ReceiptLong';
import { Typography } from '@mui/material';
import { DataTable } from 'react-admin';
import { EmptyState } from '../../common/EmptyState';
import { Money } from '../../common/money';
import { DueDate } from '../../common/RelativeTime';
import { SectionCard, sectionTableSx } from '../../common/SectionCard';
import { StatusChip } from '../../common/StatusChip';
import { balanceOf, InvoiceNumber, isOverdue, isOwed, openInvoiceJourney } from '../../invoices/invoiceFields';
import type { InvoiceSummary } from '../../types';

const Column = DataTable.Col<InvoiceSummary>;

// Refunds are rare: they show under what was paid rather than in a column of zeros.
const PaidCell = ({ invoice }: { invoice: InvoiceSummary }) => (
  <>
    <Money minor={invoice.paidMinor} currency={invoice.currency} />
    {invoice.refundedMinor > 0 && (
      <Typography variant="caption" component="div" color="text.secondary">
        <Money minor={invoice.refundedMinor} currency={invoice.currency} /> refunded
      </Typography>
    )}
  </>
);

/** The project's invoices, figures only: each row opens the billing journey that collects it. */
export const ProjectInvoices = ({ title, invoices }: { title: string; invoices: InvoiceSummary[] }) => (
  <SectionCard title={title} flush>
    <DataTable
      data={invoices}
      rowClick={openInvoiceJourney}
      bulkActionButtons={false}
      empty={
        <EmptyState icon={<InvoiceIcon />} dense title="No invoices yet">
          One is issued as each milestone is accepted, or at sign-off for projects billed on completion.
        </EmptyState>
      }
      sx={sectionTableSx}
    >
      {/* The status sits with the number and kind, not in a column of its own: the figures need the room. */}
      <Column
        source="number"
        label="Invoice"
        render={(i) => (
          <InvoiceNumber invoice={i}>
            <StatusChip status={i.status} />
          </InvoiceNumber>
        )}
      />
      <Column source="totalMinor" label="Total" align="right" render={(i) => <Money minor={i.totalMinor} currency={i.currency} />} />
      <Column source="paidMinor" label="Paid" align="right" render={(i) => <PaidCell invoice={i} />} />
      <Column label="Balance" align="right" render={(i) => <Money minor={balanceOf(i)} currency={i.currency} strong={balanceOf(i) > 0} />} />
      <Column source="dueAt" label="Due" render={(i) => <DueDate date={i.dueAt} late={isOverdue(i)} settled={!isOwed(i)} />} />
    </DataTable>
  </SectionCard>
);
