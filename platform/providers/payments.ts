// Payment providers. Stripe (its official SDK, an idempotency key on every create) when
// configured; otherwise a local provider that needs no account: the customer pays on our own
// page (a signed link), which reports back through the same external-event path as Stripe's webhooks.
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import type { Config } from '../config';

export type PaymentIntentRequest = {
  journeyId: string;
  invoiceId: string;
  amountMinor: number;
  currency: string;
  description: string;
  /** Stripe's idempotency key; by default one intent per invoice (a deposit is paid in one go). */
  idempotencyKey?: string;
};
export type CreatedIntent = { provider: 'stripe' | 'local'; providerPaymentId: string };

export type PaymentProvider = {
  name: CreatedIntent['provider'];
  /** Creates the intent to pay; the same idempotency key never gets a second intent. */
  createIntent(req: PaymentIntentRequest): Promise<CreatedIntent>;
  /** Cancels an intent not paid yet: true once it is cancelled, false if it is paid or being paid. */
  cancelIntent(providerPaymentId: string): Promise<boolean>;
};

/** The Stripe client, pointed at STRIPE_API_URL when set (a local stand-in in tests). */
export function stripeClient(cfg: NonNullable<Config['stripe']>): Stripe {
  const api = cfg.apiUrl ? new URL(cfg.apiUrl) : undefined;
  return new Stripe(cfg.secretKey, {
    maxNetworkRetries: 2,
    ...(api && { host: api.hostname, port: Number(api.port || (api.protocol === 'https:' ? 443 : 80)), protocol: api.protocol.replace(':', '') as 'http' | 'https' }),
  });
}

function stripeProvider(cfg: NonNullable<Config['stripe']>): PaymentProvider {
  const stripe = stripeClient(cfg);
  return {
    name: 'stripe',
    async createIntent(req) {
      const intent = await stripe.paymentIntents.create(
        {
          amount: req.amountMinor,
          currency: req.currency.toLowerCase(),
          description: req.description,
          automatic_payment_methods: { enabled: true },
          metadata: { journeyId: req.journeyId, invoiceId: req.invoiceId },
        },
        // A retried activity replays the same request: Stripe answers with the same intent.
        { idempotencyKey: req.idempotencyKey ?? `invoice:${req.invoiceId}:intent` },
      );
      return { provider: 'stripe', providerPaymentId: intent.id };
    },
    async cancelIntent(id) {
      try {
        await stripe.paymentIntents.cancel(id, { cancellation_reason: 'duplicate' });
        return true;
      } catch (err) {
        // Succeeded, processing or already cancelled: Stripe refuses, and the intent says which.
        if (!(err instanceof Stripe.errors.StripeInvalidRequestError) || err.code !== 'payment_intent_unexpected_state') throw err;
        return (await stripe.paymentIntents.retrieve(id)).status === 'canceled';
      }
    },
  };
}

const localProvider: PaymentProvider = {
  name: 'local',
  createIntent: async () => ({ provider: 'local', providerPaymentId: `local_pi_${randomUUID()}` }),
  // A local payment is confirmed as it is made: one still pending is being confirmed now.
  cancelIntent: async () => false,
};

export function paymentProvider(config: Config): PaymentProvider {
  return config.stripe ? stripeProvider(config.stripe) : localProvider;
}
