// Phase 5 with the local providers (no DocuSign or Stripe account configured): the customer signs
// and pays on our own pages, and the journey reaches delivery with every record in place.
import { startHarness, type Harness } from '../../support/harness';
import { eventually, request } from '../../support/http';
import { journeyDriver } from '../../support/journey-driver';

let h: Harness;
let drive: ReturnType<typeof journeyDriver>;
beforeAll(async () => {
  h = await startHarness();
  drive = journeyDriver(h);
});
afterAll(() => h?.stop());

const customer = (method: string, path: string, body?: unknown) => request(h.baseUrl, method, path, body);

it('signs the contract and pays the deposit on local pages, and the project starts', async () => {
  const { journeyId, customerId } = await drive.approvedQuote();
  const signLink = await drive.emailedLink(journeyId, 'contract:');
  expect(await customer('GET', signLink)).toMatchObject({ status: 200, body: { status: 'SENT', envelopeId: expect.stringMatching(/^local-env-/) } });
  const pdf = await fetch(`${h.baseUrl}${signLink}/document`);
  expect(pdf.headers.get('content-type')).toBe('application/pdf');
  expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

  expect(await customer('POST', signLink, { decision: 'sign' })).toMatchObject({ status: 200, body: { receipt: 'applied' } });
  // Pressing "Sign" twice is one signature.
  expect(await customer('POST', signLink, { decision: 'sign' })).toMatchObject({ status: 200, body: { receipt: 'duplicate' } });

  const payLink = await drive.emailedLink(journeyId, 'deposit:');
  // 30% of 4,500.00 + 10 × 800.00 = 3,750.00
  expect(await customer('GET', payLink)).toMatchObject({ status: 200, body: { status: 'PENDING', amountMinor: 375_000, currency: 'USD' } });
  expect(await customer('POST', payLink, {})).toMatchObject({ status: 200, body: { receipt: 'applied' } });

  const result = await h.env.client.workflow.getHandle(journeyId).result();
  // However late the second press of "Sign", it is the same signature; declining a signed contract is refused.
  expect(await customer('POST', signLink, { decision: 'sign' })).toMatchObject({ status: 200, body: { receipt: 'duplicate' } });
  expect((await customer('POST', signLink, { decision: 'decline' })).status).toBe(409);
  expect(await customer('POST', payLink, {})).toMatchObject({ status: 200, body: { receipt: 'duplicate' } });
  expect(result).toMatchObject({ status: 'COMPLETED', stage: 'delivery' });
  const detail = await h.as('manager')('GET', `/api/journeys/${encodeURIComponent(journeyId)}`);
  expect(detail.body).toMatchObject({
    status: 'COMPLETED',
    envelopeId: expect.stringMatching(/^local-env-/),
    paymentIntentId: expect.stringMatching(/^local_pi_/),
    contracts: [{ status: 'SIGNED', provider: 'local' }],
    invoices: [{ kind: 'deposit', status: 'PAID', totalMinor: 375_000, paidMinor: 375_000, payments: [{ status: 'SUCCEEDED' }] }],
    project: { status: 'PLANNING' },
  });
  // A client from the won project on, onboarding until its kickoff.
  const project = await h.db.project.findUniqueOrThrow({ where: { journeyId } });
  // The end reason names the project by its name, linked to its delivery, not by its id.
  expect(detail.body.endReasonParts).toEqual([
    { text: 'Won: contract signed, deposit paid, ' },
    { text: `project ${project.name}`, link: { resource: 'journeys', id: project.deliveryJourneyId } },
    { text: ' in delivery' },
  ]);
  const customerPage = (await h.as('sales')('GET', `/api/customers/${customerId}`)).body;
  expect(customerPage).toMatchObject({ lifecycle: 'ONBOARDING', clientSince: project.createdAt.toISOString() });
  // The customer's page names it the same way in its journeys' table.
  expect(customerPage.journeys.find((j: { id: string }) => j.id === journeyId).endReasonParts).toEqual(detail.body.endReasonParts);
  expect(detail.body.externalEvents.map((e: any) => [e.source, e.type])).toEqual([
    ['local-esign', 'envelope-completed'],
    ['local-payments', 'payment_intent.succeeded'],
  ]);
  expect(await h.db.project.count({ where: { customerId } })).toBe(1);
  const waits = await h.db.journeyWait.findMany({ where: { journeyId, kind: { in: ['signature', 'payment'] } }, orderBy: { since: 'asc' } });
  expect(waits.map((w) => [w.kind, w.outcome])).toEqual([
    ['signature', 'met'],
    ['payment', 'met'],
  ]);
});

