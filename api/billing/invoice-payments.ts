// Paying an invoice through its signed link, in full or in part, and refunds into the ledger.
// A payment is a Payment row first (keyed by the caller's Idempotency-Key), then an intent at the
// provider keyed by that row: a repeated request pays once. The payment itself is confirmed by the
// provider's event (Stripe's webhook, or at once by the local provider), which the invoice's
// billing journey takes and records.
import type { Client } from '@temporalio/client';
import { lockPayment, settleRefundedPayment } from '../../activities/billing/payment-ledger';
import type { PaymentProvider } from '../../platform/providers/payments';
import { appendEvent } from '../../platform/audit';
import type { Config } from '../../platform/config';
import { isUniqueViolation, type Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import type { Payment, RefundStatus } from '../../prisma/generated/client';
import { AppError } from '../errors';
import { formatMoney } from '../../workflows/runtime/money';
import { balanceDue } from '../../workflows/billing/billing-math';
import { linkOf } from '../domain/links';
import { confirmLocalPayment } from '../acquisition/local-providers';

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
  const nothingDue = () => new AppError('conflict', `Invoice ${invoice.number} has nothing left to pay`);
  // Said in money (the page shows it beside what the customer typed), with the figure in minor units for API callers.
  const tooMuch = (due: number) =>
    new AppError('validation_failed', 'The amount is more than is due', {
      fields: [{ field: 'amountMinor', message: `That is more than the ${formatMoney(due, invoice.currency)} left to pay: pay at most that (${due} in minor units)` }],
      dueMinor: due,
    });
  const unpaid = balanceDue(invoice);
  if (invoice.status === 'PAID' || unpaid <= 0) throw nothingDue();
  if (opts.amountMinor !== undefined && opts.amountMinor > unpaid) throw tooMuch(unpaid);
  const provider = deps.payments;
  // The newest request for the balance replaces the intents still open from earlier ones (another
  // tab, an abandoned page): they are cancelled at the provider before a new one is made, so the
  // same balance is never open to be paid twice. One that can no longer be cancelled (paid, or
  // being paid) counts against what is due.
  await cancelOpenIntents(deps, provider, invoice.payments);
  const row = await deps.db.$transaction(async (tx) => {
    // Requests for one invoice take turns here: each sees the payments the one before it made.
    await tx.$queryRaw`SELECT id FROM "Invoice" WHERE id = ${invoice.id}::uuid FOR UPDATE`;
    const current = await tx.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: { payments: { where: { status: 'PENDING' } } } });
    const due = balanceDue(current) - current.payments.reduce((s, p) => s + p.amountMinor, 0);
    if (current.status === 'PAID' || due <= 0) throw nothingDue();
    const amountMinor = opts.amountMinor ?? due;
    if (amountMinor > due) throw tooMuch(due);
    return tx.payment.create({ data: { journeyId: invoice.journeyId, invoiceId: invoice.id, provider: provider.name, amountMinor, currency: invoice.currency, requestKey } });
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw new AppError('conflict', 'This payment is already under way');
    throw err;
  });
  const intent = await provider.createIntent({
    journeyId: invoice.journeyId,
    invoiceId: invoice.id,
    amountMinor: row.amountMinor,
    currency: invoice.currency,
    description: `Invoice ${invoice.number}`,
    idempotencyKey: `payment:${row.id}`,
  });
  await deps.db.payment.update({ where: { id: row.id }, data: { providerPaymentId: intent.providerPaymentId } });
  if (provider.name === 'local') await confirmLocalPayment(deps, { ...row, providerPaymentId: intent.providerPaymentId });
  return { paymentId: row.id, providerPaymentId: intent.providerPaymentId, amountMinor: row.amountMinor, currency: invoice.currency, repeated: false };
}

async function cancelOpenIntents(deps: Pick<Deps, 'db'>, provider: PaymentProvider, payments: Payment[]) {
  for (const p of payments) {
    if (p.status !== 'PENDING' || !p.providerPaymentId || p.provider !== provider.name) continue;
    if (await provider.cancelIntent(p.providerPaymentId)) {
      await deps.db.payment.updateMany({ where: { id: p.id, status: 'PENDING' }, data: { status: 'CANCELED' } });
    }
  }
}

