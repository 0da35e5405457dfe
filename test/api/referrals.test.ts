// Referrals: customer success gives a client a referral code (once); a lead sent with it is
// attributed to the client, listed on their account, and once won the client is thanked; a code
// that matches no client, or the customer's own, is kept with a note and the lead goes in as any other.
import { randomUUID } from 'node:crypto';
import { customerIdFor } from '../../api/acquisition/submit-lead';
import { lead } from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';
import { eventually } from '../support/http';
import { journeyDriver } from '../support/journey-driver';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());
const drive = () => journeyDriver(h);

/** A client with an account (as a hand-over leaves one), written into the projection under the id their email gives. */
async function client() {
  const email = `client-${randomUUID()}@referrals.test`;
  const customer = await h.db.customer.create({ data: { id: customerIdFor(email), companyName: 'Referring Ltd', contactName: 'Ria Ferrer', email, clientSince: new Date('2026-01-05T00:00:00Z') } });
  const journeyId = `journey:${customer.id}:retention:1`;
  await h.db.journey.create({ data: { id: journeyId, kind: 'retention', customerId: customer.id, stage: 'first-90-days' } });
  await h.db.clientAccount.create({ data: { customerId: customer.id, journeyId } });
  return customer;
}

const issue = (customerId: string, role: 'success' | 'manager' | 'sales' = 'success') => h.as(role)('POST', `/api/customers/${customerId}/account/referral-code`);
const inquiryOf = (email: string) => eventually(() => h.db.inquiry.findFirst({ where: { customer: { email } } }), Boolean);

it('issues a client one code, kept when asked again or twice at once, for customer success only', async () => {
  const c = await client();
  expect((await h.as('success')('GET', `/api/customers/${c.id}/account`)).body).toMatchObject({ referralCode: null, referrals: [] });
  expect((await issue(c.id, 'sales')).status).toBe(403);
  const [a, b] = await Promise.all([issue(c.id), issue(c.id, 'manager')]);
  expect([a.status, b.status]).toEqual([200, 200]);
  expect(a.body.referralCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}$/);
  expect(b.body.referralCode).toBe(a.body.referralCode);
  expect((await issue(c.id)).body.referralCode).toBe(a.body.referralCode);
  expect((await issue(randomUUID())).status).toBe(404);
});

it('attributes a lead sent with the code (in any case) to the client, and lists it on their account', async () => {
  const c = await client();
  const code = (await issue(c.id)).body.referralCode as string;
  const email = `referred-${randomUUID()}@referrals.test`;
  const sent = await h.as('anonymous')('POST', '/api/leads', lead({ email, companyName: 'Referred GmbH', referralCode: ` ${code.toLowerCase()} ` }));
  expect(sent.status).toBe(201);
  expect(await inquiryOf(email)).toMatchObject({ referrerId: c.id, referralNote: null });
  const account = (await h.as('success')('GET', `/api/customers/${c.id}/account`)).body;
  expect(account.referrals).toEqual([{ journeyId: sent.body.journeyId, companyName: 'Referred GmbH', receivedAt: expect.any(String), status: 'RUNNING', won: false }]);
});

it('thanks the client once the lead they referred is won, and shows it won on their account', async () => {
  const c = await client();
  const code = (await issue(c.id)).body.referralCode as string;
  const referred = await drive().qualifiedLead({ email: `won-${randomUUID()}@referrals.test`, companyName: 'Won Through Ria', referralCode: code });
  await drive().won(referred.journeyId);
  const inquiry = await h.db.inquiry.findFirstOrThrow({ where: { journeyId: referred.journeyId } });
  const thanks = await eventually(() => h.db.email.findUnique({ where: { key: `referral-thanks:${inquiry.id}` } }), Boolean);
  expect(thanks).toMatchObject({ to: c.email, template: 'referral-thanks', subject: 'Thank you for your referral' });
  expect(thanks!.text).toContain('Won Through Ria came to us on your recommendation');
  expect(await h.db.email.count({ where: { template: 'referral-thanks', to: c.email } })).toBe(1);
  const account = (await h.as('success')('GET', `/api/customers/${c.id}/account`)).body;
  expect(account.referrals).toEqual([expect.objectContaining({ journeyId: referred.journeyId, companyName: 'Won Through Ria', won: true })]);
});

it('takes a lead whose code matches no client, or is the customer’s own, unattributed with a note', async () => {
  const email = `unknown-code-${randomUUID()}@referrals.test`;
  expect((await h.as('anonymous')('POST', '/api/leads', lead({ email, referralCode: 'NOSUCH99' }))).status).toBe(201);
  expect(await inquiryOf(email)).toMatchObject({ referrerId: null, referralNote: 'Referral code NOSUCH99 matches no client: not attributed' });

  const c = await client();
  const code = (await issue(c.id)).body.referralCode as string;
  expect((await h.as('anonymous')('POST', '/api/leads', lead({ email: c.email, referralCode: code }))).status).toBe(201);
  expect(await inquiryOf(c.email)).toMatchObject({ referrerId: null, referralNote: `Referral code ${code} is the customer's own: not attributed` });
  expect((await h.as('success')('GET', `/api/customers/${c.id}/account`)).body.referrals).toEqual([]);
});

it('refuses a code that cannot be stored, naming the field', async () => {
  const res = await h.as('anonymous')('POST', '/api/leads', lead({ email: `nul-${randomUUID()}@referrals.test`, referralCode: 'AB\u0000CD' }));
  expect(res.status).toBe(400);
  expect(res.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['referralCode']);
});
