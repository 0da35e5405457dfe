// The customer's side of the local e-signature and payment providers (used when DocuSign or
// Stripe are not configured): signing or paying on our own page produces the same external
// event a provider would send, through the same path (stored once, then signalled).
import type { Client } from '@temporalio/client';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { AppError } from '../errors';
import { receiveExternalEvent } from '../domain/external-events';
import { linkOf } from '../domain/links';

type Deps = { db: Db; temporal: Client; config: Config; log: Logger };

export async function contractForLink(deps: Deps, token: string) {
  const { journeyId, subject } = linkOf(deps.config, token, 'contract-signature');
  const contract = await deps.db.contract.findUnique({ where: { envelopeId: subject }, include: { quote: { include: { customer: true } } } });
  if (!contract || contract.journeyId !== journeyId) throw new AppError('not_found', 'This link is not valid');
  return contract;
}

export async function signLocally(deps: Deps, token: string, decision: 'sign' | 'decline', reason?: string) {
  const contract = await contractForLink(deps, token);
  if (contract.provider !== 'local') throw new AppError('conflict', 'This contract is signed through DocuSign');
  const type = decision === 'sign' ? 'envelope-completed' : 'envelope-declined';
  // "Sign" pressed twice: the second press, however late, is the same signature, not a conflict.
  if (contract.status === (decision === 'sign' ? 'SIGNED' : 'DECLINED')) return 'duplicate' as const;
  if (contract.status !== 'SENT') throw new AppError('conflict', `This contract is already ${contract.status.toLowerCase()}`);
  return receiveExternalEvent(deps, {
    source: 'local-esign',
    eventId: `${contract.envelopeId}:${type}`,
    type,
    objectId: contract.envelopeId!,
    journeyId: contract.journeyId,
    data: reason ? { reason } : undefined,
    payload: { decision, reason: reason ?? null },
  });
}

export async function depositForLink(deps: Deps, token: string) {
  const { journeyId, subject } = linkOf(deps.config, token, 'deposit-payment');
  const payment = await deps.db.payment.findUnique({ where: { providerPaymentId: subject }, include: { invoice: true } });
  if (!payment || payment.journeyId !== journeyId) throw new AppError('not_found', 'This link is not valid');
  return payment;
}

export async function payLocally(deps: Deps, token: string) {
  const payment = await depositForLink(deps, token);
  if (payment.provider !== 'local') throw new AppError('conflict', 'This payment is collected through Stripe');
  if (payment.status === 'SUCCEEDED') return 'duplicate' as const; // "Pay" pressed twice pays once
  if (payment.status !== 'PENDING') throw new AppError('conflict', `This payment is already ${payment.status.toLowerCase()}`);
  return confirmLocalPayment(deps, { ...payment, providerPaymentId: payment.providerPaymentId! });
}

/** The local provider has no card to charge: paying is confirming, as Stripe's event would. */
export function confirmLocalPayment(
  deps: Deps,
  p: { providerPaymentId: string; journeyId: string; invoiceId: string | null; amountMinor: number; currency: string },
) {
  return receiveExternalEvent(deps, {
    source: 'local-payments',
    eventId: `${p.providerPaymentId}:succeeded`,
    type: 'payment_intent.succeeded',
    objectId: p.providerPaymentId,
    journeyId: p.journeyId,
    data: { invoiceId: p.invoiceId, amountMinor: p.amountMinor },
    payload: { amountMinor: p.amountMinor, currency: p.currency },
  });
}