const REFUND_STATUS = { pending: 'PENDING', requires_action: 'REQUIRES_ACTION', succeeded: 'SUCCEEDED', failed: 'FAILED', canceled: 'CANCELED' } as const;
export type ProviderRefund = {
  id: string;
  amount: number;
  currency: string;
  status: keyof typeof REFUND_STATUS;
  paymentIntentId?: string;
  reason?: string | null;
};

/**
 * Whether a refund's status may change from `from` to `to`. Failed and cancelled are final; a
 * succeeded refund can still fail (the bank returns it); a pending one may become anything. So an
 * older event delivered late (a `refund.created` that said pending) never undoes a newer one.
 */
function refundMoves(from: RefundStatus, to: RefundStatus): boolean {
  if (from === to || from === 'FAILED' || from === 'CANCELED') return false;
  return from !== 'SUCCEEDED' || to === 'FAILED';
}

const REFUND_EVENT_TYPE: Record<RefundStatus, string> = {
  PENDING: 'refund_pending',
  REQUIRES_ACTION: 'refund_pending',
  SUCCEEDED: 'refund_recorded',
  FAILED: 'refund_failed',
  CANCELED: 'refund_failed',
};

export type RefundOutcome = { outcome: 'recorded' | 'duplicate' | 'unmatched'; journeyId?: string; refused?: string };

/**
 * A provider refund (Stripe's `refund.created`, `refund.updated`, `refund.failed`) in the ledger,
 * against the payment of its intent. Its status is followed: only a succeeded refund counts in
 * `Invoice.refundedMinor` (and makes a fully refunded payment REFUNDED); one that fails later
 * stops counting. A refund returns money already received; it does not make the invoice due again.
 */
export async function followRefund(deps: Pick<Deps, 'db' | 'log'>, refund: ProviderRefund): Promise<RefundOutcome> {
  const payment = refund.paymentIntentId ? await deps.db.payment.findUnique({ where: { providerPaymentId: refund.paymentIntentId } }) : null;
  if (!payment?.invoiceId) {
    deps.log.warn({ refundId: refund.id, intentId: refund.paymentIntentId }, 'refund for no known payment');
    return { outcome: 'unmatched' };
  }
  const { journeyId, invoiceId } = payment;
  if (refund.currency.toUpperCase() !== payment.currency) {
    return { outcome: 'unmatched', journeyId, refused: `The refund is in ${refund.currency.toUpperCase()}; its payment was in ${payment.currency}` };
  }
  const status = REFUND_STATUS[refund.status];
  return deps.db.$transaction(async (tx) => {
    await lockPayment(tx, refund.paymentIntentId!);
    const before = await tx.refund.findUnique({ where: { providerRefundId: refund.id } });
    if (before && !refundMoves(before.status, status)) return { outcome: 'duplicate' as const, journeyId };
    if (before) await tx.refund.update({ where: { id: before.id }, data: { status } });
    else {
      await tx.refund.create({
        data: { invoiceId, paymentId: payment.id, provider: payment.provider, providerRefundId: refund.id, amountMinor: refund.amount, currency: payment.currency, reason: refund.reason, status },
      });
    }
    const counted = (s?: RefundStatus) => (s === 'SUCCEEDED' ? refund.amount : 0);
    const invoice = await tx.invoice.update({ where: { id: invoiceId }, data: { refundedMinor: { increment: counted(status) - counted(before?.status) } } });
    await settleRefundedPayment(tx, payment.id);
    await appendEvent(tx, {
      journeyId: invoice.journeyId,
      key: `refund:${refund.id}:${status}`,
      type: REFUND_EVENT_TYPE[status],
      data: { invoiceId, number: invoice.number, amountMinor: refund.amount, status, refundedMinor: invoice.refundedMinor, providerRefundId: refund.id },
    });
    return { outcome: 'recorded' as const, journeyId };
  });
}
