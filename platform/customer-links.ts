// Links a customer acts through without an account: a payload naming exactly one action on one
// journey (purpose, journey, subject such as a quote version, expiry), signed with an HMAC under
// AUTH_SECRET. A token cannot be altered, reused for another purpose or journey, or used late.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { LINK_PURPOSES } from '../workflows/kinds';

const payloadSchema = z.object({
  purpose: z.enum(LINK_PURPOSES),
  journeyId: z.string().min(1),
  subject: z.string().min(1),
  exp: z.number().int(),
});
export type CustomerLink = z.infer<typeof payloadSchema>;

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(`customer-link.${body}`).digest('base64url');

export function createLinkToken(secret: string, link: CustomerLink): string {
  const body = Buffer.from(JSON.stringify(link)).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

export type LinkCheck = { ok: true; link: CustomerLink } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' | 'wrong-purpose' };

export function verifyLinkToken(secret: string, token: string, purpose: CustomerLink['purpose'], now = Date.now()): LinkCheck {
  const [body, mac, ...rest] = token.split('.');
  if (!body || !mac || rest.length) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
  let parsed;
  try {
    parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  if (parsed.data.purpose !== purpose) return { ok: false, reason: 'wrong-purpose' };
  if (parsed.data.exp <= now) return { ok: false, reason: 'expired' };
  return { ok: true, link: parsed.data };
}

/** The path of any customer link (`/customer/<page>/<token>`), capturing all but the token. */
const LINK_TOKEN = /(\/customer\/[a-z-]+\/)[^\s/?#"'<>]+/g;

/**
 * `text` with every customer link's token replaced: a token lets whoever holds it act as the
 * customer, so neither staff reads nor logs carry one. The stored email keeps what was sent.
 */
export function redactCustomerLinks(text: string): string {
  return text.replace(LINK_TOKEN, '$1[link hidden]');
}
