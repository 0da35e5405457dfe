// Rules of the payments ledger shared by the billing journey's activities (a payment received)
// and the API's refund webhook (a refund followed): whichever event about a payment comes first,
// the other sees it, because both work under the payment's row lock.
import type { Prisma } from '../../prisma/generated/client';

/** Locks the payment's row (if it exists) until the transaction ends: its events take turns. */
export async function lockPayment(tx: Prisma.TransactionClient, providerPaymentId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Payment" WHERE "providerPaymentId" = ${providerPaymentId} FOR UPDATE`;
}

/**
 * A received payment is REFUNDED while its succeeded refunds cover it, SUCCEEDED otherwise (a
 * refund that failed later gives it back). A payment not received yet keeps its status: its
 * refunds are applied when it is recorded.
 */
export async function settleRefundedPayment(tx: Prisma.TransactionClient, paymentId: string): Promise<void> {
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId } });
  if (payment.status !== 'SUCCEEDED' && payment.status !== 'REFUNDED') return;
  const refunded = await tx.refund.aggregate({ where: { paymentId, status: 'SUCCEEDED' }, _sum: { amountMinor: true } });
  const status = (refunded._sum.amountMinor ?? 0) >= payment.amountMinor ? 'REFUNDED' : 'SUCCEEDED';
  if (status !== payment.status) await tx.payment.update({ where: { id: paymentId }, data: { status } });
}
