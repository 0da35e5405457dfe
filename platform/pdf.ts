// The house style of the documents we generate (pdf-lib: pure JavaScript), shared by the invoice
// (api/billing/invoice-pdf.ts) and the account review report (activities/retention/report-pdf.ts):
// A4 with 50 pt margins, Helvetica, dark ink with muted labels, text written top down from a
// cursor that starts a new page at the bottom margin.
import { StandardFonts, rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

export const A4: [number, number] = [595, 842];
export const MARGIN = 50;
export const RIGHT = A4[0] - MARGIN;
export const INK = rgb(0.1, 0.1, 0.1);
export const MUTED = rgb(0.4, 0.4, 0.4);

/** A day as the documents show it (UTC), or a dash for none. */
export const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '—');

/**
 * The standard fonts cover WinAnsi only: a character outside it (a name in another script, an
 * emoji) is shown as "?" rather than failing the whole document.
 */
export const printable = (font: PDFFont, text: string) =>
  [...text].map((ch) => {
    try {
      font.encodeText(ch);
      return ch;
    } catch {
      return '?';
    }
  }).join('');

export type TextOptions = { size?: number; bold?: boolean; x?: number; right?: boolean; muted?: boolean; maxWidth?: number };

/**
 * A writer over `doc`: `text` at the cursor (left at `x`, or ending at `x` with `right`; cut to
 * `maxWidth` with an ellipsis rather than run into the next column), `down` to move the cursor
 * (a new page past the bottom margin), `rule` for a thin line just above the cursor.
 */
export async function pdfWriter(doc: PDFDocument) {
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;

  const text = (s: string, opts: TextOptions = {}) => {
    const f = opts.bold ? bold : font;
    const size = opts.size ?? 10;
    let shown = printable(f, s);
    if (opts.maxWidth) while (shown.length > 1 && f.widthOfTextAtSize(shown, size) > opts.maxWidth) shown = `${shown.slice(0, -2)}…`;
    const width = f.widthOfTextAtSize(shown, size);
    page.drawText(shown, { x: opts.right ? (opts.x ?? RIGHT) - width : (opts.x ?? MARGIN), y, size, font: f, color: opts.muted ? MUTED : INK });
  };
  const down = (by: number) => {
    y -= by;
    if (y < MARGIN + 40) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN;
    }
  };
  /** A thin line from `from` to `to`, `above` points above the cursor. */
  const rule = (from = MARGIN, to = RIGHT, above = 0) => page.drawLine({ start: { x: from, y: y + above }, end: { x: to, y: y + above }, thickness: 0.5, color: MUTED });

  return { font, bold, text, down, rule };
}
