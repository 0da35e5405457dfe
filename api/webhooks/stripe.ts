// POST /webhooks/stripe: Stripe's event deliveries. The `Stripe-Signature` header is verified over
// the raw body with the SDK (so the body is read raw, before any JSON parsing); payment intent
// events go to the journey named in the intent's metadata, with the invoice and the amount
// received; refunds go into the ledger (api/domain/invoice-payments.ts) and are recorded too.
import express, { Router } from 'express';
import type Stripe from 'stripe';
import { stripeClient } from '../../activities/providers/payments';
import { AppError } from '../errors';
import { receiveExternalEvent } from '../domain/external-events';
import { recordRefund } from '../domain/invoice-payments';
import type { ApiDeps } from '../app';

export function stripeWebhook(deps: ApiDeps): Router {
  const router = Router();
  const cfg = deps.config.stripe;
  const stripe = cfg && stripeClient(cfg);
  router.post('/stripe', express.raw({ type: '*/*', limit: '1mb' }), async (req, res) => {
    if (!stripe || !cfg?.webhookSecret) throw new AppError('not_found', 'Stripe is not configured');
    const signature = req.header('stripe-signature');
    if (!signature) throw new AppError('validation_failed', 'Missing Stripe-Signature header', { fields: [{ field: 'Stripe-Signature', message: 'Required' }] });
    let event: Stripe.Event;
    try {
      event = stripe.webhooks.constructEvent(req.body as Buffer, signature, cfg.webhookSecret);
    } catch {
      throw new AppError('validation_failed', 'The Stripe-Signature does not match the body', { fields: [{ field: 'Stripe-Signature', message: 'Invalid signature' }] });
    }
    const object = event.data.object as { id?: string; metadata?: Record<string, string>; amount_received?: number };
    const refunded = event.type === 'refund.created' ? await recordRefund(deps, event.data.object) : undefined;
    const receipt = await receiveExternalEvent(deps, {
      source: 'stripe',
      eventId: event.id,
      type: event.type,
      objectId: object.id ?? event.id,
      journeyId: object.metadata?.journeyId || refunded?.journeyId,
      data: event.type.startsWith('payment_intent.') ? { invoiceId: object.metadata?.invoiceId, amountMinor: object.amount_received } : undefined,
      payload: JSON.parse(JSON.stringify(event)),
    });
    res.json({ received: true, receipt, ...(refunded && { refund: refunded.outcome }) });
  });
  return router;
}
