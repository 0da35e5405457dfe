import { createLinkToken, redactCustomerLinks, verifyLinkToken } from '../../platform/customer-links';

const secret = 'a-test-secret-of-reasonable-length-000';
const link = { purpose: 'quote-review' as const, journeyId: 'journey:a:acquisition:1', subject: 'v1', exp: Date.now() + 60_000 };

describe('customer links', () => {
  it('round-trips a signed link', () => {
    expect(verifyLinkToken(secret, createLinkToken(secret, link), 'quote-review')).toEqual({ ok: true, link });
  });

  it('refuses a link pointed at another journey, signed with another key, expired or cut', () => {
    const token = createLinkToken(secret, link);
    const [body, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...link, journeyId: 'journey:b:acquisition:1' })).toString('base64url');
    expect(verifyLinkToken(secret, `${forged}.${mac}`, 'quote-review')).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(verifyLinkToken('another-secret-entirely-0000000000000', token, 'quote-review')).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(verifyLinkToken(secret, token, 'quote-review', link.exp + 1)).toMatchObject({ ok: false, reason: 'expired' });
    expect(verifyLinkToken(secret, body!, 'quote-review')).toMatchObject({ ok: false, reason: 'malformed' });
    expect(verifyLinkToken(secret, `${token}.x`, 'quote-review')).toMatchObject({ ok: false, reason: 'malformed' });
  });
});

describe('redacting customer links', () => {
  const token = createLinkToken(secret, link);

  it('hides the token of every link in a text, whatever its page, and keeps the rest', () => {
    const text = [
      `Your proposal: https://flow.example/customer/quotes/${token}`,
      `Sign at https://flow.example/customer/contracts/${token}/document, then pay`,
      `(https://flow.example/customer/invoices/${token}?from=mail).`,
      `Decide: http://localhost:3000/customer/decisions/${token}`,
    ].join('\n');
    const redacted = redactCustomerLinks(text);
    expect(redacted).toBe(
      [
        'Your proposal: https://flow.example/customer/quotes/[link hidden]',
        'Sign at https://flow.example/customer/contracts/[link hidden]/document, then pay',
        '(https://flow.example/customer/invoices/[link hidden]?from=mail).',
        'Decide: http://localhost:3000/customer/decisions/[link hidden]',
      ].join('\n'),
    );
    expect(redacted).not.toContain(token.split('.')[1]);
  });

  it('hides a token that is not one of ours too (any text after a customer page is a token)', () => {
    expect(redactCustomerLinks('/customer/payments/local_pi_abc-123')).toBe('/customer/payments/[link hidden]');
  });

  it('leaves text without customer links alone', () => {
    const text = 'Dear customer/partner, see https://flow.example/api/journeys and /customer/ itself.';
    expect(redactCustomerLinks(text)).toBe(text);
  });
});
