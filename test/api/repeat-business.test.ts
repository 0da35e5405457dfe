// Repeat business: an opportunity found with a client becomes a new acquisition journey for them,
// the child of their account's retention journey, starting at discovery (no contact form, no
// welcome, no follow-up call); the same request sent again answers with the same journey; the
// client stays a client; a client who has left, bad input and the wrong roles are refused.
import { randomUUID } from 'node:crypto';
import { customerIdFor } from '../../api/acquisition/submit-lead';
import { discoveryMeeting } from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';
import { eventually } from '../support/http';
import { journeyDriver } from '../support/journey-driver';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

/** A client with an account (as a hand-over leaves one), under the id their email gives. */
async function client() {
  const email = `client-${randomUUID()}@repeat.test`;
  const customer = await h.db.customer.create({
    data: { id: customerIdFor(email), companyName: 'Returning Ltd', contactName: 'Rhea Turner', email, phone: '+44 20 7946 0000', clientSince: new Date('2025-06-01T00:00:00Z'), onboardedAt: new Date('2025-06-10T00:00:00Z') },
  });
  // An earlier, won acquisition: the new one is numbered on from it.
  await h.db.journey.create({ data: { id: `journey:${customer.id}:acquisition:1`, kind: 'acquisition', customerId: customer.id, stage: 'delivery', status: 'COMPLETED', startedAt: new Date('2025-04-02T00:00:00Z'), endedAt: new Date('2025-06-01T00:00:00Z') } });
  const journeyId = `journey:${customer.id}:retention:1`;
  await h.db.journey.create({ data: { id: journeyId, kind: 'retention', customerId: customer.id, stage: 'established' } });
  await h.db.clientAccount.create({ data: { customerId: customer.id, journeyId } });
  return { ...customer, accountJourneyId: journeyId };
}

const opportunity = (overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  projectType: 'Mobile App',
  budgetRange: '$50K-$100K',
  timeline: 'Next quarter',
  description: 'Found in the annual review: they want the storefront as an app.',
  source: 'review',
  ...overrides,
});
const open = (customerId: string, body: object, role: 'success' | 'manager' | 'sales' | 'support' | 'pm' | 'finance' = 'success') =>
  h.as(role)('POST', `/api/customers/${customerId}/account/opportunities`, body);

it('opens a new acquisition at discovery, the child of the account, numbered on; the same request twice (even at once) is one journey', async () => {
  const c = await client();
  const body = opportunity();
  const a = await open(c.id, body);
  expect(a.status).toBe(201);
  expect(a.body).toEqual({ customerId: c.id, journeyId: `journey:${c.id}:acquisition:2` });
  const again = await Promise.all([open(c.id, body), open(c.id, body)]);
  expect(again.map((r) => [r.status, r.body])).toEqual([[201, a.body], [201, a.body]]);
  const { journeyId } = a.body;

  const task = await eventually(() => h.db.task.findFirst({ where: { journeyId, status: 'OPEN' } }), Boolean);
  expect(task).toMatchObject({ type: 'discovery-meeting', role: 'sales', title: 'Discovery meeting with Returning Ltd (repeat business)' });
  const journey = await h.db.journey.findUniqueOrThrow({ where: { id: journeyId }, include: { inquiries: true } });
  expect(journey).toMatchObject({ kind: 'acquisition', stage: 'discovery', status: 'RUNNING', parentJourneyId: c.accountJourneyId });
  // The client's known details with what was found; no contact form, so no welcome and no follow-up call.
  expect(journey.inquiries).toEqual([expect.objectContaining({ projectType: 'Mobile App', budgetRange: '$50K-$100K', description: body.description })]);
  expect(await h.db.task.count({ where: { journeyId, type: 'follow-up-call' } })).toBe(0);
  expect(await h.db.email.count({ where: { journeyId, template: 'welcome' } })).toBe(0);
  const events = await h.db.journeyEvent.findMany({ where: { journeyId: { in: [journeyId, c.accountJourneyId] } }, orderBy: { id: 'asc' } });
  expect(events.map((e) => [e.journeyId, e.type])).toEqual(expect.arrayContaining([[journeyId, 'opportunity_opened'], [c.accountJourneyId, 'repeat_business_opened']]));
  expect(events.filter((e) => e.type === 'repeat_business_opened')).toHaveLength(1);

  const account = (await h.as('success')('GET', `/api/customers/${c.id}/account`)).body;
  expect(account.repeatBusiness).toEqual([{ journeyId, projectType: 'Mobile App', startedAt: expect.any(String), stage: 'discovery', status: 'RUNNING' }]);

  // A second opportunity is a journey of its own, numbered on.
  const second = await open(c.id, opportunity({ source: 'ticket' }), 'support');
  expect(second.body.journeyId).toBe(`journey:${c.id}:acquisition:3`);
});

