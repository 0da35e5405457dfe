// An invoice paid and refunded through the real Stripe SDK, pointed at the local stand-in: the pay
// link creates an intent per payment (a repeated request creates none), signed webhooks confirm
// each part once however often they are delivered, and a refund goes into the ledger once. On the
// time-skipping server, as the other billing tests.
import { startHarness, type Harness } from '../support/harness';
import { eventually, request } from '../support/http';
import { journeyDriver } from '../support/journey-driver';
import { projectReader } from '../support/projects';
import { deliverStripeWebhook, signStripePayload, startStripeStandIn, type StripeStandIn } from '../support/stand-ins/stripe';

const SECRET = 'whsec_test_invoices';
let stripe: StripeStandIn;
let h: Harness;
let drive: ReturnType<typeof journeyDriver>;
let read: ReturnType<typeof projectReader>;
beforeAll(async () => {
  stripe = await startStripeStandIn();
  h = await startHarness({ timeSkipping: true, env: { STRIPE_SECRET_KEY: 'sk_test_invoices', STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_API_URL: stripe.url } });
  drive = journeyDriver(h);
  read = projectReader(h);
});
afterAll(async () => {
  await h?.stop();
  await stripe?.stop();
});

const webhook = () => `${h.baseUrl}/webhooks/stripe`;
/** The customer pays at Stripe; Stripe tells us, twice. */
async function payAtStripe(intentId: string) {
  const { paymentIntent } = stripe.pay(intentId);
  const event = stripe.event('payment_intent.succeeded', paymentIntent);
  for (let i = 0; i < 2; i++) expect((await deliverStripeWebhook(webhook(), event, SECRET)).status).toBe(200);
}

it('collects an invoice in two Stripe payments and records a refund once', async () => {
  const { journeyId: acquisitionId } = await drive.qualifiedLead();
  const { deliveryId, projectId } = await drive.deliveryStarted(acquisitionId, undefined, async (id) => {
    const deposit = await eventually(() => h.db.payment.findFirst({ where: { journeyId: id } }), Boolean);
    await payAtStripe(deposit!.providerPaymentId!);
  });
  await drive.deliverMilestone(deliveryId, 1);
  const [m1] = await read.milestonesOf(projectId);
  // Design 4,500.00 less its share of the 3,750.00 deposit: 4,500 / 12,500 of it = 1,350.00.
  const invoice = await read.invoiceOf(m1!.id);
  expect(invoice.totalMinor).toBe(315_000);
  const link = await read.payLinkOf(invoice.journeyId);
  const pay = (body: object, key: string) => request(h.baseUrl, 'POST', link, body, undefined, { 'Idempotency-Key': key });

  const first = await pay({ amountMinor: 100_000 }, 'pay-1');
  expect(first).toMatchObject({ status: 201, body: { amountMinor: 100_000, providerPaymentId: expect.stringMatching(/^pi_/) } });
  expect(await pay({ amountMinor: 100_000 }, 'pay-1')).toMatchObject({ status: 200, body: { repeated: true, providerPaymentId: first.body.providerPaymentId } });
  const intents = stripe.requests.filter((r) => r.method === 'POST' && r.path === '/v1/payment_intents');
  expect(intents.filter((r) => (r.body as { metadata?: { invoiceId?: string } }).metadata?.invoiceId === invoice.id)).toHaveLength(1);
  expect(stripe.paymentIntents.get(first.body.providerPaymentId)).toMatchObject({ amount: 100_000, metadata: { journeyId: invoice.journeyId, invoiceId: invoice.id } });
  expect((await request(h.baseUrl, 'POST', link, {})).body.error.fields).toEqual([{ field: 'Idempotency-Key', message: 'Required (or a nonce field)' }]);

  await payAtStripe(first.body.providerPaymentId);
  await eventually(() => h.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } }), (i) => i.paidMinor === 100_000 && i.status === 'PARTIALLY_PAID');
  // The rest, requested twice at once (a double click): one payment, one intent.
  const racing = await Promise.all([pay({}, 'pay-2'), pay({}, 'pay-2')]);
  const second = racing.find((r) => r.status === 201)!;
  expect(second).toMatchObject({ body: { amountMinor: 215_000 } });
  expect(racing.every((r) => [200, 201, 409].includes(r.status))).toBe(true);
  expect(await h.db.payment.count({ where: { invoiceId: invoice.id } })).toBe(2);
  await payAtStripe(second.body.providerPaymentId);
  await expect(h.env.client.workflow.getHandle(invoice.journeyId).result()).resolves.toMatchObject({ status: 'COMPLETED' });
  expect(await h.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ status: 'PAID', paidMinor: 315_000 });
  const received = await h.db.journeyEvent.findMany({ where: { journeyId: invoice.journeyId, type: 'payment_received' } });
  expect(received.map((e) => (e.data as { amountMinor: number }).amountMinor).sort()).toEqual([100_000, 215_000]);

  // A partial refund of the first payment, delivered twice, and once more with a bad signature.
  const { refund } = stripe.refund(first.body.providerPaymentId, 25_000);
  const refundEvent = stripe.event('refund.created', refund);
  const forged = JSON.stringify(refundEvent);
  const bad = await fetch(webhook(), { method: 'POST', body: forged, headers: { 'content-type': 'application/json', 'stripe-signature': signStripePayload(forged, 'whsec_wrong') } });
  expect(bad.status).toBe(400);
  expect(await h.db.refund.count({ where: { invoiceId: invoice.id } })).toBe(0);
  const answers = [await deliverStripeWebhook(webhook(), refundEvent, SECRET), await deliverStripeWebhook(webhook(), refundEvent, SECRET)];
  expect(answers.map((a) => (a.body as { refund?: string }).refund)).toEqual(['recorded', 'duplicate']);
  expect(await h.db.refund.findMany({ where: { invoiceId: invoice.id } })).toMatchObject([{ providerRefundId: refund.id, amountMinor: 25_000 }]);
  // Money went back; nothing is owed again.
  expect(await h.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ status: 'PAID', paidMinor: 315_000, refundedMinor: 25_000 });
  expect(await h.db.journeyEvent.count({ where: { journeyId: invoice.journeyId, type: 'refund_recorded' } })).toBe(1);
  expect(await h.db.externalEvent.findFirstOrThrow({ where: { eventId: refundEvent.id } })).toMatchObject({ journeyId: invoice.journeyId, error: null });
});
