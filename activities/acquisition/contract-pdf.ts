// The contract document, generated from the approved quote (pdf-lib: pure JavaScript). One page
// of terms a person can read; the signer's tab is anchored on the "/sig1/" marker (DocuSign).
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { printable } from '../../platform/pdf';
import { formatMoney } from '../../workflows/runtime/money';

export type ContractTerms = {
  contractId: string;
  companyName: string;
  contactName: string;
  quote: {
    version: number;
    currency: string;
    summary: string | null;
    totalMinor: number;
    depositPercent: number;
    lineItems: Array<{ description: string; quantity: number; unitPriceMinor: number; totalMinor: number }>;
  };
  depositMinor: number;
  date: string;
};

export async function contractPdf(t: ContractTerms): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Services agreement with ${t.companyName}`);
  const page = doc.addPage([595, 842]); // A4
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const money = (minor: number) => formatMoney(minor, t.quote.currency);
  let y = 790;
  const line = (text: string, opts: { size?: number; bold?: boolean; x?: number } = {}) => {
    // A name in another script (or an emoji) is shown as "?", rather than failing the contract, and the journey with it.
    const f = opts.bold ? bold : font;
    page.drawText(printable(f, text), { x: opts.x ?? 50, y, size: opts.size ?? 11, font: f, color: rgb(0.1, 0.1, 0.1) });
    y -= (opts.size ?? 11) + 8;
  };
  line('Services agreement', { size: 20, bold: true });
  line(`Between Pivotal Flow and ${t.companyName}, represented by ${t.contactName}. Dated ${t.date}.`);
  line(`Contract ${t.contractId}, from proposal version ${t.quote.version}.`, { size: 9 });
  y -= 10;
  line('Scope and deliverables', { bold: true });
  if (t.quote.summary) line(t.quote.summary.slice(0, 110));
  for (const l of t.quote.lineItems) line(`${l.description}: ${l.quantity} × ${money(l.unitPriceMinor)} = ${money(l.totalMinor)}`, { x: 60 });
  line(`Total: ${money(t.quote.totalMinor)}`, { bold: true });
  y -= 10;
  line('Payment schedule', { bold: true });
  line(`Deposit of ${t.quote.depositPercent}% (${money(t.depositMinor)}) on signature; the balance as milestones are accepted.`, { x: 60 });
  y -= 10;
  line('Terms', { bold: true });
  for (const term of [
    'Changes to scope follow the change-order process: priced, approved by both parties, then done.',
    'Intellectual property in the deliverables passes to the client on payment in full.',
    'Both parties keep the other\'s confidential information confidential.',
    'Either party may end this agreement with 30 days\' written notice; work done is paid for.',
  ]) line(`• ${term}`, { x: 60, size: 10 });
  y -= 30;
  line(`Signed for ${t.companyName}:`, { bold: true });
  line('/sig1/', { size: 8 });
  return new Uint8Array(await doc.save());
}
