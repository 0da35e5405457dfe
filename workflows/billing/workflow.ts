// Seed 000 journey 3 — billing: one invoice (a milestone's, the final one, or a support ticket's
// time) from issue to paid. The invoice goes out with a payment link; payments arrive as provider events (Stripe webhooks, or the local provider's page) in any
// number of parts, each acknowledged with a receipt; reminders go out on the configured schedule
// around the due date, and the late fee per the terms is added once if it is still unpaid then.
// A credit note finance issues (behind the patch `credit-notes`) reaches it as an external event
// too: the balance goes down by it, the customer is told, and one that leaves nothing owed ends
// the journey as paid, so no reminder or late fee follows.
import { ParentClosePolicy, patched, proxyActivities, startChild } from '@temporalio/workflow';
import type { BillingActivities } from '../../activities/billing/invoices';
import type { EmailActivities } from '../../activities/runtime/email';
import { z } from 'zod';
import { CREDIT_NOTE_EVENT, journeyIdParts, latePaymentJourneyId, PAYMENT_EVENTS, type BillingInput, type ExternalEvent, type JourneyResult } from '../runtime/definitions';
import { latePaymentJourney } from './late-payment';
import { JourneyRuntime, mailActivityOptions, recordActivityOptions } from '../runtime/journey';
import { billingStages } from './stages';
import { formatMoney } from '../runtime/money';

const billing = proxyActivities<BillingActivities>(recordActivityOptions);
const mail = proxyActivities<EmailActivities>(mailActivityOptions);

/** What a credit note's event must carry to be taken: the note is then read from PostgreSQL by its id. */
const creditNoteData = z.object({ invoiceId: z.string(), creditNoteId: z.string().min(1), amountMinor: z.number().int().positive() });

