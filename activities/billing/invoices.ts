// Billing's records (seed 000 journey 3): an invoice from the payment schedule — a milestone (or,
// billed at completion, every milestone) with its change orders and time, less its share of the
// deposit, plus tax by the customer's location — then payments in any number of parts, a late fee
// per the terms, and refunds in the ledger. Money is integer minor units (workflows/billing/billing-math.ts).
import { appendEvent } from '../../platform/audit';
import type { Config } from '../../platform/config';
import { createLinkToken } from '../../platform/customer-links';
import type { Db } from '../../platform/db';
import type { Prisma } from '../../prisma/generated/client';
import { allocate, balanceDue, invoiceTotals, lateFee, timeAmount, type InvoiceLineInput } from '../../workflows/billing/billing-math';
import { journeyIdParts } from '../../workflows/runtime/definitions';
import { formatMoney } from '../../workflows/runtime/money';
import { lockPayment, settleRefundedPayment } from './payment-ledger';
import { refreshCustomerFacts } from '../runtime/customer-facts';

const DAY = 86_400_000;
/** An invoice's payment link outlives its due date by this much: late payers can still pay. */
const LINK_GRACE_DAYS = 365;

/** Finance's request to send an owed invoice again, or a reminder now; `key` is the request's. */
export type InvoiceNoticeInput = { invoiceId: string; notice: 'invoice' | 'reminder'; key: string; requestedBy: string; at: string };

export type IssuedInvoice = {
  invoiceId: string;
  number: string;
  currency: string;
  totalMinor: number;
  balanceMinor: number;
  dueAt: string;
  payUrl: string;
  customer: { email: string; contactName: string };
  /** When reminders go out (overdue: after the due date) and when the late fee is added. */
  schedule: { reminders: Array<{ at: string; overdue: boolean }>; lateFeeAt: string };
};

/** The customer's tax rate: their region's row, else their country's, else none. */
async function taxRateFor(tx: Prisma.TransactionClient, customer: { country: string | null; region: string | null }): Promise<number> {
  if (!customer.country) return 0;
  const rates = await tx.taxRate.findMany({ where: { country: customer.country, region: { in: [customer.region ?? '', ''] } } });
  return (rates.find((r) => r.region !== '') ?? rates[0])?.rateBps ?? 0;
}

const hm = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

/** The invoice's lines for `milestoneIds`: the work, its change orders and time, less the deposit's share. */
async function invoiceLines(tx: Prisma.TransactionClient, project: { id: string; journeyId: string }, milestoneIds: string[], currency: string) {
  const all = await tx.milestone.findMany({ where: { projectId: project.id }, orderBy: { position: 'asc' } });
  // The deposits were invoiced by the acquisition journey that won the project.
  const deposits = await tx.invoice.findMany({ where: { journeyId: project.journeyId, kind: 'deposit' } });
  const depositPaid = deposits.reduce((sum, d) => sum + d.paidMinor - d.refundedMinor, 0);
  // The deposit is credited across the milestones in proportion to their amounts.
  const credits = allocate(depositPaid, all.map((m) => m.amountMinor));
  const lines: InvoiceLineInput[] = [];
  const covered = all.filter((m) => milestoneIds.includes(m.id));
  for (const m of covered) {
    if (m.amountMinor > 0) lines.push({ kind: 'milestone', description: `Milestone ${m.position}: ${m.title}`, amountMinor: m.amountMinor });
  }
  const changes = await tx.changeRequest.findMany({ where: { milestoneId: { in: milestoneIds }, status: 'APPROVED', invoiceId: null }, orderBy: { number: 'asc' } });
  for (const c of changes) lines.push({ kind: 'change-order', description: `Change request #${c.number}: ${c.title}`, amountMinor: c.costMinor });
  const time = await timeLines(tx, { milestoneId: { in: milestoneIds } }, currency);
  lines.push(...time.lines);
  const credit = covered.reduce((sum, m) => sum + credits[all.indexOf(m)]!, 0);
  if (credit > 0) lines.push({ kind: 'deposit-credit', description: `Deposit applied (${deposits.map((d) => d.number).join(', ')})`, amountMinor: -credit });
  return { lines, changeIds: changes.map((c) => c.id), timeIds: time.ids, covered };
}

