// A credit note as a PDF (pdf-lib, the house style of platform/pdf.ts): its number, the invoice it
// is against, the amount taken off and why, and the invoice's balance as it stands now.
import { PDFDocument } from 'pdf-lib';
import type { CreditNote, Customer, Invoice } from '../../prisma/generated/client';
import { day, pdfWriter, printable } from '../../platform/pdf';
import { balanceDue } from '../../workflows/billing/billing-math';
import { formatMoney } from '../../workflows/runtime/money';

export type CreditNoteForPdf = CreditNote & { invoice: Invoice & { customer: Customer } };

export async function creditNotePdf(note: CreditNoteForPdf): Promise<Uint8Array> {
  const { invoice } = note;
  const doc = await PDFDocument.create();
  doc.setTitle(`Credit note ${note.number}`);
  doc.setAuthor('Pivotal Flow');
  const { font, text, down, rule } = await pdfWriter(doc);
  const money = (minor: number) => printable(font, formatMoney(minor, note.currency));

  text('Credit note', { size: 22, bold: true });
  text(note.number, { size: 12, bold: true, right: true });
  down(30);
  text('Pivotal Flow', { bold: true });
  text(`Issued ${day(note.issuedAt)}`, { right: true });
  down(14);
  text(`Against invoice ${invoice.number}`, { right: true, bold: true });
  down(28);
  text('Credited to', { muted: true, size: 9 });
  down(14);
  for (const line of [invoice.customer.companyName, invoice.customer.contactName, invoice.customer.email]) {
    text(line, { maxWidth: 300 });
    down(14);
  }
  down(16);
  text('Reason', { bold: true, size: 9 });
  text(`Amount (${note.currency})`, { bold: true, size: 9, right: true });
  down(6);
  rule();
  down(14);
  text(note.reason.replace(/\s+/g, ' '), { maxWidth: 380 });
  text(money(note.amountMinor), { right: true, bold: true });
  down(30);
  const due = balanceDue(invoice);
  text(`Invoice ${invoice.number}: total ${money(invoice.totalMinor)}, paid ${money(invoice.paidMinor)}, credited ${money(invoice.creditedMinor)}.`, { muted: true, maxWidth: 495 });
  down(14);
  text(due > 0 ? `${money(due)} remains to pay on it.` : 'Nothing remains to pay on it.', { muted: true });
  return doc.save();
}
