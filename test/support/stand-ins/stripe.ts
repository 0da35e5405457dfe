// A local stand-in for Stripe's API, reached through the real `stripe` SDK:
//
//   new Stripe('sk_test_…', { host: '127.0.0.1', port: standIn.port, protocol: 'http' })
//   (in the product: STRIPE_SECRET_KEY=sk_test_… STRIPE_API_URL=standIn.url)
//
// It serves the PaymentIntent calls the product makes, with Stripe's rules where the product
// depends on them: Bearer test-key auth, form-encoded params, Stripe's error shape, and
// Idempotency-Key replay. Tests move intents on (pay, fail, refund) as a customer or the bank
// would, and deliver the resulting events to the product signed exactly as Stripe signs them.
import { createHmac } from 'node:crypto';
import type { Response } from 'express';
import Stripe from 'stripe';
import { listen, randomToken, recordingApp, type RecordedRequest } from './server';

export type PaymentIntentStatus = 'requires_payment_method' | 'succeeded' | 'canceled';

/** The PaymentIntent fields the stand-in models, named and shaped as in Stripe's API. */
export type PaymentIntentObject = {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  automatic_payment_methods: { enabled: boolean } | null;
  canceled_at: number | null;
  cancellation_reason: string | null;
  capture_method: 'automatic_async';
  client_secret: string;
  created: number;
  currency: string;
  customer: string | null;
  description: string | null;
  last_payment_error: { type: string; code: string; decline_code: string; message: string; charge: string } | null;
  latest_charge: string | null;
  livemode: false;
  metadata: Record<string, string>;
  payment_method_types: string[];
  receipt_email: string | null;
  status: PaymentIntentStatus;
};

export type ChargeObject = {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: boolean;
  created: number;
  currency: string;
  description: string | null;
  failure_code: string | null;
  failure_message: string | null;
  livemode: false;
  metadata: Record<string, string>;
  paid: boolean;
  payment_intent: string;
  refunded: boolean;
  status: 'succeeded' | 'failed';
};

export type RefundObject = {
  id: string;
  object: 'refund';
  amount: number;
  charge: string;
  created: number;
  currency: string;
  metadata: Record<string, string>;
  payment_intent: string;
  reason: string | null;
  /** Card refunds mostly succeed at once; some stay pending for days, and a pending or even a succeeded one can still fail. */
  status: RefundStatus;
  failure_reason?: string;
};

export type RefundStatus = 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled';

export type StripeEvent<T = unknown> = {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: T };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
};

export type WebhookDelivery = { status: number; body: unknown };

type Reply = { status: number; body: unknown };
type StripeErrorBody = { type: string; message: string; code?: string; param?: string; [more: string]: unknown };

const now = () => Math.floor(Date.now() / 1000);
const stripeId = (prefix: string) => `${prefix}_${randomToken(24)}`;
const requestId = () => `req_${randomToken(14)}`;
const fail = (status: number, error: StripeErrorBody): Reply => ({ status, body: { error } });

/**
 * Form body → nested params, as Stripe reads stripe-node's encoding (`metadata[journeyId]=…`,
 * `automatic_payment_methods[enabled]=true`). Indexed arrays come back as objects keyed "0", "1"…
 */
function parseStripeForm(raw: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const path = key.replace(/\]/g, '').split('[');
    let node = params;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]!] = value;
  }
  return params;
}

