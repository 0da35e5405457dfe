// The contract phase through the real DocuSign and Stripe SDKs, pointed at local stand-ins that
// speak their HTTP APIs, with webhooks signed exactly as DocuSign Connect and Stripe sign them.
import { startHarness, type Harness } from '../support/harness';
import { eventually, request } from '../support/http';
import { approveReview, quoteDraft } from '../support/fixtures';
import { journeyDriver } from '../support/journey-driver';
import { deliverDocuSignEvent, startDocuSignStandIn, type DocuSignStandIn } from '../support/stand-ins/docusign';
import { deliverStripeWebhook, signStripePayload, startStripeStandIn, type StripeStandIn } from '../support/stand-ins/stripe';

const WEBHOOK_SECRET = 'whsec_test_pivotal';
const CONNECT_KEY = 'connect-hmac-key-for-tests';
let stripe: StripeStandIn;
let docusign: DocuSignStandIn;
let h: Harness;
let drive: ReturnType<typeof journeyDriver>;
/** Envelopes whose signer signs at once: the Connect event overtakes the create call's answer. */
const signsAtOnce = new Set<string>();

beforeAll(async () => {
  [stripe, docusign] = await Promise.all([
    startStripeStandIn(),
    startDocuSignStandIn({
      beforeAnswer: async (envelope) => {
        const journeyId = envelope.textCustomFields.find((f) => f.name === 'journeyId')?.value;
        if (!journeyId || !signsAtOnce.has(journeyId)) return;
        const event = JSON.stringify(docusign.connectEvent('envelope-completed', envelope.envelopeId));
        const res = await deliverDocuSignEvent(webhook('docusign'), event, CONNECT_KEY);
        if (res.status !== 200) throw new Error(`early Connect event answered ${res.status}: ${res.body}`);
      },
    }),
  ]);
  h = await startHarness({
    env: {
      STRIPE_SECRET_KEY: 'sk_test_pivotal',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: stripe.url,
      DOCUSIGN_BASE_PATH: docusign.basePath,
      DOCUSIGN_ACCOUNT_ID: docusign.accountId,
      DOCUSIGN_ACCESS_TOKEN: docusign.accessToken,
      DOCUSIGN_CONNECT_HMAC_KEY: CONNECT_KEY,
    },
  });
  drive = journeyDriver(h);
});
afterAll(async () => {
  await h?.stop();
  await Promise.all([stripe?.stop(), docusign?.stop()]);
});

const webhook = (path: string) => `${h.baseUrl}/webhooks/${path}`;
const envelopeOf = (journeyId: string) =>
  eventually(() => h.db.contract.findFirst({ where: { journeyId, status: 'SENT' } }), (c) => !!c?.envelopeId).then((c) => c!.envelopeId!);
const intentOf = (journeyId: string) =>
  eventually(() => h.db.payment.findFirst({ where: { journeyId } }), Boolean).then((p) => p!.providerPaymentId!);
const eventTypes = async (journeyId: string) =>
  (await h.db.journeyEvent.findMany({ where: { journeyId }, orderBy: { id: 'asc' } })).map((e) => e.type);

