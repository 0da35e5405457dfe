// Stripe's webhook signature scheme: `Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]`,
// each v1 the HMAC-SHA256 of `<t>.<raw body>` under the endpoint's signing secret (several while a
// secret is rolled). Checked here rather than by the SDK's constructEvent so that each refusal
// says its cause, and so that the body is parsed and validated by us, not trusted as an Event.
import { hmacMatches, signatureRefused } from './signed-body';

const HEADER = 'Stripe-Signature';
/** Stripe's own default: a delivery older than this is refused as a possible replay. */
export const STRIPE_TOLERANCE_SECONDS = 300;

export function verifyStripeSignature(raw: Buffer, header: string | undefined, secret: string, nowSeconds = Date.now() / 1000): void {
  if (!header) throw signatureRefused(HEADER, 'Missing Stripe-Signature header', 'Required');
  const parts = header.split(',').map((p) => p.trim().split('='));
  const timestamp = Number(parts.find(([k]) => k === 't')?.[1]);
  const signatures = parts.filter(([k, v]) => k === 'v1' && v).map(([, v]) => v!);
  if (!Number.isInteger(timestamp) || !signatures.length) {
    throw signatureRefused(HEADER, 'The Stripe-Signature header has no t= timestamp or no v1= signature', 'Malformed');
  }
  if (!hmacMatches(secret, Buffer.concat([Buffer.from(`${timestamp}.`), raw]), 'hex', signatures)) {
    throw signatureRefused(HEADER, 'The Stripe-Signature does not match the body: another signing secret, or the body was changed', 'Invalid signature');
  }
  const age = Math.round(nowSeconds - timestamp);
  if (Math.abs(age) > STRIPE_TOLERANCE_SECONDS) {
    throw signatureRefused(
      HEADER,
      `The Stripe-Signature timestamp is ${age} s ${age > 0 ? 'old' : 'in the future'}; at most ${STRIPE_TOLERANCE_SECONDS} s are accepted (a replayed delivery, or a wrong clock)`,
      'Stale timestamp',
    );
  }
}