export async function billingJourney(input: BillingInput): Promise<JourneyResult> {
  const journey = new JourneyRuntime(input.journeyId, billingStages);
  return journey.run(async () => {
    const invoice = await billing.issueInvoice({ journeyId: input.journeyId, projectId: input.projectId, milestoneId: input.milestoneId, ticketId: input.ticketId, at: new Date().toISOString() });
    await journey.enterStage('invoiced');
    const money = (minor: number) => formatMoney(minor, invoice.currency);
    let total = invoice.totalMinor;
    let balance = invoice.balanceMinor;
    const email = (key: string, template: 'invoice' | 'invoice-reminder' | 'late-fee' | 'receipt' | 'credit-note', extra: object = {}) =>
      mail.sendEmail({
        key: `${input.journeyId}:${key}`,
        journeyId: input.journeyId,
        to: invoice.customer.email,
        template,
        data: { contactName: invoice.customer.contactName, number: invoice.number, total: money(total), balance: money(balance), url: invoice.payUrl, dueAt: invoice.dueAt, ...extra },
      } as Parameters<typeof mail.sendEmail>[0]);
    await email('invoice', 'invoice');

    // Reminders and the late fee, in time order; each fires only while something is still owed.
    const deadlines = [
      ...invoice.schedule.reminders.map((r, n) => ({ at: r.at, fire: () => email(`invoice:reminder:${n + 1}`, 'invoice-reminder', { overdue: r.overdue }) })),
      {
        at: invoice.schedule.lateFeeAt,
        fire: async () => {
          const fee = await billing.applyLateFee({ invoiceId: invoice.invoiceId, at: new Date().toISOString() });
          total = fee.totalMinor;
          balance = fee.balanceMinor;
          if (fee.feeMinor > 0) await email('invoice:late-fee', 'late-fee', { fee: money(fee.feeMinor) });
        },
      },
    ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

    await journey.enterStage('awaiting-payment');
    const isPayment = (e: ExternalEvent) => (PAYMENT_EVENTS as readonly string[]).includes(e.type) && e.data?.invoiceId === invoice.invoiceId;
    // A credit note for this invoice, its data as the API sends it (anything else is passed over).
    // The patch is asked only when one arrives, from the wait's own check: a journey that was already
    // waiting when this code was deployed takes the note at once, not after its next reminder, and
    // histories from before (which hold no such event) never ask it.
    const isCreditNote = (e: ExternalEvent) =>
      e.type === CREDIT_NOTE_EVENT && e.data?.invoiceId === invoice.invoiceId && creditNoteData.safeParse(e.data).success && patched('credit-notes');
    const isBalanceChange = (e: ExternalEvent) => isPayment(e) || isCreditNote(e);
    let credited = 0;
    const applyCreditNote = async (event: ExternalEvent) => {
      const note = await billing.applyCreditNote({ creditNoteId: creditNoteData.parse(event.data).creditNoteId, at: new Date().toISOString() });
      balance = note.balanceMinor;
      credited += note.amountMinor;
      await email(`invoice:credit-note:${note.number}`, 'credit-note', { creditNote: note.number, amount: money(note.amountMinor), reason: note.reason, balance: balance > 0 ? money(balance) : '' });
    };
    let lastPayment: ExternalEvent | undefined;
    let next = 0;
    while (balance > 0) {
      const deadline = deadlines[next];
      const payment = await journey.takeExternal(
        {
          kind: 'payment',
          key: invoice.invoiceId,
          description: `Invoice ${invoice.number}: ${money(balance)} to pay`,
          unblockedBy: 'customer',
          timeoutMs: deadline && Math.max(Date.parse(deadline.at) - Date.now(), 0),
        },
        isBalanceChange,
      );
      if (!payment) {
        await deadline!.fire();
        next++;
        continue;
      }
      if (payment.type === CREDIT_NOTE_EVENT) {
        await applyCreditNote(payment);
        continue;
      }
      lastPayment = payment;
      const paid = await billing.recordPayment({
        invoiceId: invoice.invoiceId,
        providerPaymentId: payment.objectId,
        provider: payment.source,
        eventId: payment.eventId,
        amountMinor: Number(payment.data?.amountMinor),
        at: new Date().toISOString(),
      });
      balance = paid.balanceMinor;
      if (paid.recorded) {
        await email(`invoice:receipt:${payment.objectId}`, 'receipt', { amount: money(Number(payment.data?.amountMinor)), balance: balance > 0 ? money(balance) : '' });
      }
    }
    // Paid beyond the total: a credit note issued while the customer paid the balance they had been
    // shown (taken off before the payment, or come with it and applied here), or a payment larger
    // than the balance. What was paid over is owed back; finance decides, as for a payment after paid.
    let overpaidBy: ExternalEvent | undefined;
    if (lastPayment && patched('overpaid-to-finance')) {
      for (let note = journey.takeReceived(isCreditNote); note; note = journey.takeReceived(isCreditNote)) await applyCreditNote(note);
      if (balance < 0) overpaidBy = lastPayment;
    }
    await journey.enterStage('paid');
    const result = await journey.end('COMPLETED', credited ? `Invoice ${invoice.number} settled: ${money(total)}, ${money(credited)} of it by credit notes` : `Invoice ${invoice.number} paid: ${money(total)}`);
    // A payment that came once nothing was owed (a second tab, a retried charge) is real money. It
    // goes where any payment after its invoice's journey goes: a late-payment journey records it
    // as an overpayment and asks finance to refund or keep it. Taken up to this journey's very last
    // workflow task (a signal arriving during it makes Temporal run another), so none is dropped.
    const toFinance = async (payment: ExternalEvent) => {
      const lateId = latePaymentJourneyId(input.journeyId, payment.objectId);
      await startChild(latePaymentJourney, {
        workflowId: lateId,
        args: [{ journeyId: lateId, customerId: journeyIdParts(input.journeyId).customerId, endedJourneyId: input.journeyId, invoiceId: invoice.invoiceId, payment }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    };
    if (overpaidBy) await toFinance(overpaidBy);
    if (patched('payments-after-paid-to-finance')) {
      for (let late = journey.takeReceived(isPayment); late; late = journey.takeReceived(isPayment)) await toFinance(late);
    }
    return result;
  });
}