it('takes a journey from approval to delivery: DocuSign envelope and Connect event, Stripe intent and webhook', async () => {
  const { journeyId } = await drive.approvedQuote();
  const envelopeId = await envelopeOf(journeyId);
  const envelope = docusign.envelopes.get(envelopeId)!;
  expect(envelope.documents[0]!.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(envelope.signers[0]).toMatchObject({ email: expect.stringMatching(/@northwind\.test$/), name: 'Nancy Davolio' });
  expect(envelope.textCustomFields).toContainEqual(expect.objectContaining({ name: 'journeyId', value: journeyId }));

  // Unsigned or wrongly signed Connect messages change nothing.
  const completed = JSON.stringify(docusign.connectEvent('envelope-completed', envelopeId));
  const forged = await fetch(webhook('docusign'), { method: 'POST', headers: { 'content-type': 'application/json', 'x-docusign-signature-1': 'bm90IGl0' }, body: completed });
  expect(forged.status).toBe(400);
  const unsigned = await fetch(webhook('docusign'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: completed });
  expect(unsigned.status).toBe(400);
  expect(await h.db.externalEvent.count({ where: { journeyId } })).toBe(0);

  // Signed: applied once, however often DocuSign retries it.
  const first = await deliverDocuSignEvent(webhook('docusign'), completed, CONNECT_KEY);
  expect(first.status).toBe(200);
  expect(JSON.parse(first.body)).toMatchObject({ receipt: 'applied' });
  expect(JSON.parse((await deliverDocuSignEvent(webhook('docusign'), completed, CONNECT_KEY)).body)).toMatchObject({ receipt: 'duplicate' });

  // The deposit: one Stripe intent, created with an idempotency key, for 30% of the quote.
  const intentId = await intentOf(journeyId);
  const intent = stripe.paymentIntents.get(intentId)!;
  expect(intent).toMatchObject({ amount: 375_000, currency: 'usd', metadata: { journeyId } });
  const creates = stripe.requests.filter((r) => r.method === 'POST' && r.path === '/v1/payment_intents');
  expect(creates.every((r) => typeof r.headers['idempotency-key'] === 'string')).toBe(true);
  const detail = await h.as('manager')('GET', `/api/journeys/${encodeURIComponent(journeyId)}`);
  expect(detail.body).toMatchObject({ stage: 'deposit', envelopeId, paymentIntentId: intentId });

  // A bad Stripe signature is refused; a good one, delivered twice and out of order, counts once.
  const { paymentIntent } = stripe.pay(intentId);
  const succeeded = stripe.event('payment_intent.succeeded', paymentIntent);
  const tampered = JSON.stringify({ ...succeeded, id: 'evt_forged' });
  const bad = await fetch(webhook('stripe'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signStripePayload(JSON.stringify(succeeded), WEBHOOK_SECRET) },
    body: tampered,
  });
  expect(bad.status).toBe(400);
  expect((await fetch(webhook('stripe'), { method: 'POST', body: tampered })).status).toBe(400);
  const deliveries = await stripe.sendWebhook(webhook('stripe'), succeeded, { secret: WEBHOOK_SECRET, duplicate: true });
  expect(deliveries.map((d) => d.status)).toEqual([200, 200]);
  const late = await deliverStripeWebhook(webhook('stripe'), stripe.event('payment_intent.created', { ...paymentIntent, status: 'requires_payment_method' }), WEBHOOK_SECRET);
  expect(late.status).toBe(200);

  const result = await h.env.client.workflow.getHandle(journeyId).result();
  expect(result).toMatchObject({ status: 'COMPLETED', stage: 'delivery' });
  const types = await eventTypes(journeyId);
  expect(types.filter((t) => t === 'payment_received')).toHaveLength(1);
  expect(types.filter((t) => t === 'contract_signed')).toHaveLength(1);
  expect(types.at(-2)).toBe('project_created');
  expect(await h.db.externalEvent.count({ where: { source: 'stripe', journeyId } })).toBe(2); // succeeded (once) + created
  expect(await h.db.invoice.findFirstOrThrow({ where: { journeyId } })).toMatchObject({ status: 'PAID', paidMinor: 375_000 });
});

it('keeps an event that arrives before the journey waits for it, and applies it when the wait begins', async () => {
  const lead = await drive.qualifiedLead();
  signsAtOnce.add(lead.journeyId);
  const { journeyId } = lead;
  await drive.complete('sales', journeyId, 'prepare-quote', quoteDraft);
  await drive.complete('pm', journeyId, 'review-estimates', approveReview);
  await drive.complete('finance', journeyId, 'review-pricing', approveReview);
  expect((await request(h.baseUrl, 'POST', await drive.quoteLink(journeyId, 1), { decision: 'approve' })).status).toBe(200);

  // The Connect event was received while the envelope was being created: before the contract row
  // knew its envelope id (the journey came from the envelope's custom field) and before the
  // journey waited. The journey still takes it and moves to the deposit.
  const intentId = await intentOf(journeyId);
  const early = await h.db.externalEvent.findFirstOrThrow({ where: { journeyId, source: 'docusign' } });
  const signatureWait = await h.db.journeyWait.findFirstOrThrow({ where: { journeyId, kind: 'signature' } });
  expect(early.receivedAt.getTime()).toBeLessThanOrEqual(signatureWait.since.getTime());
  expect(signatureWait.outcome).toBe('met');

  const { paymentIntent } = stripe.pay(intentId);
  expect((await deliverStripeWebhook(webhook('stripe'), stripe.event('payment_intent.succeeded', paymentIntent), WEBHOOK_SECRET)).status).toBe(200);
  await expect(h.env.client.workflow.getHandle(journeyId).result()).resolves.toMatchObject({ status: 'COMPLETED', stage: 'delivery' });
});

it('ends the journey LOST when the signer declines in DocuSign', async () => {
  const { journeyId } = await drive.approvedQuote();
  const envelopeId = await envelopeOf(journeyId);
  const declined = JSON.stringify(docusign.connectEvent('envelope-declined', envelopeId, { reason: 'Terms not acceptable' }));
  expect((await deliverDocuSignEvent(webhook('docusign'), declined, CONNECT_KEY)).status).toBe(200);
  await expect(h.env.client.workflow.getHandle(journeyId).result()).resolves.toMatchObject({
    status: 'LOST',
    reason: 'Contract declined: Terms not acceptable',
  });
});

it('stores and reports an event no journey owns', async () => {
  const orphan = stripe.event('payment_intent.succeeded', { id: 'pi_orphan', object: 'payment_intent', amount: 100, amount_received: 100, currency: 'usd', metadata: {} });
  const res = await deliverStripeWebhook(webhook('stripe'), orphan, WEBHOOK_SECRET);
  expect(res).toMatchObject({ status: 200 });
  const listed = await h.as('manager')('GET', `/api/external-events?filter=${encodeURIComponent(JSON.stringify({ unmatched: true, source: 'stripe' }))}`);
  expect(listed.body).toContainEqual(expect.objectContaining({ eventId: orphan.id, objectId: 'pi_orphan', error: 'No journey owns this object', appliedAt: null }));
  expect((await h.as('sales')('GET', '/api/external-events')).status).toBe(403);
});
