import InvoiceIcon from '@mui/icons-material/ReceiptLong';
import { Typography } from '@mui/material';
import { DataTable } from 'react-admin';
import { EmptyState } from '../../common/EmptyState';
import { Money } from '../../common/money';
import { DueDate } from '../../common/RelativeTime';
import { SectionCard, sectionTableSx } from '../../common/SectionCard';
import { StatusChip } from '../../common/StatusChip';
import { balanceOf, InvoiceNumber, isOverdue, isOwed, openInvoiceJourney } from '../../invoices/invoiceFields';
import { useTNodes } from '../../i18n/interpolate';
import { useT } from '../../i18n/useT';
import type { InvoiceSummary } from '../../types';

const Column = DataTable.Col<InvoiceSummary>;

// Refunds are rare: they show under what was paid rather than in a column of zeros.
const PaidCell = ({ invoice }: { invoice: InvoiceSummary }) => {
  const tx = useTNodes();
  return (
    <>
      <Money minor={invoice.paidMinor} currency={invoice.currency} />
      {invoice.refundedMinor > 0 && (
        <Typography variant="caption" component="div" color="text.secondary">
          {tx('app.project.refunded', { amount: <Money minor={invoice.refundedMinor} currency={invoice.currency} /> })}
        </Typography>
      )}
    </>
  );
};

/** The project's invoices, figures only: each row opens the billing journey that collects it. */
export const ProjectInvoices = ({ title, invoices }: { title: string; invoices: InvoiceSummary[] }) => {
  const t = useT();
  return (
    <SectionCard title={title} flush>
      <DataTable
        data={invoices}
        rowClick={openInvoiceJourney}
        bulkActionButtons={false}
        empty={
          <EmptyState icon={<InvoiceIcon />} dense title={t('app.project.no_invoices')}>
            {t('app.project.no_invoices_hint')}
          </EmptyState>
        }
        sx={sectionTableSx}
      >
        {/* The status sits with the number and kind, not in a column of its own: the figures need the room. */}
        <Column
          source="number"
          label={t('app.project.invoice')}
          render={(i) => (
            <InvoiceNumber invoice={i}>
              <StatusChip status={i.status} />
            </InvoiceNumber>
          )}
        />
        <Column source="totalMinor" label={t('app.project.total')} align="right" render={(i) => <Money minor={i.totalMinor} currency={i.currency} />} />
        <Column source="paidMinor" label={t('app.project.paid')} align="right" render={(i) => <PaidCell invoice={i} />} />
        <Column label={t('app.project.balance')} align="right" render={(i) => <Money minor={balanceOf(i)} currency={i.currency} strong={balanceOf(i) > 0} />} />
        <Column source="dueAt" label={t('app.project.due')} render={(i) => <DueDate date={i.dueAt} late={isOverdue(i)} settled={!isOwed(i)} />} />
      </DataTable>
    </SectionCard>
  );
};