it('ends LOST with the reason when the customer declines the contract', async () => {
  const { journeyId } = await drive.approvedQuote();
  const signLink = await drive.emailedLink(journeyId, 'contract:');
  expect((await customer('POST', signLink, { decision: 'decline', reason: 'Legal wants changes' })).status).toBe(200);
  await expect(h.env.client.workflow.getHandle(journeyId).result()).resolves.toMatchObject({
    status: 'LOST',
    reason: 'Contract declined: Legal wants changes',
  });
  const contract = await eventually(() => h.db.contract.findFirstOrThrow({ where: { journeyId } }), (c) => c.status === 'DECLINED');
  expect(contract.endReason).toBe('Legal wants changes');
});

it('shows staff the emails with every customer link hidden, so no staff role can act as the customer', async () => {
  const { journeyId } = await drive.approvedQuote();
  const signLink = await drive.emailedLink(journeyId, 'contract:'); // the stored email keeps the link that was sent
  const token = signLink.split('/').at(-1)!;
  const redacted = '/customer/contracts/[link hidden]';
  const filter = encodeURIComponent(JSON.stringify({ journeyId }));
  for (const role of ['sales', 'support', 'manager'] as const) {
    const list = await h.as(role)('GET', `/api/emails?filter=${filter}`);
    const detail = await h.as(role)('GET', `/api/journeys/${encodeURIComponent(journeyId)}`);
    for (const emails of [list.body, detail.body.emails]) {
      const texts = emails.map((e: { text: string }) => e.text).join('\n');
      expect(texts).toContain(redacted);
      expect(texts).toContain('/customer/decisions/[link hidden]');
      expect(texts).not.toContain(token);
      expect(texts).not.toMatch(/\/customer\/[a-z]+\/(?!\[link hidden\])/);
    }
  }
  // What staff can read opens nothing.
  expect((await customer('POST', redacted, { decision: 'sign' })).status).toBe(404);
  expect(await h.db.contract.findFirstOrThrow({ where: { journeyId } })).toMatchObject({ status: 'SENT' });
});

it('records who acted through a link: the action, the client, and the staff user whose session came along', async () => {
  const { journeyId } = await drive.approvedQuote();
  const signLink = await drive.emailedLink(journeyId, 'contract:');
  const asSales = await request(h.baseUrl, 'POST', signLink, { decision: 'sign' }, h.users.sales.token, { 'user-agent': 'Salesperson Browser/1.0' });
  expect(asSales.status).toBe(200);
  const payLink = await drive.emailedLink(journeyId, 'deposit:');
  expect((await request(h.baseUrl, 'POST', payLink, {}, undefined, { 'user-agent': 'Customer Phone/2.0' })).status).toBe(200);

  const used = await h.db.journeyEvent.findMany({ where: { journeyId, type: 'customer_link_used' }, orderBy: { id: 'asc' } });
  expect(used.map((e) => ({ actor: e.actor, data: e.data }))).toEqual([
    {
      actor: 'customer',
      data: { purpose: 'customer-decision', subject: 'quote:v1', action: 'answer-decision', form: 'quote-answer', decision: 'approve', ip: expect.any(String), userAgent: 'node' },
    },
    {
      actor: h.users.sales.id,
      data: { purpose: 'contract-signature', subject: expect.stringMatching(/^local-env-/), action: 'answer-contract', decision: 'sign', ip: expect.any(String), userAgent: 'Salesperson Browser/1.0', staffUserId: h.users.sales.id },
    },
    {
      actor: 'customer',
      data: { purpose: 'deposit-payment', subject: expect.stringMatching(/^local_pi_/), action: 'pay-deposit', ip: expect.any(String), userAgent: 'Customer Phone/2.0' },
    },
  ]);
  // The trail names the salesperson.
  const detail = await h.as('manager')('GET', `/api/journeys/${encodeURIComponent(journeyId)}`);
  const names = detail.body.history.filter((e: { type: string }) => e.type === 'customer_link_used').map((e: { actorName: string }) => e.actorName);
  expect(names).toEqual(['customer', 'Sam Sales', 'customer']);
});
