// A payment that arrived after its invoice's journey ended, or one that paid it beyond its total:
// the money is real, so it goes into the ledger on its invoice (above the total, it is an
// overpayment), and finance gets a task to refund it or to keep it (say, a cancelled invoice the
// customer paid after all).
import { proxyActivities } from '@temporalio/workflow';
import type { BillingActivities } from '../../activities/billing/invoices';
import type { JourneyResult, LatePaymentInput } from '../runtime/definitions';
import { JourneyRuntime, recordActivityOptions } from '../runtime/journey';
import { billingStages } from './stages';
import { formatMoney } from '../runtime/money';

const billing = proxyActivities<BillingActivities>(recordActivityOptions);

const DAY = 24 * 60 * 60 * 1000;

export async function latePaymentJourney(input: LatePaymentInput): Promise<JourneyResult> {
  const journey = new JourneyRuntime(input.journeyId, billingStages);
  return journey.run(async () => {
    const { payment } = input;
    const invoice = await billing.openLatePayment({ journeyId: input.journeyId, customerId: input.customerId, invoiceId: input.invoiceId, at: new Date().toISOString() });
    const amountMinor = Number(payment.data?.amountMinor);
    const paid = await billing.recordPayment({
      invoiceId: input.invoiceId,
      providerPaymentId: payment.objectId,
      provider: payment.source,
      eventId: payment.eventId,
      amountMinor,
      at: new Date().toISOString(),
    });
    const money = (minor: number) => formatMoney(minor, invoice.currency);
    const overpaidMinor = Math.max(-paid.balanceMinor, 0);
    await journey.enterStage('late-payment');
    const review = await journey.humanTask({
      type: 'review-late-payment',
      // All of it beyond what was owed (paid after the invoice was settled), or some of it (a credit note came between).
      title: overpaidMinor > 0 && overpaidMinor < amountMinor ? `Refund or keep ${money(overpaidMinor)} overpaid on invoice ${invoice.number}` : `Refund or keep ${money(amountMinor)} paid late on invoice ${invoice.number}`,
      role: 'finance',
      dueInMs: 5 * DAY,
      input: { invoiceId: input.invoiceId, number: invoice.number, providerPaymentId: payment.objectId, amountMinor, overpaidMinor, currency: invoice.currency, endedJourneyId: input.endedJourneyId },
    });
    return journey.end('COMPLETED', `Late payment of ${money(amountMinor)} on invoice ${invoice.number} ${review.outcome}`);
  });
}
