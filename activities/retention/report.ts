// The quarterly and annual review's report (issue 13): figures from the customer's own records for
// the review's period, beside the previous period of the same length (quarter over quarter, year
// over year), kept as an AccountReport for the review task; sent to the customer, with a signed
// link to it as a PDF (report-pdf.ts), once the account owner approves it.
//
// The figures, for a period from `periodStart` (inclusive) to `periodEnd` (exclusive):
// - Projects active: kicked off before the period's end, not signed off before its start, not
//   cancelled (those completed in it count too). Completed: signed off (the customer's final
//   acceptance) in it. Milestones accepted in it.
// - Tickets opened in it (spam left out); resolved: closed in it, spam and duplicates left out, as
//   the support analytics count them; resolved within SLA: of those, the ones no SLA clock breached;
//   the attainment is their share (null when none was resolved). CSAT: the 1-5 ratings of tickets
//   closed in it (ratings have no date of their own), their average to two decimals and count.
// - NPS: the latest answer on a review due in the period.
// - Per currency, never summed across currencies, in minor units: invoiced (the totals of invoices
//   issued in it, drafts and void ones left out), paid (payments received in it, refunds not
//   deducted, as Invoice.paidMinor counts them), outstanding at its end (what the invoices issued
//   by then still owed after the payments received and the credit notes issued by then); overdue
//   at its end: those invoices
//   past their due date with something owed.
//
// Both activities are idempotent: a report is keyed by (customer, kind, period end), and its email
// by the report, so a retried activity writes one row and sends one email.
import { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';
import type { AccountReportFigures, CurrencyFigures, ReportFigures, ReportKind } from '../../api/contract/account-report';
import { REPORT_KINDS } from '../../api/contract/account-report';
import { appendEvent } from '../../platform/audit';
import type { Config } from '../../platform/config';
import { createLinkToken } from '../../platform/customer-links';
import type { Db } from '../../platform/db';
import type { Prisma } from '../../prisma/generated/client';
import { letter, type TemplatesOf } from '../runtime/email-templates';

export type { AccountReportFigures, CurrencyFigures, ReportFigures, ReportKind };

/** The customer's link to their report keeps working this long from the email that carries it. */
export const REPORT_LINK_DAYS = 365;
const DAY = 24 * 60 * 60 * 1000;

/** A share to four decimals (as the analytics give theirs), null of nothing. */
const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);

