import { createLinkToken, verifyLinkToken } from '../../platform/customer-links';

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
