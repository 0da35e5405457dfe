// A journey's own invoice in full (a billing journey's, an acquisition's deposit): its figures,
// lines and tax, and the money that moved against it (payments, refunds, credit notes with their
// PDFs); finance's actions on it (its PDF, a bank transfer received, a credit note, the invoice
// sent again, a reminder now).
import PdfIcon from '@mui/icons-material/PictureAsPdf';
import ResendIcon from '@mui/icons-material/ForwardToInbox';
import RemindIcon from '@mui/icons-material/NotificationsActive';
import { Box, Button, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { DataTable, RecordField, useNotify, usePermissions } from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { FactGrid } from '../common/FactGrid';
import { Money } from '../common/money';
import { DueDate, RelativeTime } from '../common/RelativeTime';
import { SectionCard, sectionTableSx } from '../common/SectionCard';
import { StatusChip } from '../common/StatusChip';
import { useCommand } from '../common/useCommand';
import { useT } from '../i18n/useT';
import type { CreditNote, Invoice, Payment, Refund, Role } from '../types';
import { useInvoiceKindLabel } from './invoiceKinds';
import { balanceOf, isOverdue, isOwed } from './invoiceFields';
import { InvoiceLines } from './InvoiceLines';
import { IssueCreditNoteButton } from './IssueCreditNoteButton';
import { RecordBankTransferButton } from './RecordBankTransferButton';

/** Who records money received (the API's rule: finance, and managers overseeing them). */
const RECORDS_PAYMENTS: Role[] = ['finance', 'manager', 'admin'];

/** The invoice again, or a reminder now: one email per click, however often the request is sent. */
const NoticeButton = ({ invoice, notice }: { invoice: Invoice; notice: 'invoice' | 'reminder' }) => {
  const { run, pending } = useCommand();
  const notify = useNotify();
  const t = useT();
  const send = () =>
    run((api) => api.sendInvoiceNotice(invoice.id, notice, crypto.randomUUID()).then(({ to }) => to)).then((outcome) => {
      if (outcome.ok) notify(notice === 'invoice' ? t('app.invoice.sent_again', { number: invoice.number, to: outcome.value }) : t('app.invoice.reminder_sent', { to: outcome.value }), { type: 'success' });
    });
  return (
    <Button startIcon={notice === 'invoice' ? <ResendIcon /> : <RemindIcon />} onClick={send} disabled={pending}>
      {notice === 'invoice' ? t('app.invoice.send_again') : t('app.invoice.remind_now')}
    </Button>
  );
};

const Actions = ({ invoice }: { invoice: Invoice }) => {
  const { permissions } = usePermissions<Role[]>();
  const t = useT();
  const owedAndOurs = permissions?.some((r) => RECORDS_PAYMENTS.includes(r)) && isOwed(invoice) && balanceOf(invoice) > 0;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ px: 2, flexWrap: 'wrap' }}>
      <Button startIcon={<PdfIcon />} href={`/api/invoices/${encodeURIComponent(invoice.id)}/pdf`} download={`${invoice.number}.pdf`}>
        {t('app.invoice.download_pdf')}
      </Button>
      {owedAndOurs && (
        <>
          {/* A deposit is paid through its link, which its acquisition waits for (the API refuses a transfer on it). */}
          {invoice.kind !== 'deposit' && <RecordBankTransferButton invoice={invoice} />}
          {/* The same for a credit note: nothing waits for a deposit's balance. */}
          {invoice.kind !== 'deposit' && <IssueCreditNoteButton invoice={invoice} />}
          <NoticeButton invoice={invoice} notice="invoice" />
          <NoticeButton invoice={invoice} notice="reminder" />
        </>
      )}
    </Stack>
  );
};

const PaymentColumn = DataTable.Col<Payment>;
const RefundColumn = DataTable.Col<Refund>;
const CreditColumn = DataTable.Col<CreditNote>;

// Provider ids are long and unbroken: they wrap anywhere rather than widen the table.
const providerId = { fontFamily: 'monospace', fontSize: '0.8rem', overflowWrap: 'anywhere' } as const;

/** A titled part of the card; its table runs to the card's edges like the page's other tables. */
const Part = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box>
    <Typography variant="subtitle2" sx={{ px: 2, pb: 0.5 }}>
      {title}
    </Typography>
    {children}
  </Box>
);

const Payments = ({ invoice }: { invoice: Invoice }) => {
  const t = useT();
  return (
    <DataTable data={invoice.payments} rowClick={false} bulkActionButtons={false} empty={<EmptyState dense title={t('app.invoice.no_payments')} />} sx={sectionTableSx}>
      <PaymentColumn source="provider" label={t('app.invoice.provider')} />
      <PaymentColumn source="providerPaymentId" label={t('app.invoice.payment_id')} render={(p) => <Box sx={providerId}>{p.providerPaymentId ?? '—'}</Box>} />
      <PaymentColumn source="status" label={t('app.invoice.status')} render={(p) => <StatusChip status={p.status} />} />
      <PaymentColumn source="paidAt" label={t('app.invoice.when')} render={(p) => <RelativeTime date={p.paidAt ?? p.createdAt} />} />
      <PaymentColumn source="amountMinor" label={t('app.invoice.amount')} align="right" render={(p) => <Money minor={p.amountMinor} currency={p.currency} />} />
    </DataTable>
  );
};

