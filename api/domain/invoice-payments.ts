// Paying an invoice through its signed link, in full or in part, and refunds into the ledger.
// A payment is a Payment row first (keyed by the caller's Idempotency-Key), then an intent at the
// provider keyed by that row: a repeated request pays once. The payment itself is confirmed by the
// provider's event (Stripe's webhook, or at once by the local provider), which the invoice's
// billing journey takes and records.
import type { Client } from '@temporalio/client';
import type Stripe from 'stripe';
import type { PaymentProvider } from '../../activities/providers/payments';
import { appendEvent } from '../../platform/audit';
import type { Config } from '../../platform/config';
import { isUniqueViolation, type Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { AppError } from '../errors';
import { linkOf } from './links';
import { confirmLocalPayment } from './local-providers';

type Deps = { db: Db; temporal: Client; config: Config; log: Logger };

export async function invoiceForLink(deps: Deps, token: string) {
  const { journeyId, subject } = linkOf(deps.config, token, 'invoice-payment');
  const invoice = await deps.db.invoice.findUnique({
    where: { id: subject },
    include: { lines: { orderBy: { position: 'asc' } }, customer: true, payments: { orderBy: { createdAt: 'asc' } }, refunds: true },
  });
  if (!invoice || invoice.journeyId !== journeyId) throw new AppError('not_found', 'This link is not valid');
  return invoice;
}

export async function payInvoice(deps: Deps & { payments: PaymentProvider }, token: string, opts: { amountMinor?: number; requestKey: string }) {
  const invoice = await invoiceForLink(deps, token);
  // The caller's key is theirs: scoped to this invoice, it cannot meet another customer's.
  const requestKey = `${invoice.id}:${opts.requestKey}`;
  const earlier = await deps.db.payment.findUnique({ where: { requestKey } });
  if (earlier) return { paymentId: earlier.id, providerPaymentId: earlier.providerPaymentId, amountMinor: earlier.amountMinor, currency: earlier.currency, repeated: true };
  // What is due, less payments under way: two open tabs cannot pay the same balance twice.
  const pending = invoice.payments.filter((p) => p.status === 'PENDING' && p.provider === 'local').reduce((s, p) => s + p.amountMinor, 0);
  const due = invoice.totalMinor - invoice.paidMinor - pending;
  if (invoice.status === 'PAID' || due <= 0) throw new AppError('conflict', `Invoice ${invoice.number} has nothing left to pay`);
  const amountMinor = opts.amountMinor ?? due;
  if (amountMinor > due) {
    throw new AppError('validation_failed', 'The amount is more than is due', { fields: [{ field: 'amountMinor', message: `At most ${due}` }] });
  }
  const provider = deps.payments;
  const row = await deps.db.payment
    .create({ data: { journeyId: invoice.journeyId, invoiceId: invoice.id, provider: provider.name, amountMinor, currency: invoice.currency, requestKey } })
    .catch(async (err: unknown) => {
      if (isUniqueViolation(err)) throw new AppError('conflict', 'This payment is already under way');
      throw err;
    });
  const intent = await provider.createIntent({
    journeyId: invoice.journeyId,
    invoiceId: invoice.id,
    amountMinor,
    currency: invoice.currency,
    description: `Invoice ${invoice.number}`,
    idempotencyKey: `payment:${row.id}`,
  });
  await deps.db.payment.update({ where: { id: row.id }, data: { providerPaymentId: intent.providerPaymentId } });
  if (provider.name === 'local') await confirmLocalPayment(deps, { ...row, providerPaymentId: intent.providerPaymentId });
  return { paymentId: row.id, providerPaymentId: intent.providerPaymentId, amountMinor, currency: invoice.currency, repeated: false };
}

/**
 * A Stripe refund (`refund.created`) in the ledger: once per refund id, against the payment of its
 * intent. A refund returns money already received; it does not make the invoice due again.
 */
export async function recordRefund(
  deps: Pick<Deps, 'db' | 'log'>,
  refund: Stripe.Refund,
): Promise<{ outcome: 'recorded' | 'duplicate' | 'unmatched'; journeyId?: string }> {
  const intentId = typeof refund.payment_intent === 'string' ? refund.payment_intent : refund.payment_intent?.id;
  const payment = intentId ? await deps.db.payment.findUnique({ where: { providerPaymentId: intentId } }) : null;
  if (!payment?.invoiceId) {
    deps.log.warn({ refundId: refund.id, intentId }, 'refund for no known payment');
    return { outcome: 'unmatched' };
  }
  return deps.db.$transaction(async (tx) => {
    const { count } = await tx.refund.createMany({
      data: [{ invoiceId: payment.invoiceId!, paymentId: payment.id, provider: 'stripe', providerRefundId: refund.id, amountMinor: refund.amount, currency: payment.currency, reason: refund.reason }],
      skipDuplicates: true,
    });
    if (!count) return { outcome: 'duplicate' as const, journeyId: payment.journeyId };
    const invoice = await tx.invoice.update({ where: { id: payment.invoiceId! }, data: { refundedMinor: { increment: refund.amount } } });
    const refunded = await tx.refund.aggregate({ where: { paymentId: payment.id }, _sum: { amountMinor: true } });
    if ((refunded._sum.amountMinor ?? 0) >= payment.amountMinor) await tx.payment.update({ where: { id: payment.id }, data: { status: 'REFUNDED' } });
    await appendEvent(tx, {
      journeyId: invoice.journeyId,
      key: `refund:${refund.id}`,
      type: 'refund_recorded',
      data: { invoiceId: invoice.id, number: invoice.number, amountMinor: refund.amount, refundedMinor: invoice.refundedMinor, providerRefundId: refund.id },
    });
    return { outcome: 'recorded' as const, journeyId: payment.journeyId };
  });
}