/** A line per unbilled time entry of `where`, oldest first. */
async function timeLines(tx: Prisma.TransactionClient, where: Prisma.TimeEntryWhereInput, currency: string) {
  const time = await tx.timeEntry.findMany({ where: { ...where, invoiceId: null }, orderBy: [{ date: 'asc' }, { createdAt: 'asc' }] });
  const lines: InvoiceLineInput[] = time.map((t) => ({
    kind: 'time',
    description: `Time ${t.date.toISOString().slice(0, 10)}: ${t.description} (${hm(t.minutes)} h at ${formatMoney(t.rateMinor, currency)}/h)`,
    amountMinor: timeAmount(t.minutes, t.rateMinor),
  }));
  return { lines, ids: time.map((t) => t.id) };
}

/** What an invoice bills: its project's milestone(s) with their change orders and time, or a support ticket's time. */
async function invoiceContent(tx: Prisma.TransactionClient, project: { id: string; journeyId: string; deliveryJourneyId: string | null }, i: { milestoneId?: string; ticketId?: string }, currency: string) {
  if (i.ticketId) {
    const ticket = await tx.supportTicket.findUniqueOrThrow({ where: { id: i.ticketId } });
    const time = await timeLines(tx, { ticketId: ticket.id }, currency);
    return { kind: 'support', lines: time.lines, changeIds: [], timeIds: time.ids, parentJourneyId: ticket.journeyId };
  }
  const milestoneIds = i.milestoneId ? [i.milestoneId] : (await tx.milestone.findMany({ where: { projectId: project.id, invoice: null } })).map((m) => m.id);
  return { kind: i.milestoneId ? 'milestone' : 'final', ...(await invoiceLines(tx, project, milestoneIds, currency)), parentJourneyId: project.deliveryJourneyId };
}