/** The figures of `customerId` for the period from `periodStart` (inclusive) to `periodEnd` (exclusive): see the file's header. */
export async function reportFigures(db: Db | Prisma.TransactionClient, customerId: string, periodStart: Date, periodEnd: Date): Promise<ReportFigures> {
  const inPeriod = { gte: periodStart, lt: periodEnd };
  const [activeProjects, completedProjects, milestonesAccepted, opened, resolved, ratings, nps, invoices] = await Promise.all([
    db.project.count({ where: { customerId, status: { not: 'CANCELLED' }, kickoffAt: { lt: periodEnd }, OR: [{ signedOffAt: null }, { signedOffAt: { gte: periodStart } }] } }),
    db.project.count({ where: { customerId, status: { not: 'CANCELLED' }, signedOffAt: inPeriod } }),
    db.milestone.count({ where: { project: { customerId }, acceptedAt: inPeriod } }),
    // closeReason is null while a ticket is open: `not: 'spam'` alone would leave those out.
    db.supportTicket.count({ where: { customerId, createdAt: inPeriod, OR: [{ closeReason: null }, { closeReason: { not: 'spam' } }] } }),
    db.supportTicket.findMany({ where: { customerId, closedAt: inPeriod, closeReason: { notIn: ['spam', 'duplicate'] } }, select: { breaches: true } }),
    db.supportTicket.aggregate({
      where: { customerId, closedAt: inPeriod, satisfaction: { not: null }, closeReason: { not: 'spam' } },
      _avg: { satisfaction: true },
      _count: { satisfaction: true },
    }),
    db.checkIn.findFirst({ where: { customerId, dueAt: inPeriod, nps: { not: null } }, orderBy: { dueAt: 'desc' }, select: { nps: true } }),
    // Every invoice issued by the period's end (one never marked issued counts from its creation),
    // with the payments received and the credit notes issued by then.
    db.invoice.findMany({
      where: { customerId, status: { notIn: ['DRAFT', 'VOID'] }, OR: [{ issuedAt: { lt: periodEnd } }, { issuedAt: null, createdAt: { lt: periodEnd } }] },
      select: {
        currency: true,
        totalMinor: true,
        issuedAt: true,
        createdAt: true,
        dueAt: true,
        payments: { where: { status: { in: ['SUCCEEDED', 'REFUNDED'] }, paidAt: { lt: periodEnd } }, select: { amountMinor: true, paidAt: true } },
        creditNotes: { where: { issuedAt: { lt: periodEnd } }, select: { amountMinor: true } },
      },
    }),
  ]);

  const byCurrency = new Map<string, CurrencyFigures>();
  let overdue = 0;
  for (const invoice of invoices) {
    const line = byCurrency.get(invoice.currency) ?? { currency: invoice.currency, invoicedMinor: 0, paidMinor: 0, outstandingMinor: 0 };
    byCurrency.set(invoice.currency, line);
    if ((invoice.issuedAt ?? invoice.createdAt) >= periodStart) line.invoicedMinor += invoice.totalMinor;
    const received = invoice.payments.reduce((sum, p) => sum + p.amountMinor, 0);
    line.paidMinor += invoice.payments.filter((p) => p.paidAt! >= periodStart).reduce((sum, p) => sum + p.amountMinor, 0);
    const credited = invoice.creditNotes.reduce((sum, n) => sum + n.amountMinor, 0);
    // An overpayment is the customer's money to refund, not a credit against another invoice.
    const owed = Math.max(invoice.totalMinor - received - credited, 0);
    line.outstandingMinor += owed;
    if (owed > 0 && invoice.dueAt && invoice.dueAt < periodEnd) overdue++;
  }
  const resolvedWithinSla = resolved.filter((t) => t.breaches === 0).length;
  const csatAverage = ratings._avg.satisfaction;
  return {
    periodStart: periodStart.toISOString(),
    periodEnd: periodEnd.toISOString(),
    projects: { active: activeProjects, completed: completedProjects, milestonesAccepted },
    tickets: {
      opened,
      resolved: resolved.length,
      resolvedWithinSla,
      slaAttainment: share(resolvedWithinSla, resolved.length),
      csatAverage: csatAverage === null ? null : Math.round(csatAverage * 100) / 100,
      csatCount: ratings._count.satisfaction,
    },
    nps: nps?.nps ?? null,
    invoices: {
      overdue,
      // Currencies with nothing in the period and nothing owed at its end are left out.
      byCurrency: [...byCurrency.values()].filter((c) => c.invoicedMinor || c.paidMinor || c.outstandingMinor).sort((a, b) => a.currency.localeCompare(b.currency)),
    },
  };
}

const isoInstant = z.iso.datetime({ offset: true });
/** Any UUID PostgreSQL stores (ids are v4, but a row's id is not refused over its version). */
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Must be a UUID');

export const prepareReportInput = z
  .object({
    journeyId: z.string().min(1).max(300),
    customerId: uuid,
    kind: z.enum(REPORT_KINDS),
    /** ISO instants: the period is from periodStart (inclusive) to periodEnd (exclusive). */
    periodStart: isoInstant,
    periodEnd: isoInstant,
  })
  .strict()
  .refine((i) => Date.parse(i.periodStart) < Date.parse(i.periodEnd), { path: ['periodEnd'], message: 'Must be after periodStart' });
export type PrepareReportInput = z.input<typeof prepareReportInput>;

export const sendReportInput = z
  .object({
    reportId: uuid,
    /** The user who approved it (the account owner, or a manager). */
    approvedBy: uuid,
    /** The journey's key for this send (the approval), kept on the audit trail. */
    key: z.string().min(1).max(300),
  })
  .strict();
export type SendReportInput = z.input<typeof sendReportInput>;

/** The report as sent: when (the first send's time however often it is asked), and the email's status. */
export type SentReport = { reportId: string; sentAt: string; email: 'SENT' | 'OUTBOX' };

/** An activity's input is the journey's own making: one that does not parse is a bug no retry mends. */
function parseInput<S extends z.ZodType>(schema: S, input: unknown, activity: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ');
  throw ApplicationFailure.nonRetryable(`${activity}: invalid input (${fields})`, 'InvalidActivityInput');
}

export type ReportEmails = {
  /** `from` and `to` are days (YYYY-MM-DD); `url` the customer's link to the PDF. */
  'account-report': { contactName: string; kind: ReportKind; from: string; to: string; url: string };
};

const reviewName = (kind: ReportKind) => (kind === 'annual-review' ? 'annual review' : 'quarterly review');

// The subject is the company's words and the period's dates only (activities/runtime/email-templates.ts).
export const reportEmails: TemplatesOf<ReportEmails> = {
  'account-report': (d) => ({
    subject: `Your ${reviewName(d.kind)} report: ${d.from} to ${d.to}`,
    text: letter(d.contactName, [
      `Your ${reviewName(d.kind)} report for ${d.from} to ${d.to} is ready: your projects and milestones, your support requests and how we answered them, your satisfaction scores, and your invoices and payments, each beside the period before. Read it (a PDF) here:`,
      d.url,
      'We look forward to talking it through with you.',
    ]),
  }),
};

