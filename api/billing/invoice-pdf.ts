// An invoice as a PDF (pdf-lib: pure JavaScript): what the customer was billed, line by line, with
// tax, what has been paid and refunded, and what is still due, every amount in the invoice's
// currency with its decimals. Made on request from the rows, so it is always the invoice as it
// stands (a late fee added, a payment received, a credit note issued).
import { PDFDocument } from 'pdf-lib';
import type { CreditNote, Customer, Invoice, InvoiceLine, Payment } from '../../prisma/generated/client';
import { day, pdfWriter, printable, RIGHT } from '../../platform/pdf';
import { balanceDue } from '../../workflows/billing/billing-math';
import { formatMoney } from '../../workflows/runtime/money';

export type InvoiceForPdf = Invoice & { customer: Customer; lines: InvoiceLine[]; payments: Payment[]; creditNotes: CreditNote[] };

export async function invoicePdf(invoice: InvoiceForPdf): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Invoice ${invoice.number}`);
  doc.setAuthor('Pivotal Flow');
  const { font, text, down, rule } = await pdfWriter(doc);
  const money = (minor: number) => printable(font, formatMoney(minor, invoice.currency));
  const row = (label: string, amount: string, opts: { bold?: boolean } = {}) => {
    text(label, { x: 330, bold: opts.bold });
    text(amount, { right: true, bold: opts.bold });
    down(16);
  };

  text('Invoice', { size: 22, bold: true });
  text(invoice.number, { size: 12, bold: true, right: true });
  down(30);
  text('Pivotal Flow', { bold: true });
  text(`Issued ${day(invoice.issuedAt)}`, { right: true });
  down(14);
  text(`Due ${day(invoice.dueAt)}`, { right: true, bold: true });
  down(28);
  text('Bill to', { muted: true, size: 9 });
  down(14);
  text(invoice.customer.companyName, { bold: true, maxWidth: 300 });
  down(14);
  text(invoice.customer.contactName, { maxWidth: 300 });
  down(14);
  text(invoice.customer.email, { maxWidth: 300 });
  down(30);

  text('Description', { bold: true, size: 9 });
  text(`Amount (${invoice.currency})`, { bold: true, size: 9, right: true });
  down(6);
  rule();
  down(14);
  for (const line of [...invoice.lines].sort((a, b) => a.position - b.position)) {
    text(line.description, { maxWidth: 380 });
    text(money(line.amountMinor), { right: true });
    down(16);
  }
  rule(330, RIGHT, 8);
  down(6);
  row('Subtotal', money(invoice.subtotalMinor));
  if (invoice.taxMinor || invoice.taxRateBps) row(`Tax (${(invoice.taxRateBps / 100).toFixed(2).replace(/\.?0+$/, '')}%)`, money(invoice.taxMinor));
  row('Total', money(invoice.totalMinor), { bold: true });
  const received = invoice.payments.filter((p) => p.status === 'SUCCEEDED' || p.status === 'REFUNDED');
  if (invoice.paidMinor) row('Paid', `-${money(invoice.paidMinor)}`);
  if (invoice.creditedMinor) row('Credited', `-${money(invoice.creditedMinor)}`);
  // What is due is the total less what was paid and credited; refunds give back an overpayment, not the debt.
  const due = balanceDue(invoice);
  row(due > 0 ? 'Balance due' : 'Balance', money(Math.max(due, 0)), { bold: true });
  if (due < 0) row('Paid over the total', money(-due));
  if (invoice.refundedMinor) row('Refunded to you', money(invoice.refundedMinor));
  down(14);

  if (received.length) {
    text('Payments received', { bold: true, size: 9 });
    down(14);
    for (const p of received) {
      text(`${day(p.paidAt)}  ${p.provider}`, { muted: true, size: 9, maxWidth: 380 });
      text(money(p.amountMinor), { right: true, size: 9 });
      down(13);
    }
    down(10);
  }
  if (invoice.creditNotes.length) {
    text('Credit notes', { bold: true, size: 9 });
    down(14);
    for (const n of [...invoice.creditNotes].sort((a, b) => a.sequence - b.sequence)) {
      text(`${day(n.issuedAt)}  ${n.number}: ${n.reason.replace(/\s+/g, ' ')}`, { muted: true, size: 9, maxWidth: 380 });
      text(money(n.amountMinor), { right: true, size: 9 });
      down(13);
    }
    down(10);
  }
  text(due > 0 ? `Please pay ${money(due)} by ${day(invoice.dueAt)}, quoting ${invoice.number}.` : invoice.creditedMinor ? 'Settled. Thank you.' : 'Paid in full. Thank you.', { muted: true });
  return doc.save();
}