export function createBillingActivities({ db, config }: { db: Db; config: Config }) {
  const payUrl = (journeyId: string, invoiceId: string, dueAt: Date) =>
    `${config.http.publicUrl}/customer/invoices/${createLinkToken(config.auth.secret, { purpose: 'invoice-payment', journeyId, subject: invoiceId, exp: dueAt.getTime() + LINK_GRACE_DAYS * DAY })}`;

  return {
    /**
     * What an invoice sent again (or a reminder sent now, at finance's request) says, from the
     * invoice as it stands (with a fresh pay link), recorded on its journey's trail once per request.
     */
    async prepareInvoiceNotice(n: InvoiceNoticeInput) {
      const invoice = await db.invoice.findUniqueOrThrow({ where: { id: n.invoiceId }, include: { customer: true } });
      const money = (minor: number) => formatMoney(minor, invoice.currency);
      const dueAt = invoice.dueAt ?? new Date(n.at);
      await appendEvent(db, {
        journeyId: invoice.journeyId,
        key: `invoice:${invoice.id}:notice:${n.key}`,
        type: n.notice === 'invoice' ? 'invoice_sent_again' : 'invoice_reminder_sent',
        actor: n.requestedBy,
        data: { invoiceId: invoice.id, number: invoice.number, balanceMinor: balanceDue(invoice), currency: invoice.currency },
      });
      return {
        journeyId: invoice.journeyId,
        to: invoice.customer.email,
        mail: {
          contactName: invoice.customer.contactName,
          number: invoice.number,
          total: money(invoice.totalMinor),
          balance: money(balanceDue(invoice)),
          url: payUrl(invoice.journeyId, invoice.id, dueAt),
          dueAt: dueAt.toISOString(),
          overdue: dueAt.getTime() < Date.parse(n.at),
        },
      };
    },

    /**
     * Issues the invoice (once: its number is derived from the billing journey) and the journey row
     * (its parent: the project's delivery, or the support ticket's journey whose time it bills).
     */
    async issueInvoice(i: { journeyId: string; projectId: string; milestoneId?: string; ticketId?: string; at: string }): Promise<IssuedInvoice> {
      const { customerId, sequence } = journeyIdParts(i.journeyId);
      const number = `INV-${customerId.slice(0, 8).toUpperCase()}-${sequence.replace('.', '-').toUpperCase()}`;
      const issuedAt = new Date(i.at);
      const dueAt = new Date(issuedAt.getTime() + config.billing.termsDays * DAY);
      await db.$transaction(async (tx) => {
        if (await tx.invoice.findUnique({ where: { number } })) return;
        const project = await tx.project.findUniqueOrThrow({ where: { id: i.projectId }, include: { customer: true, quote: true } });
        const { kind, lines, changeIds, timeIds, parentJourneyId } = await invoiceContent(tx, project, i, project.quote.currency);
        await tx.journey.createMany({
          data: [{ id: i.journeyId, kind: 'billing', customerId: project.customerId, parentJourneyId, stage: 'invoiced', stageSince: issuedAt, startedAt: issuedAt }],
          skipDuplicates: true,
        });
        const taxRateBps = await taxRateFor(tx, project.customer);
        const totals = invoiceTotals(lines, taxRateBps);
        const invoice = await tx.invoice.create({
          data: {
            number,
            kind,
            journeyId: i.journeyId,
            customerId: project.customerId,
            projectId: i.projectId,
            milestoneId: i.milestoneId,
            ticketId: i.ticketId,
            // Nothing to pay (a milestone of no charge): settled as issued.
            status: totals.totalMinor > 0 ? 'OPEN' : 'PAID',
            currency: project.quote.currency,
            subtotalMinor: totals.subtotalMinor,
            taxMinor: totals.taxMinor,
            taxRateBps,
            totalMinor: totals.totalMinor,
            issuedAt,
            dueAt,
            lines: { create: lines.map((l, n) => ({ position: n + 1, ...l })) },
          },
        });
        await tx.changeRequest.updateMany({ where: { id: { in: changeIds } }, data: { invoiceId: invoice.id } });
        await tx.timeEntry.updateMany({ where: { id: { in: timeIds } }, data: { invoiceId: invoice.id } });
        await appendEvent(tx, { journeyId: i.journeyId, key: `invoice:${invoice.id}:issued`, type: 'invoice_issued', data: { invoiceId: invoice.id, number, totalMinor: totals.totalMinor, currency: invoice.currency } });
        if (parentJourneyId) {
          await appendEvent(tx, { journeyId: parentJourneyId, key: `invoice:${invoice.id}:issued:parent`, type: 'invoice_issued', data: { invoiceId: invoice.id, number, totalMinor: totals.totalMinor, currency: invoice.currency, billingJourneyId: i.journeyId } });
        }
        await refreshCustomerFacts(tx, project.customerId);
      });
      const invoice = await db.invoice.findUniqueOrThrow({ where: { number }, include: { customer: true } });
      const due = invoice.dueAt!.getTime();
      const { reminderDays, lateFeeAfterDays } = config.billing;
      return {
        invoiceId: invoice.id,
        number,
        currency: invoice.currency,
        totalMinor: invoice.totalMinor,
        balanceMinor: balanceDue(invoice),
        dueAt: invoice.dueAt!.toISOString(),
        payUrl: payUrl(i.journeyId, invoice.id, invoice.dueAt!),
        customer: { email: invoice.customer.email, contactName: invoice.customer.contactName },
        schedule: {
          reminders: reminderDays.map((d) => ({ at: new Date(due + d * DAY).toISOString(), overdue: d > 0 })),
          lateFeeAt: new Date(due + lateFeeAfterDays * DAY).toISOString(),
        },
      };
    },

    /**
     * A confirmed payment, once per provider payment: what was received, and what remains
     * (negative: paid beyond the total, an overpayment for finance to refund).
     */
    async recordPayment(p: { invoiceId: string; providerPaymentId: string; provider: string; eventId: string; amountMinor: number; at: string }) {
      return db.$transaction(async (tx) => {
        await lockPayment(tx, p.providerPaymentId);
        const existing = await tx.payment.findUnique({ where: { providerPaymentId: p.providerPaymentId } });
        if (existing?.status === 'SUCCEEDED' || existing?.status === 'REFUNDED') {
          const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: p.invoiceId } });
          return { recorded: false, balanceMinor: balanceDue(invoice) };
        }
        const paidAt = new Date(p.at);
        const before = await tx.invoice.findUniqueOrThrow({ where: { id: p.invoiceId } });
        const payment = await tx.payment.upsert({
          where: { providerPaymentId: p.providerPaymentId },
          create: { journeyId: before.journeyId, invoiceId: before.id, provider: p.provider, providerPaymentId: p.providerPaymentId, amountMinor: p.amountMinor, currency: before.currency, status: 'SUCCEEDED', eventId: p.eventId, paidAt },
          update: { amountMinor: p.amountMinor, status: 'SUCCEEDED', eventId: p.eventId, paidAt },
        });
        // A refund that came before this payment's own event counts now.
        await settleRefundedPayment(tx, payment.id);
        // Incremented, not read and rewritten: two payments recorded at once both count.
        const invoice = await tx.invoice.update({ where: { id: before.id }, data: { paidMinor: { increment: p.amountMinor } } });
        // Credit notes count: a payment of what was left after a credit settles it.
        const paidInFull = balanceDue(invoice) <= 0;
        await tx.invoice.update({ where: { id: invoice.id }, data: { status: paidInFull ? 'PAID' : 'PARTIALLY_PAID', ...(paidInFull && !invoice.paidAt && { paidAt }) } });
        const overpaidMinor = Math.max(-balanceDue(invoice), 0);
        await appendEvent(tx, {
          journeyId: invoice.journeyId,
          key: `invoice:${invoice.id}:payment:${p.providerPaymentId}`,
          type: 'payment_received',
          data: { invoiceId: invoice.id, number: invoice.number, currency: invoice.currency, amountMinor: p.amountMinor, paidMinor: invoice.paidMinor, providerPaymentId: p.providerPaymentId, eventId: p.eventId, ...(overpaidMinor && { overpaidMinor }) },
        });
        return { recorded: true, balanceMinor: balanceDue(invoice) };
      });
    },

    /**
     * The row of a late-payment journey (workflows/billing/late-payment.ts), once; the invoice it is
     * about. Its parent is the invoice's journey: the ended one the payment came too late for.
     */
    async openLatePayment(i: { journeyId: string; customerId: string; invoiceId: string; at: string }) {
      const at = new Date(i.at);
      const invoice = await db.invoice.findUniqueOrThrow({ where: { id: i.invoiceId } });
      await db.$transaction(async (tx) => {
        await tx.journey.createMany({
          data: [{ id: i.journeyId, kind: 'billing', customerId: i.customerId, parentJourneyId: invoice.journeyId, stage: 'late-payment', stageSince: at, startedAt: at }],
          skipDuplicates: true,
        });
        await refreshCustomerFacts(tx, i.customerId);
      });
      return { number: invoice.number, currency: invoice.currency };
    },

    /**
     * A credit note finance issued (api/billing/credit-notes.ts wrote it and took it off the
     * invoice's balance, under the invoice's lock), taken by the invoice's journey: recorded on the
     * trail once, and what remains to pay with the note's figures for the customer's email.
     */
    async applyCreditNote({ creditNoteId, at }: { creditNoteId: string; at: string }) {
      return db.$transaction(async (tx) => {
        const note = await tx.creditNote.findUniqueOrThrow({ where: { id: creditNoteId }, include: { invoice: true } });
        const { invoice } = note;
        if (!note.appliedAt) {
          await tx.creditNote.update({ where: { id: note.id }, data: { appliedAt: new Date(at) } });
          await appendEvent(tx, {
            journeyId: invoice.journeyId,
            key: `invoice:${invoice.id}:credit-note:${note.id}:applied`,
            type: 'credit_note_applied',
            data: { invoiceId: invoice.id, number: invoice.number, creditNote: note.number, amountMinor: note.amountMinor, currency: invoice.currency, creditedMinor: invoice.creditedMinor, balanceMinor: balanceDue(invoice) },
          });
        }
        return { number: note.number, amountMinor: note.amountMinor, reason: note.reason, balanceMinor: balanceDue(invoice) };
      });
    },

    /** The late fee on what is still owed, once per invoice (a line of its own, untaxed). */
    async applyLateFee({ invoiceId, at }: { invoiceId: string; at: string }) {
      return db.$transaction(async (tx) => {
        const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: { lines: true } });
        const outstanding = balanceDue(invoice);
        const feeMinor = lateFee(outstanding, config.billing.lateFeeBps);
        if (invoice.lateFeeAt || feeMinor === 0) return { feeMinor: 0, totalMinor: invoice.totalMinor, balanceMinor: outstanding };
        const totalMinor = invoice.totalMinor + feeMinor;
        await tx.invoiceLine.create({
          data: { invoiceId, position: invoice.lines.length + 1, kind: 'late-fee', description: `Late fee (${config.billing.lateFeeBps / 100}% of ${formatMoney(outstanding, invoice.currency)} overdue)`, amountMinor: feeMinor },
        });
        await tx.invoice.update({ where: { id: invoiceId }, data: { totalMinor, lateFeeAt: new Date(at) } });
        await appendEvent(tx, { journeyId: invoice.journeyId, key: `invoice:${invoiceId}:late-fee`, type: 'late_fee_added', data: { invoiceId, number: invoice.number, currency: invoice.currency, feeMinor } });
        return { feeMinor, totalMinor, balanceMinor: balanceDue({ ...invoice, totalMinor }) };
      });
    },
  };
}

export type BillingActivities = ReturnType<typeof createBillingActivities>;