/**
 * The mail activity (activities/runtime/email.ts `sendEmail`) as this file uses it: typed here, not
 * from the registry, whose templates include this file's (the types would go round in a circle).
 */
type SendReportEmail = (input: { key: string; journeyId?: string; to: string; template: 'account-report'; data: ReportEmails['account-report'] }) => Promise<{ status: 'SENT' | 'OUTBOX' }>;

/** `sendEmail`: the mail activity, which the registry gives every kind's activities. */
export function createReportActivities({ db, config, sendEmail }: { db: Db; config: Config; sendEmail: SendReportEmail }) {
  return {
    /**
     * The review's report: this period's figures and the previous period's of the same length,
     * written once per customer, kind and period end (a retry, or the same review asked again
     * before it was sent, refreshes the figures; once sent they stay as the customer got them).
     */
    async prepareReport(input: PrepareReportInput): Promise<{ reportId: string }> {
      const i = parseInput(prepareReportInput, input, 'prepareReport');
      const start = new Date(i.periodStart);
      const end = new Date(i.periodEnd);
      const before = new Date(start.getTime() - (end.getTime() - start.getTime()));
      const [current, previous] = await Promise.all([reportFigures(db, i.customerId, start, end), reportFigures(db, i.customerId, before, start)]);
      const figures: AccountReportFigures = { current, previous };
      const unique = { customerId: i.customerId, kind: i.kind, periodEnd: end };
      return db.$transaction(async (tx) => {
        await tx.accountReport.createMany({ data: [{ ...unique, journeyId: i.journeyId, periodStart: start, figures }], skipDuplicates: true });
        await tx.accountReport.updateMany({ where: { ...unique, sentAt: null }, data: { figures } });
        const report = await tx.accountReport.findUniqueOrThrow({ where: { customerId_kind_periodEnd: unique }, select: { id: true, journeyId: true } });
        await appendEvent(tx, {
          journeyId: report.journeyId,
          key: `account-report:${report.id}:prepared`,
          type: 'account_report_prepared',
          data: { reportId: report.id, kind: i.kind, periodStart: i.periodStart, periodEnd: i.periodEnd },
        });
        return { reportId: report.id };
      });
    },

    /**
     * The owner approved the report: it is marked approved (by the first approver) and emailed to
     * the customer with a signed link to its PDF. Sent once, whatever the key or however often it
     * is asked (the email is keyed by the report); sentAt is the first send's.
     */
    async sendReport(input: SendReportInput): Promise<SentReport> {
      const i = parseInput(sendReportInput, input, 'sendReport');
      const report = await db.accountReport.findUniqueOrThrow({ where: { id: i.reportId }, include: { customer: { select: { email: true, contactName: true } } } });
      await db.accountReport.updateMany({ where: { id: report.id, approvedBy: null }, data: { approvedBy: i.approvedBy } });
      const token = createLinkToken(config.auth.secret, { purpose: 'account-report', journeyId: report.journeyId, subject: report.id, exp: Date.now() + REPORT_LINK_DAYS * DAY });
      const email = await sendEmail({
        key: `account-report:${report.id}`,
        journeyId: report.journeyId,
        to: report.customer.email,
        template: 'account-report',
        data: {
          contactName: report.customer.contactName,
          kind: report.kind as ReportKind,
          from: report.periodStart.toISOString().slice(0, 10),
          to: report.periodEnd.toISOString().slice(0, 10),
          url: `${config.http.publicUrl}/customer/account-reports/${token}`,
        },
      });
      const sentAt = await db.$transaction(async (tx) => {
        const now = new Date();
        const { count } = await tx.accountReport.updateMany({ where: { id: report.id, sentAt: null }, data: { sentAt: now } });
        if (count) {
          await appendEvent(tx, {
            journeyId: report.journeyId,
            key: `account-report:${report.id}:sent`,
            type: 'account_report_sent',
            actor: i.approvedBy,
            data: { reportId: report.id, kind: report.kind, periodEnd: report.periodEnd.toISOString(), key: i.key },
            at: now,
          });
        }
        return (await tx.accountReport.findUniqueOrThrow({ where: { id: report.id }, select: { sentAt: true } })).sentAt!;
      });
      return { reportId: report.id, sentAt: sentAt.toISOString(), email: email.status };
    },
  };
}

export type ReportActivities = ReturnType<typeof createReportActivities>;