const Refunds = ({ invoice }: { invoice: Invoice }) => {
  const t = useT();
  return (
    <DataTable data={invoice.refunds} rowClick={false} bulkActionButtons={false} sx={sectionTableSx}>
      <RefundColumn source="provider" label={t('app.invoice.provider')} />
      <RefundColumn source="providerRefundId" label={t('app.invoice.refund_id')} render={(r) => <Box sx={providerId}>{r.providerRefundId}</Box>} />
      <RefundColumn source="status" label={t('app.invoice.status')} render={(r) => <StatusChip status={r.status} />} />
      <RefundColumn source="reason" label={t('app.invoice.reason')} render={(r) => r.reason ?? '—'} />
      <RefundColumn source="createdAt" label={t('app.invoice.when')} render={(r) => <RelativeTime date={r.createdAt} />} />
      <RefundColumn source="amountMinor" label={t('app.invoice.amount')} align="right" render={(r) => <Money minor={r.amountMinor} currency={r.currency} />} />
    </DataTable>
  );
};

const CreditNotes = ({ invoice }: { invoice: Invoice }) => {
  const t = useT();
  return (
    <DataTable data={invoice.creditNotes} rowClick={false} bulkActionButtons={false} sx={sectionTableSx}>
      <CreditColumn source="number" label={t('app.invoice.credit_note')} render={(n) => <Box sx={{ overflowWrap: 'anywhere' }}>{n.number}</Box>} />
      <CreditColumn source="reason" label={t('app.invoice.reason')} render={(n) => <Box sx={{ overflowWrap: 'anywhere' }}>{n.reason}</Box>} />
      <CreditColumn source="issuedAt" label={t('app.invoice.when')} render={(n) => <RelativeTime date={n.issuedAt} />} />
      <CreditColumn source="amountMinor" label={t('app.invoice.amount')} align="right" render={(n) => <Money minor={n.amountMinor} currency={n.currency} />} />
      <CreditColumn
        source="id"
        label={t('app.invoice.pdf')}
        render={(n) => (
          <Button
            size="small"
            startIcon={<PdfIcon />}
            href={`/api/invoices/${encodeURIComponent(invoice.id)}/credit-notes/${encodeURIComponent(n.id)}/pdf`}
            download={`${n.number}.pdf`}
            aria-label={t('app.invoice.download_as_pdf', { number: n.number })}
          >
            {t('app.invoice.pdf')}
          </Button>
        )}
      />
    </DataTable>
  );
};

export const InvoiceStatement = ({ invoice }: { invoice: Invoice }) => {
  const t = useT();
  const kindLabel = useInvoiceKindLabel();
  const money = (minor: number, strong = false) => <Money minor={minor} currency={invoice.currency} strong={strong} />;
  return (
    <SectionCard title={t('app.invoice.title', { number: invoice.number })} action={<StatusChip status={invoice.status} />} flush>
      <Stack spacing={2} sx={{ pb: 2 }}>
        <Actions invoice={invoice} />
        <Box sx={{ px: 2 }}>
          <FactGrid>
            <RecordField label={t('app.invoice.kind')}>{kindLabel(invoice.kind)}</RecordField>
            <RecordField label={t('app.invoice.issued')}>{invoice.issuedAt ? <RelativeTime date={invoice.issuedAt} /> : t('app.invoice.not_yet')}</RecordField>
            <RecordField label={t('app.invoice.due')}>
              <DueDate date={invoice.dueAt} late={isOverdue(invoice)} settled={!isOwed(invoice)} />
            </RecordField>
            <RecordField label={t('app.invoice.total')}>{money(invoice.totalMinor)}</RecordField>
            <RecordField label={t('app.invoice.paid')}>{money(invoice.paidMinor)}</RecordField>
            {invoice.creditedMinor > 0 && <RecordField label={t('app.invoice.credited')}>{money(invoice.creditedMinor)}</RecordField>}
            {invoice.refundedMinor > 0 && <RecordField label={t('app.invoice.refunded')}>{money(invoice.refundedMinor)}</RecordField>}
            {/* Paid beyond the total (a payment after it was settled): what finance is to refund. */}
            {balanceOf(invoice) < 0 ? (
              <RecordField label={t('app.invoice.overpaid')}>{money(-balanceOf(invoice), true)}</RecordField>
            ) : (
              <RecordField label={t('app.invoice.balance')}>{money(balanceOf(invoice), true)}</RecordField>
            )}
            {invoice.lateFeeAt && (
              <RecordField label={t('app.invoice.late_fee_added')}>
                <RelativeTime date={invoice.lateFeeAt} />
              </RecordField>
            )}
          </FactGrid>
        </Box>
        {/* A deposit has no lines: its total, above, says it all. */}
        {invoice.lines.length > 0 && (
          <Part title={t('app.invoice.lines')}>
            <InvoiceLines invoice={invoice} />
          </Part>
        )}
        <Part title={t('app.invoice.payments')}>
          <Payments invoice={invoice} />
        </Part>
        {invoice.creditNotes.length > 0 && (
          <Part title={t('app.invoice.credit_notes')}>
            <CreditNotes invoice={invoice} />
          </Part>
        )}
        {invoice.refunds.length > 0 && (
          <Part title={t('app.invoice.refunds')}>
            <Refunds invoice={invoice} />
          </Part>
        )}
      </Stack>
    </SectionCard>
  );
};
