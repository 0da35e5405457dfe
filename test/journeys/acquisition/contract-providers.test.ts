// The contract phase through the real DocuSign and Stripe SDKs, pointed at local stand-ins that
// speak their HTTP APIs, with webhooks signed exactly as DocuSign Connect and Stripe sign them.
import { startHarness, type Harness } from '../../support/harness';
import { eventually, request } from '../../support/http';
import { approveReview, quoteDraft } from '../../support/fixtures';
import { journeyDriver } from '../../support/journey-driver';
import { deliverDocuSignEvent, signDocuSignPayload, startDocuSignStandIn, type DocuSignStandIn } from '../../support/stand-ins/docusign';
import { deliverStripeWebhook, signStripePayload, startStripeStandIn, type StripeStandIn } from '../../support/stand-ins/stripe';

const WEBHOOK_SECRET = 'whsec_test_pivotal';
const CONNECT_KEY = 'connect-hmac-key-for-tests';
let stripe: StripeStandIn;
let docusign: DocuSignStandIn;
let h: Harness;
let drive: ReturnType<typeof journeyDriver>;
/** Envelopes whose signer signs at once: the Connect event overtakes the create call's answer. */
const signsAtOnce = new Set<string>();
/** Of those, the ones whose Connect message comes without the envelope's custom fields. */
const withoutCustomFields = new Set<string>();

beforeAll(async () => {
  [stripe, docusign] = await Promise.all([
    startStripeStandIn(),
    startDocuSignStandIn({
      beforeAnswer: async (envelope) => {
        const journeyId = envelope.textCustomFields.find((f) => f.name === 'journeyId')?.value;
        if (!journeyId || !signsAtOnce.has(journeyId)) return;
        const message = docusign.connectEvent('envelope-completed', envelope.envelopeId);
        if (withoutCustomFields.has(journeyId)) delete message.data.envelopeSummary.customFields;
        const event = JSON.stringify(message);
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

it('applies a Connect event that named no journey and came before the envelope id was stored, once the journey claims the envelope', async () => {
  const lead = await drive.qualifiedLead();
  signsAtOnce.add(lead.journeyId);
  withoutCustomFields.add(lead.journeyId);
  const { journeyId } = lead;
  await drive.complete('sales', journeyId, 'prepare-quote', quoteDraft);
  await drive.complete('pm', journeyId, 'review-estimates', approveReview);
  await drive.complete('finance', journeyId, 'review-pricing', approveReview);
  expect((await request(h.baseUrl, 'POST', await drive.quoteLink(journeyId, 1), { decision: 'approve' })).status).toBe(200);

  // No other Connect message comes: the signature is taken from the one kept, and the deposit is asked for.
  await intentOf(journeyId);
  const contract = await h.db.contract.findFirstOrThrow({ where: { journeyId } });
  expect(contract.status).toBe('SIGNED');
  expect(await h.db.externalEvent.findFirstOrThrow({ where: { source: 'docusign', objectId: contract.envelopeId! } })).toMatchObject({
    journeyId,
    error: null,
    appliedAt: expect.any(Date),
  });
  expect(await h.db.journeyWait.findFirstOrThrow({ where: { journeyId, kind: 'signature' } })).toMatchObject({ outcome: 'met' });
});

it('accepts a Connect message signed by any of its keys, and names why one is refused', async () => {
  const body = JSON.stringify({ event: 'envelope-sent', data: { envelopeId: 'a7c9b1e2-0000-4000-8000-000000000001' } });
  const post = async (text: string, headers: Record<string, string>) => {
    const res = await fetch(webhook('docusign'), { method: 'POST', body: text, headers: { 'content-type': 'application/json', ...headers } });
    return { status: res.status, body: await res.json() };
  };
  // Connect signs with every key of the account; ours is the third.
  const signed = {
    'x-docusign-signature-1': signDocuSignPayload(body, 'an-older-key'),
    'x-docusign-signature-2': signDocuSignPayload(body, 'another-key'),
    'x-docusign-signature-3': signDocuSignPayload(body, CONNECT_KEY),
  };
  expect(await post(body, signed)).toMatchObject({ status: 200, body: { receipt: 'unmatched' } });
  expect(await post(body, { 'x-docusign-signature-12': signDocuSignPayload(body, 'nobody') })).toMatchObject({
    status: 400,
    body: { error: { code: 'validation_failed', message: expect.stringMatching(/None of the 1 X-DocuSign-Signature headers matches/) } },
  });
  expect(await post(body, {})).toMatchObject({ status: 400, body: { error: { message: 'Missing X-DocuSign-Signature-<n> header' } } });
  expect(await post('<xml/>', { 'x-docusign-signature-1': signDocuSignPayload('<xml/>', CONNECT_KEY) })).toMatchObject({
    status: 400,
    body: { error: { code: 'invalid_json', message: 'The body is correctly signed but is not JSON' } },
  });
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
