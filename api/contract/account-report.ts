// A quarterly or annual review's report as the API answers it (GET /api/account-reports/:id), and
// its figures as activities/retention/report.ts works them out (ReportFigures is this schema's
// type, so the two cannot disagree). Pure zod, like records.ts: the admin UI may import it.
import { z } from 'zod';

export const REPORT_KINDS = ['quarterly-review', 'annual-review'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

const date = z.iso.datetime({ offset: true });
const count = z.int().min(0);
/** A share from 0 to 1 (to four decimals); null when there was nothing to share out. */
const ratio = z.number().min(0).max(1).nullable();

/** Money in one currency, in its minor units: currencies are never summed together. */
export const currencyFigures = z
  .object({
    currency: z.string().length(3),
    /** Invoices issued in the period: their totals. */
    invoicedMinor: z.int(),
    /** Payments received in the period (refunds not deducted, as an invoice's paidMinor). */
    paidMinor: z.int(),
    /** At the period's end: what the invoices issued by then still owed. */
    outstandingMinor: z.int(),
  })
  .meta({ id: 'CurrencyFigures' });

export const reportFigures = z
  .object({
    /** The period, from (inclusive) to (exclusive). */
    periodStart: date,
    periodEnd: date,
    projects: z.object({
      /** Kicked off before the period's end and not signed off before its start. */
      active: count,
      /** Signed off (the customer's final acceptance) in the period. */
      completed: count,
      milestonesAccepted: count,
    }),
    tickets: z.object({
      /** Raised in the period, spam left out. */
      opened: count,
      /** Closed in the period, spam and duplicates left out. */
      resolved: count,
      /** Of those, the ones no SLA clock breached. */
      resolvedWithinSla: count,
      /** resolvedWithinSla / resolved; null when none was resolved. */
      slaAttainment: ratio,
      /** The 1-5 ratings of the tickets closed in the period: their average (two decimals) and how many. */
      csatAverage: z.number().min(1).max(5).nullable(),
      csatCount: count,
    }),
    /** The latest NPS answer (0-10) of a review due in the period, or null. */
    nps: z.int().min(0).max(10).nullable(),
    invoices: z.object({
      /** At the period's end: invoices past their due date with something still owed. */
      overdue: count,
      /** Per currency, by currency code. */
      byCurrency: z.array(currencyFigures),
    }),
  })
  .meta({ id: 'ReportFigures' });
export type ReportFigures = z.infer<typeof reportFigures>;
export type CurrencyFigures = z.infer<typeof currencyFigures>;

/** What a report keeps: the period's figures, and the previous period's of the same length beside them. */
export const accountReportFigures = z.object({ current: reportFigures, previous: reportFigures }).meta({ id: 'AccountReportFigures' });
export type AccountReportFigures = z.infer<typeof accountReportFigures>;

export const accountReport = z
  .looseObject({
    id: z.uuid(),
    customerId: z.uuid(),
    /** The retention journey it was made for. */
    journeyId: z.string(),
    kind: z.enum(REPORT_KINDS),
    periodStart: date,
    periodEnd: date,
    figures: accountReportFigures,
    /** The account owner who approved it; null until it is sent. */
    approvedBy: z.uuid().nullable(),
    /** When it was emailed to the customer. */
    sentAt: date.nullable(),
    createdAt: date,
    customer: z.object({ companyName: z.string(), contactName: z.string() }),
  })
  .meta({ id: 'AccountReport' });
