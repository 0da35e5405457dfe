// A payment received outside the providers (a bank transfer), recorded by finance: it reaches the
// invoice's journey as the same payment event a provider sends, through the same path (stored
// once, then signalled), so the ledger, the receipt and the journey's next step are the ones a card
// payment gets. Its reference (the bank's, or the remittance advice's) keys it: recorded twice, it
// counts once.
import { z } from 'zod';
import { appendEvent } from '../../platform/audit';
import { text } from '../../workflows/runtime/storable-text';
import { formatMoney } from '../../workflows/runtime/money';
import { balanceDue } from '../../workflows/billing/billing-math';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { receiveExternalEvent } from '../domain/external-events';
import type { ApiDeps } from '../app';

/** The provider a payment shows, as Stripe's show `stripe`. */
const SOURCE = 'bank-transfer';

export const bankTransferBody = z
  .object({
    amountMinor: z.number().int('Must be a whole number of minor units').min(1, 'Must be more than nothing').max(1_000_000_000),
    reference: text(100).meta({ description: "The transfer's reference: the bank's, or the remittance advice's. Recorded twice, it counts once." }),
    receivedOn: z.iso
      .date()
      .refine((d) => Date.parse(d) <= Date.now(), 'Must not be in the future')
      .optional()
      .meta({ description: 'The day the money arrived (default: today).' }),
  })
  .strict();

export type BankTransfer = z.infer<typeof bankTransferBody>;

export async function recordBankTransfer(deps: Pick<ApiDeps, 'db' | 'temporal' | 'config' | 'log'>, invoiceId: string, t: BankTransfer, recordedBy: string) {
  const invoice = isUuid(invoiceId) ? await deps.db.invoice.findUnique({ where: { id: invoiceId } }) : null;
  if (!invoice) throw new AppError('not_found', `No invoice ${invoiceId}`);
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  const providerPaymentId = `bank:${invoice.number}:${t.reference}`;
  const earlier = await deps.db.externalEvent.findUnique({ where: { source_eventId: { source: SOURCE, eventId: providerPaymentId } } });
  if (earlier) {
    const amount = Number((earlier.data as { amountMinor?: unknown } | null)?.amountMinor);
    if (amount !== t.amountMinor) throw new AppError('conflict', `The transfer ${t.reference} was recorded for ${money(amount)}`);
    return { status: 'duplicate' as const, providerPaymentId, balanceMinor: balanceDue(invoice) };
  }
  const due = balanceDue(invoice);
  // A deposit's acquisition waits for the payment its link started, by that payment's id: money
  // recorded here would never reach it (a false success), so it is refused, not taken.
  if (invoice.kind === 'deposit') throw new AppError('conflict', `Invoice ${invoice.number} is a deposit: it is paid through its payment link, which the acquisition waits for`);
  if (invoice.status === 'VOID' || invoice.status === 'DRAFT') throw new AppError('conflict', `Invoice ${invoice.number} is ${invoice.status.toLowerCase()}: nothing is owed on it`);
  if (due <= 0) throw new AppError('conflict', `Invoice ${invoice.number} has nothing left to pay`);
  if (t.amountMinor > due) {
    throw new AppError('validation_failed', 'The amount is more than is due', {
      fields: [{ field: 'amountMinor', message: `That is more than the ${money(due)} left to pay: record at most that (${due} in minor units), and refund the rest` }],
    });
  }
  const receivedOn = t.receivedOn ?? new Date().toISOString().slice(0, 10);
  await appendEvent(deps.db, {
    journeyId: invoice.journeyId,
    key: `invoice:${invoice.id}:bank-transfer:${t.reference}`,
    type: 'bank_transfer_recorded',
    actor: recordedBy,
    data: { invoiceId: invoice.id, number: invoice.number, amountMinor: t.amountMinor, currency: invoice.currency, reference: t.reference, receivedOn },
  });
  const receipt = await receiveExternalEvent(deps, {
    source: SOURCE,
    eventId: providerPaymentId,
    type: 'payment_intent.succeeded',
    objectId: providerPaymentId,
    journeyId: invoice.journeyId,
    data: { invoiceId: invoice.id, amountMinor: t.amountMinor },
    payload: { amountMinor: t.amountMinor, currency: invoice.currency, reference: t.reference, receivedOn, recordedBy },
  });
  if (receipt === 'unmatched') throw new AppError('conflict', `Invoice ${invoice.number}'s journey could not take the payment`);
  return { status: receipt === 'duplicate' ? ('duplicate' as const) : ('recorded' as const), providerPaymentId, balanceMinor: due - t.amountMinor };
}