it('goes on as any acquisition from discovery: won, it starts its delivery, and the client stays a client throughout', async () => {
  // A real client: their first project won and kicked off, then an account as the hand-over leaves one.
  const drive = journeyDriver(h);
  const first = await drive.projectInProgress({ email: `real-${randomUUID()}@repeat.test`, companyName: 'Kept Client plc' });
  const accountJourneyId = `journey:${first.customerId}:retention:1`;
  await h.db.journey.create({ data: { id: accountJourneyId, kind: 'retention', customerId: first.customerId, stage: 'first-90-days' } });
  await h.db.clientAccount.create({ data: { customerId: first.customerId, journeyId: accountJourneyId } });
  const lifecycle = async () => (await h.as('sales')('GET', `/api/customers/${first.customerId}`)).body.lifecycle as string;
  const before = await lifecycle();
  expect(before).toBe('CLIENT_0_90_DAYS');

  const { journeyId } = (await open(first.customerId, opportunity(), 'sales')).body;
  expect(journeyId).toBe(`journey:${first.customerId}:acquisition:2`);
  await drive.complete('sales', journeyId, 'discovery-meeting', discoveryMeeting);
  expect(await lifecycle()).toBe(before);
  const { deliveryId } = await drive.won(journeyId);
  await eventually(() => h.db.journey.findUnique({ where: { id: journeyId } }), (j) => j?.status === 'COMPLETED', 60_000);
  expect(await h.db.journey.findUnique({ where: { id: deliveryId } })).toMatchObject({ kind: 'delivery', parentJourneyId: journeyId });
  // Each acquisition its own deposit invoice (a returning client's second had taken the first's).
  const deposits = await h.db.invoice.findMany({ where: { customerId: first.customerId, kind: 'deposit' }, orderBy: { issuedAt: 'asc' } });
  const prefix = `INV-${first.customerId.slice(0, 8).toUpperCase()}`;
  expect(deposits.map((d) => [d.journeyId, d.number, d.status])).toEqual([
    [first.journeyId, `${prefix}-D1`, 'PAID'],
    [journeyId, `${prefix}-2-D1`, 'PAID'],
  ]);
  const account = (await h.as('manager')('GET', `/api/customers/${first.customerId}/account`)).body;
  expect(account.repeatBusiness).toEqual([expect.objectContaining({ journeyId, status: 'COMPLETED', stage: 'delivery' })]);
  expect(await lifecycle()).toBe(before);
}, 180_000);

it('refuses a client who has left, an unknown customer, bad values per field, and roles that do not find opportunities', async () => {
  const c = await client();
  await h.db.clientAccount.update({ where: { customerId: c.id }, data: { endedAt: new Date(), endReason: 'Moved in-house' } });
  const left = await open(c.id, opportunity());
  expect(left.status).toBe(409);
  expect(left.body.error.message).toContain('Returning Ltd is not a client now');
  expect((await open(randomUUID(), opportunity())).status).toBe(404);

  const d = await client();
  const fields = (r: { body: { error: { fields: Array<{ field: string }> } } }) => r.body.error.fields.map((f) => f.field).sort();
  const bad = await open(d.id, opportunity({ id: 'not-a-uuid', description: '  ', source: 'rumour' }));
  expect(bad.status).toBe(400);
  expect(fields(bad)).toEqual(['description', 'id', 'source']);
  const unstorable = await open(d.id, opportunity({ projectType: 'App\u0000' }));
  expect([unstorable.status, fields(unstorable)]).toEqual([400, ['projectType']]);
  expect((await open(d.id, { ...opportunity(), extra: true })).status).toBe(400);
  expect((await open(d.id, opportunity(), 'pm')).status).toBe(403);
  expect((await open(d.id, opportunity(), 'finance')).status).toBe(403);
  expect(await h.db.journey.count({ where: { parentJourneyId: d.accountJourneyId } })).toBe(0);
});
