// POST /webhooks/stripe: Stripe's event deliveries. The `Stripe-Signature` header is verified over
// the raw body (so the body is read raw, before any JSON parsing), then the body is validated as an
// event: a signed body that is not one is a 400, never a 500 Stripe would retry for days. Payment
// intent events go to the journey named in the intent's metadata, with the invoice and the amount
// received, unless their currency is not the invoice's; refunds are followed in the ledger
// (api/billing/invoice-payments.ts) and recorded too.
import express, { Router } from 'express';
import { z } from 'zod';
import { AppError, fieldErrors } from '../errors';
import { receiveExternalEvent } from '../domain/external-events';
import { followRefund, type RefundOutcome } from '../billing/invoice-payments';
import type { ApiDeps } from '../app';
import { jsonBody } from './signed-body';
import { verifyStripeSignature } from './stripe-signature';
import { operations } from '../openapi/operation';

const id = z.string().min(1).max(255);
const currency = z.string().regex(/^[a-zA-Z]{3}$/, 'A three-letter currency code');

const stripeEvent = z.object({
  id,
  object: z.literal('event'),
  type: z.string().min(1).max(100),
  // Loose: the object's other fields are validated by its own type's schema below.
  data: z.object({ object: z.looseObject({ id: id.optional(), metadata: z.record(z.string(), z.string()).optional() }) }),
});

const paymentIntent = z.object({
  id,
  amount_received: z.number().int().nonnegative(),
  currency,
  metadata: z.object({ journeyId: id.optional(), invoiceId: id.optional() }).default({}),
});

const refund = z.object({
  id,
  amount: z.number().int().positive(),
  currency,
  status: z.enum(['pending', 'requires_action', 'succeeded', 'failed', 'canceled']),
  payment_intent: z.union([id, z.object({ id }), z.null()]).optional(),
  reason: z.string().max(100).nullish(),
});

/** Stripe's refund events: `charge.refund.updated` is the older name some accounts still receive. */
const REFUND_EVENTS = new Set(['refund.created', 'refund.updated', 'refund.failed', 'charge.refund.updated']);

function parseSigned<S extends z.ZodType>(schema: S, input: unknown, what: string, prefix: string[] = []): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('validation_failed', `The body is correctly signed but is not ${what}`, { fields: fieldErrors(parsed.error, prefix) });
  return parsed.data;
}

const received = z.looseObject({ received: z.literal(true) });

export const stripeWebhookOperations = operations({
  method: 'post',
  path: '/webhooks/stripe',
  summary: "Stripe's events: payments and refunds (signed: Stripe-Signature)",
  description: 'Answers 404 unless STRIPE_WEBHOOK_SECRET is set.',
  access: 'provider',
  body: stripeEvent,
  headers: z.object({ 'stripe-signature': z.string() }),
  responses: { 200: received },
});

export function stripeWebhook(deps: ApiDeps): Router {
  const router = Router();
  const cfg = deps.config.stripe;
  router.post('/stripe', express.raw({ type: '*/*', limit: '1mb' }), async (req, res) => {
    if (!cfg?.webhookSecret) throw new AppError('not_found', 'Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET)');
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    verifyStripeSignature(raw, req.header('stripe-signature'), cfg.webhookSecret);
    const json = jsonBody(raw);
    const event = parseSigned(stripeEvent, json, 'a Stripe event');
    const object = event.data.object;
    const journeyId = object.metadata?.journeyId || undefined;
    let refunded: RefundOutcome | undefined;
    let data: Record<string, unknown> | undefined;
    let refused: string | undefined;
    if (event.type.startsWith('payment_intent.')) {
      const intent = parseSigned(paymentIntent, object, 'a payment intent event', ['data', 'object']);
      const invoiceId = intent.metadata.invoiceId;
      data = { invoiceId, amountMinor: intent.amount_received };
      const invoice = invoiceId ? await deps.db.invoice.findUnique({ where: { id: invoiceId }, select: { number: true, currency: true } }) : null;
      if (invoice && invoice.currency !== intent.currency.toUpperCase()) {
        refused = `The payment is in ${intent.currency.toUpperCase()}; invoice ${invoice.number} is in ${invoice.currency}`;
      }
    } else if (REFUND_EVENTS.has(event.type)) {
      const r = parseSigned(refund, object, 'a refund event', ['data', 'object']);
      const paymentIntentId = typeof r.payment_intent === 'string' ? r.payment_intent : r.payment_intent?.id;
      refunded = await followRefund(deps, { id: r.id, amount: r.amount, currency: r.currency, status: r.status, paymentIntentId, reason: r.reason });
      refused = refunded.refused;
    }
    const receipt = await receiveExternalEvent(deps, {
      source: 'stripe',
      eventId: event.id,
      type: event.type,
      objectId: object.id ?? event.id,
      journeyId: journeyId ?? refunded?.journeyId,
      refused,
      data,
      payload: json as object,
    });
    res.locals.webhookReceipt = receipt;
    res.json({ received: true, receipt, ...(refunded && { refund: refunded.outcome }) });
  });
  return router;
}
