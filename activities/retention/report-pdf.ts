// A review's report as a PDF (pdf-lib, in the invoice's house style: platform/pdf.ts): each figure
// of the period with the previous period's beside it; money per currency in that currency with its
// decimals, never converted or summed across currencies; shares as percentages; "none" where
// there is nothing to show (no ticket resolved, no rating, no NPS answer). Made on request from
// the report's stored figures, so it is what the customer was sent.
import { PDFDocument } from 'pdf-lib';
import type { AccountReportFigures, ReportFigures } from '../../api/contract/account-report';
import { day, pdfWriter, printable, RIGHT } from '../../platform/pdf';
import { formatMoney } from '../../workflows/runtime/money';

export type ReportForPdf = {
  kind: string;
  periodStart: Date;
  periodEnd: Date;
  customer: { companyName: string; contactName: string };
  figures: AccountReportFigures;
};

/** Where the two value columns end (right-aligned). */
const THIS_PERIOD = 410;
const PREVIOUS_PERIOD = RIGHT;
const LABEL_WIDTH = 240;

export const reviewTitle = (kind: string) => (kind === 'annual-review' ? 'Annual review' : 'Quarterly review');

/** 0.6667 → "66.7%", 1 → "100%"; null → "none". */
export const percent = (ratio: number | null) => (ratio === null ? 'none' : `${(ratio * 100).toFixed(1).replace(/\.0$/, '')}%`);

const period = (f: ReportFigures) => `${f.periodStart.slice(0, 10)} to ${f.periodEnd.slice(0, 10)}`;

export async function reportPdf(report: ReportForPdf): Promise<Uint8Array> {
  const { current, previous } = report.figures;
  const title = reviewTitle(report.kind);
  const doc = await PDFDocument.create();
  doc.setTitle(`${title} report, ${day(report.periodStart)} to ${day(report.periodEnd)}`);
  doc.setAuthor('Pivotal Flow');
  const { font, text, down, rule } = await pdfWriter(doc);

  /** A figure: its label, this period's value and the previous period's. */
  const row = (label: string, now: string, before: string) => {
    text(label, { maxWidth: LABEL_WIDTH });
    text(printable(font, now), { x: THIS_PERIOD, right: true });
    text(printable(font, before), { x: PREVIOUS_PERIOD, right: true, muted: true });
    down(16);
  };
  const section = (heading: string) => {
    down(8);
    text(heading, { bold: true, size: 11 });
    down(16);
  };
  const count = (pick: (f: ReportFigures) => number) => [String(pick(current)), String(pick(previous))] as const;

  text(title, { size: 22, bold: true });
  text(`${day(report.periodStart)} to ${day(report.periodEnd)}`, { size: 12, bold: true, right: true });
  down(30);
  text('Pivotal Flow', { bold: true });
  text('Your account in figures, from your own records', { right: true, muted: true });
  down(28);
  text('Prepared for', { muted: true, size: 9 });
  down(14);
  text(report.customer.companyName, { bold: true, maxWidth: 300 });
  down(14);
  text(report.customer.contactName, { maxWidth: 300 });
  down(30);

  text('This period', { bold: true, size: 9, x: THIS_PERIOD, right: true });
  text('Previous period', { bold: true, size: 9, x: PREVIOUS_PERIOD, right: true });
  down(11);
  text(period(current), { size: 8, muted: true, x: THIS_PERIOD, right: true });
  text(period(previous), { size: 8, muted: true, x: PREVIOUS_PERIOD, right: true });
  down(6);
  rule();
  down(6);

  section('Projects');
  row('Projects active', ...count((f) => f.projects.active));
  row('Projects completed', ...count((f) => f.projects.completed));
  row('Milestones accepted', ...count((f) => f.projects.milestonesAccepted));

  section('Support');
  row('Tickets opened', ...count((f) => f.tickets.opened));
  row('Tickets resolved', ...count((f) => f.tickets.resolved));
  row('Resolved within SLA', ...count((f) => f.tickets.resolvedWithinSla));
  row('SLA attainment', percent(current.tickets.slaAttainment), percent(previous.tickets.slaAttainment));

  section('Satisfaction');
  const csat = (f: ReportFigures) => (f.tickets.csatAverage === null ? 'none' : `${f.tickets.csatAverage.toFixed(2)} of 5`);
  row('Ticket ratings (CSAT), average', csat(current), csat(previous));
  row('Ticket ratings', ...count((f) => f.tickets.csatCount));
  const nps = (f: ReportFigures) => (f.nps === null ? 'none' : `${f.nps} of 10`);
  row('Net Promoter Score answer (latest)', nps(current), nps(previous));

  section('Invoices and payments');
  const currencies = [...new Set([...current.invoices.byCurrency, ...previous.invoices.byCurrency].map((c) => c.currency))].sort();
  if (!currencies.length) row('Invoiced', 'none', 'none');
  for (const currency of currencies) {
    const money = (f: ReportFigures, pick: 'invoicedMinor' | 'paidMinor' | 'outstandingMinor') =>
      formatMoney(f.invoices.byCurrency.find((c) => c.currency === currency)?.[pick] ?? 0, currency);
    row(`Invoiced (${currency})`, money(current, 'invoicedMinor'), money(previous, 'invoicedMinor'));
    row(`Paid (${currency})`, money(current, 'paidMinor'), money(previous, 'paidMinor'));
    row(`Outstanding at the end (${currency})`, money(current, 'outstandingMinor'), money(previous, 'outstandingMinor'));
  }
  row('Invoices overdue at the end', ...count((f) => f.invoices.overdue));

  down(16);
  for (const note of [
    'Projects active: kicked off and not yet signed off at some time in the period. Resolved: support tickets closed,',
    'spam and duplicates left out; within SLA: no response or resolution target missed. Ratings are those of tickets',
    'closed in the period. Amounts are in each invoice\'s currency, never converted; paid is what we received in the period.',
  ]) {
    text(note, { size: 8, muted: true });
    down(11);
  }
  return doc.save();
}