/** Order-insensitive form of params: Stripe compares a replayed request's params, not its bytes. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** A full Event as Stripe delivers it, on the API version this stripe-node release is pinned to. */
export function stripeEvent<T>(type: string, dataObject: T): StripeEvent<T> {
  return {
    id: stripeId('evt'),
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: now(),
    // A snapshot: an event keeps the object as it was when the event happened.
    data: { object: structuredClone(dataObject) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/**
 * The `Stripe-Signature` header value Stripe sends: `t=<unix seconds>,v1=<hex HMAC-SHA256>` over
 * `${t}.${payload}`, keyed by the endpoint's whole signing secret (the `whsec_…` string as is).
 */
export function signStripePayload(payload: string, secret: string, timestamp = now()): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

/**
 * POSTs an event to a webhook endpoint the way Stripe does: the pretty-printed JSON Stripe sends
 * (so an endpoint that verifies a re-serialized body instead of the raw one fails, as it would in
 * production), signed at the moment of sending, with Stripe's content type and user agent.
 */
export async function deliverStripeWebhook(targetUrl: string, event: StripeEvent, secret: string): Promise<WebhookDelivery> {
  const payload = JSON.stringify(event, null, 2);
  const res = await fetch(targetUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      'cache-control': 'no-cache',
      accept: '*/*; q=0.5, application/xml',
      'stripe-signature': signStripePayload(payload, secret),
    },
    body: payload,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body };
}

// The PaymentIntent create params the stand-in models; Stripe answers any other with parameter_unknown.
const CREATE_PARAMS = new Set(['amount', 'currency', 'description', 'metadata', 'automatic_payment_methods', 'customer', 'receipt_email', 'payment_method_types']);
const CANCELLATION_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'];

export async function startStripeStandIn() {
  const requests: RecordedRequest[] = [];
  const paymentIntents = new Map<string, PaymentIntentObject>();
  const charges = new Map<string, ChargeObject>();
  const refunds = new Map<string, RefundObject>();
  // Saved results by API key and Idempotency-Key (Stripe scopes keys to the account).
  const idempotent = new Map<string, { endpoint: string; params: string; reply: Reply; requestId: string }>();

  const app = recordingApp(requests, parseStripeForm);

  // Every call needs a test-mode secret key as Bearer auth; the stand-in is never live.
  app.use((req, res, next) => {
    const key = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '')?.[1];
    if (key && /^sk_test_\w+$/.test(key)) return next();
    const message = key
      ? `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`
      : "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.";
    send(res, fail(401, { type: 'invalid_request_error', message }));
  });

  /** Answers as Stripe does: a Request-Id on every response; a replay names the request it replays. */
  function send(res: Response, reply: Reply, id = requestId(), originalRequest?: string) {
    res.set({ 'Request-Id': id, 'Stripe-Version': Stripe.API_VERSION });
    if (originalRequest) res.set({ 'Idempotent-Replayed': 'true', 'Original-Request': originalRequest });
    res.status(reply.status).json(reply.body);
  }

  /**
   * A POST route with Stripe's idempotency: a key seen before with the same endpoint and params
   * replays the saved status and body; with other params or another endpoint it is an
   * idempotency_error. Only requests that passed validation are saved, as at Stripe.
   */
  function post(path: string, handle: (params: Record<string, unknown>, id?: string) => Reply & { validated: boolean }) {
    app.post(path, (req, res) => {
      const params = (req.body ?? {}) as Record<string, unknown>;
      const key = req.get('idempotency-key');
      const endpoint = `${req.method} ${req.path}`;
      const scope = `${req.get('authorization')}\n${key}`;
      const saved = key ? idempotent.get(scope) : undefined;
      if (saved) {
        if (saved.endpoint !== endpoint) {
          return send(res, fail(400, {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${saved.endpoint}' vs '${endpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`,
          }));
        }
        if (saved.params !== canonical(params)) {
          return send(res, fail(400, {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          }));
        }
        return send(res, saved.reply, requestId(), saved.requestId);
      }
      const { validated, ...reply } = handle(params, req.params.id as string | undefined);
      const id = requestId();
      // A snapshot: a replay answers what the first request got, even if the intent has moved on.
      if (key && validated) idempotent.set(scope, { endpoint, params: canonical(params), reply: structuredClone(reply), requestId: id });
      send(res, reply, id);
    });
  }

  const missing = (param: string) => fail(400, { type: 'invalid_request_error', code: 'parameter_missing', param, message: `Missing required param: ${param}.` });
  const noSuchIntent = (id: string) => fail(404, { type: 'invalid_request_error', code: 'resource_missing', param: 'intent', message: `No such payment_intent: '${id}'` });

  post('/v1/payment_intents', (p) => {
    const unknown = Object.keys(p).find((k) => !CREATE_PARAMS.has(k));
    if (unknown) return { validated: false, ...fail(400, { type: 'invalid_request_error', code: 'parameter_unknown', param: unknown, message: `Received unknown parameter: ${unknown}` }) };
    if (p.amount === undefined) return { validated: false, ...missing('amount') };
    if (typeof p.amount !== 'string' || !/^\d+$/.test(p.amount)) {
      return { validated: false, ...fail(400, { type: 'invalid_request_error', code: 'parameter_invalid_integer', param: 'amount', message: `Invalid integer: ${String(p.amount)}` }) };
    }
    if (typeof p.currency !== 'string') return { validated: false, ...missing('currency') };
    const id = stripeId('pi');
    const apm = p.automatic_payment_methods as { enabled?: string } | undefined;
    const intent: PaymentIntentObject = {
      id,
      object: 'payment_intent',
      amount: Number(p.amount),
      amount_received: 0,
      automatic_payment_methods: apm ? { enabled: apm.enabled === 'true' } : null,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: 'automatic_async',
      client_secret: `${id}_secret_${randomToken(25)}`,
      created: now(),
      currency: p.currency.toLowerCase(),
      customer: (p.customer as string) ?? null,
      description: (p.description as string) ?? null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: (p.metadata as Record<string, string>) ?? {},
      payment_method_types: p.payment_method_types ? Object.values(p.payment_method_types as object) : ['card'],
      receipt_email: (p.receipt_email as string) ?? null,
      status: 'requires_payment_method',
    };
    paymentIntents.set(id, intent);
    return { validated: true, status: 200, body: intent };
  });

  app.get('/v1/payment_intents/:id', (req, res) => {
    const intent = paymentIntents.get(req.params.id);
    send(res, intent ? { status: 200, body: intent } : noSuchIntent(req.params.id));
  });

  post('/v1/payment_intents/:id/cancel', (p, id = '') => {
    const intent = paymentIntents.get(id);
    if (!intent) return { validated: false, ...noSuchIntent(id) };
    const reason = p.cancellation_reason as string | undefined;
    if (reason !== undefined && !CANCELLATION_REASONS.includes(reason)) {
      return { validated: false, ...fail(400, { type: 'invalid_request_error', code: 'parameter_invalid_string', param: 'cancellation_reason', message: `Invalid cancellation_reason: must be one of ${CANCELLATION_REASONS.join(', ')}` }) };
    }
    if (intent.status !== 'requires_payment_method') {
      return {
        validated: true,
        ...fail(400, {
          type: 'invalid_request_error',
          code: 'payment_intent_unexpected_state',
          message: `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`,
          payment_intent: intent,
        }),
      };
    }
    Object.assign(intent, { status: 'canceled', canceled_at: now(), cancellation_reason: reason ?? null });
    return { validated: true, status: 200, body: intent };
  });

  app.use((req, res) => {
    send(res, fail(404, { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${req.path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.` }));
  });

  const server = await listen(app);

  function intentOf(id: string): PaymentIntentObject {
    const intent = paymentIntents.get(id);
    if (!intent) throw new Error(`stripe stand-in: no PaymentIntent ${id}`);
    return intent;
  }

  /** A charge made by confirming an intent; Stripe copies the intent's metadata onto it. */
  function chargeFor(intent: PaymentIntentObject, succeeded: boolean): ChargeObject {
    const charge: ChargeObject = {
      id: stripeId('ch'),
      object: 'charge',
      amount: intent.amount,
      amount_captured: succeeded ? intent.amount : 0,
      amount_refunded: 0,
      captured: succeeded,
      created: now(),
      currency: intent.currency,
      description: intent.description,
      failure_code: succeeded ? null : 'card_declined',
      failure_message: succeeded ? null : 'Your card was declined.',
      livemode: false,
      metadata: { ...intent.metadata },
      paid: succeeded,
      payment_intent: intent.id,
      refunded: false,
      status: succeeded ? 'succeeded' : 'failed',
    };
    charges.set(charge.id, charge);
    intent.latest_charge = charge.id;
    return charge;
  }

  return {
    /** For STRIPE_API_URL. */
    url: `http://127.0.0.1:${server.port}`,
    host: '127.0.0.1',
    port: server.port,
    requests,
    paymentIntents,
    stop: server.stop,
    event: stripeEvent,

    /** The customer pays: the intent succeeds with a charge (then send `payment_intent.succeeded`). */
    pay(paymentIntentId: string): { paymentIntent: PaymentIntentObject; charge: ChargeObject } {
      const intent = intentOf(paymentIntentId);
      if (intent.status !== 'requires_payment_method') throw new Error(`stripe stand-in: cannot pay an intent that is ${intent.status}`);
      const charge = chargeFor(intent, true);
      Object.assign(intent, { status: 'succeeded', amount_received: intent.amount, last_payment_error: null });
      return { paymentIntent: intent, charge };
    },

    /** The card is declined: the intent asks for another payment method (then send `payment_intent.payment_failed`). */
    decline(paymentIntentId: string): { paymentIntent: PaymentIntentObject; charge: ChargeObject } {
      const intent = intentOf(paymentIntentId);
      if (intent.status !== 'requires_payment_method') throw new Error(`stripe stand-in: cannot decline an intent that is ${intent.status}`);
      const charge = chargeFor(intent, false);
      intent.last_payment_error = { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.', charge: charge.id };
      return { paymentIntent: intent, charge };
    },

    /**
     * Refunds a paid intent, in full by default (then send `charge.refunded` and/or `refund.created`);
     * `status` 'pending' for one the bank has not settled yet (move it on with settleRefund).
     */
    refund(paymentIntentId: string, amount?: number, status: 'pending' | 'succeeded' = 'succeeded'): { charge: ChargeObject; refund: RefundObject } {
      const intent = intentOf(paymentIntentId);
      const charge = intent.status === 'succeeded' && intent.latest_charge ? charges.get(intent.latest_charge) : undefined;
      if (!charge) throw new Error(`stripe stand-in: intent ${paymentIntentId} has no successful charge to refund`);
      const refundAmount = amount ?? charge.amount - charge.amount_refunded;
      if (refundAmount <= 0 || charge.amount_refunded + refundAmount > charge.amount) throw new Error('stripe stand-in: refund exceeds the charge');
      charge.amount_refunded += refundAmount;
      charge.refunded = charge.amount_refunded === charge.amount;
      const refund: RefundObject = {
        id: stripeId('re'),
        object: 'refund',
        amount: refundAmount,
        charge: charge.id,
        created: now(),
        currency: charge.currency,
        metadata: {},
        payment_intent: intent.id,
        reason: null,
        status,
      };
      refunds.set(refund.id, refund);
      return { charge, refund };
    },

    /**
     * The bank settles a refund (then send `refund.updated`, or `refund.failed` when it failed): a
     * failed refund gives the charge its money back.
     */
    settleRefund(refundId: string, status: 'succeeded' | 'failed'): RefundObject {
      const refund = refunds.get(refundId);
      if (!refund) throw new Error(`stripe stand-in: no refund ${refundId}`);
      if (refund.status === 'failed' || refund.status === 'canceled') throw new Error(`stripe stand-in: refund ${refundId} is already ${refund.status}`);
      refund.status = status;
      if (status === 'failed') {
        refund.failure_reason = 'expired_or_canceled_card';
        const charge = charges.get(refund.charge)!;
        charge.amount_refunded -= refund.amount;
        charge.refunded = false;
      }
      return refund;
    },

    /**
     * Delivers an event to the product's webhook endpoint; with `duplicate`, twice, as Stripe may
     * (each delivery signed afresh, the same event id). Returns every delivery's answer.
     */
    async sendWebhook(targetUrl: string, event: StripeEvent, opts: { secret: string; duplicate?: boolean }): Promise<WebhookDelivery[]> {
      const deliveries = [await deliverStripeWebhook(targetUrl, event, opts.secret)];
      if (opts.duplicate) deliveries.push(await deliverStripeWebhook(targetUrl, event, opts.secret));
      return deliveries;
    },
  };
}

export type StripeStandIn = Awaited<ReturnType<typeof startStripeStandIn>>;
