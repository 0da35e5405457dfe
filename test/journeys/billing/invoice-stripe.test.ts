// An invoice paid and refunded through the real Stripe SDK, pointed at the local stand-in: the pay
// link creates an intent per payment (a repeated request creates none) and cancels the ones left
// open, signed webhooks confirm each part once however often (and however concurrently) they are
// delivered, refunds are followed to their final status, a payment after the invoice was settled
// is recorded as an overpayment for finance, and a signed body that is not an event is refused.
// On the time-skipping server, as the other billing tests.
import Stripe from 'stripe';
import { startHarness, type Harness } from '../../support/harness';
import { eventually, request } from '../../support/http';
import { journeyDriver } from '../../support/journey-driver';
import { projectReader } from '../../support/projects';
import { deliverStripeWebhook, signStripePayload, startStripeStandIn, type StripeStandIn } from '../../support/stand-ins/stripe';

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
/** Delivers `event` signed with the endpoint's secret; its answer's body. */
const deliver = async (event: Parameters<typeof deliverStripeWebhook>[1]) => {
  const res = await deliverStripeWebhook(webhook(), event, SECRET);
  expect(res.status).toBe(200);
  return res.body as { receipt: string; refund?: string };
};

/** A new project's first milestone invoiced (315,000, worked out in the first test), with its pay link. */
async function milestoneInvoice() {
  const { journeyId: acquisitionId } = await drive.qualifiedLead();
  const { deliveryId, projectId } = await drive.deliveryStarted(acquisitionId, undefined, async (id) => {
    const deposit = await eventually(() => h.db.payment.findFirst({ where: { journeyId: id } }), Boolean);
    await payAtStripe(deposit!.providerPaymentId!);
  });
  await drive.deliverMilestone(deliveryId, 1);
  const [m1] = await read.milestonesOf(projectId);
  const invoice = await read.invoiceOf(m1!.id);
  expect(invoice.totalMinor).toBe(315_000);
  const link = await read.payLinkOf(invoice.journeyId);
  const pay = async (body: object, key: string) => {
    const res = await request(h.baseUrl, 'POST', link, body, undefined, { 'Idempotency-Key': key });
    if (res.status !== 201) throw new Error(`paying ${JSON.stringify(body)}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { providerPaymentId: string; amountMinor: number };
  };
  return { invoice, link, pay, ledger: () => h.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } }) };
}

/** The customer pays at Stripe; Stripe tells us, twice. */
async function payAtStripe(intentId: string) {
  const { paymentIntent } = stripe.pay(intentId);
  const event = stripe.event('payment_intent.succeeded', paymentIntent);
  for (let i = 0; i < 2; i++) expect((await deliverStripeWebhook(webhook(), event, SECRET)).status).toBe(200);
}

it('collects an invoice in two Stripe payments and records a refund once', async () => {
  // Design 4,500.00 less its share of the 3,750.00 deposit: 4,500 / 12,500 of it = 1,350.00, so 3,150.00.
  const { invoice, link } = await milestoneInvoice();
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
  // The timeline shows them as money: each names its currency.
  expect(received.map((e) => (e.data as { currency: string }).currency)).toEqual([invoice.currency, invoice.currency]);

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

const sdk = () => new Stripe('sk_test_invoices', { host: stripe.host, port: stripe.port, protocol: 'http' });
/** An intent made outside the pay link (by hand at Stripe, or before open intents were cancelled), paid at once. */
async function paidOutsideTheLink(invoice: { id: string; journeyId: string }, amount: number, currency = 'usd') {
  const intent = await sdk().paymentIntents.create({ amount, currency, metadata: { journeyId: invoice.journeyId, invoiceId: invoice.id } });
  return stripe.event('payment_intent.succeeded', stripe.pay(intent.id).paymentIntent);
}

it('cancels the intents a new request for the balance replaces, and counts one that can no longer be cancelled', async () => {
  const { invoice, pay, ledger } = await milestoneInvoice();
  // 100,000 paid at Stripe; its webhook is late. It can no longer be cancelled, so it counts.
  const first = await pay({ amountMinor: 100_000 }, 'part');
  const paidFirst = stripe.pay(first.providerPaymentId).paymentIntent;
  // The whole balance, asked for in two tabs: the second request cancels the first's intent.
  const abandoned = await pay({}, 'tab-1');
  expect(abandoned.amountMinor).toBe(215_000); // 315,000 - 100,000 paid at Stripe
  const rest = await pay({}, 'tab-2');
  expect(rest.amountMinor).toBe(215_000);
  expect(stripe.paymentIntents.get(abandoned.providerPaymentId)).toMatchObject({ status: 'canceled', cancellation_reason: 'duplicate' });
  expect(await h.db.payment.findUniqueOrThrow({ where: { providerPaymentId: abandoned.providerPaymentId } })).toMatchObject({ status: 'CANCELED' });
  expect(() => stripe.pay(abandoned.providerPaymentId)).toThrow(/canceled/);

  await deliver(stripe.event('payment_intent.succeeded', paidFirst));
  await payAtStripe(rest.providerPaymentId);
  await expect(h.env.client.workflow.getHandle(invoice.journeyId).result()).resolves.toMatchObject({ status: 'COMPLETED' });
  expect(await ledger()).toMatchObject({ status: 'PAID', paidMinor: 315_000 });
});

it('records a payment that succeeds after its invoice was paid as an overpayment, with a task for finance', async () => {
  const { invoice, link, pay, ledger } = await milestoneInvoice();
  await payAtStripe((await pay({}, 'all')).providerPaymentId);
  await expect(h.env.client.workflow.getHandle(invoice.journeyId).result()).resolves.toMatchObject({ status: 'COMPLETED' });
  expect((await request(h.baseUrl, 'POST', link, {}, undefined, { 'Idempotency-Key': 'after' })).status).toBe(409);

  // No journey waits for this 315,000 any more, yet the money goes into the ledger.
  const late = await paidOutsideTheLink(invoice, 315_000);
  expect(await deliver(late)).toMatchObject({ receipt: 'applied' });
  expect(await deliver(late)).toMatchObject({ receipt: 'duplicate' });
  const stored = await h.db.externalEvent.findFirstOrThrow({ where: { eventId: late.id } });
  expect(stored).toMatchObject({ error: null, journeyId: expect.stringMatching(/:billing:.*\.late\.pi_/) });
  const task = await eventually(() => h.db.task.findFirst({ where: { journeyId: stored.journeyId!, type: 'review-late-payment' } }), Boolean);
  // Started by the API, it hangs under the invoice's journey all the same.
  expect(await h.db.journey.findUniqueOrThrow({ where: { id: stored.journeyId! } })).toMatchObject({ kind: 'billing', parentJourneyId: invoice.journeyId });
  // 315,000 + 315,000 received on an invoice of 315,000: 315,000 overpaid.
  expect(task).toMatchObject({ role: 'finance', status: 'OPEN', input: expect.objectContaining({ invoiceId: invoice.id, amountMinor: 315_000, overpaidMinor: 315_000 }) });
  expect(await ledger()).toMatchObject({ status: 'PAID', paidMinor: 630_000 });
  expect(await h.db.payment.findUniqueOrThrow({ where: { providerPaymentId: late.data.object.id } })).toMatchObject({ status: 'SUCCEEDED', amountMinor: 315_000, invoiceId: invoice.id });
  await drive.complete('finance', stored.journeyId!, 'review-late-payment', { outcome: 'refunded', notes: 'Refunded at Stripe' });
  await expect(h.env.client.workflow.getHandle(stored.journeyId!).result()).resolves.toMatchObject({ status: 'COMPLETED' });
});

it('sends a payment that arrives with the one that settles the invoice to finance as an overpayment, not into the void', async () => {
  const { invoice, pay, ledger } = await milestoneInvoice();
  // The whole balance paid twice at once (two tabs, say): both succeed at Stripe and are delivered together.
  const viaLink = stripe.event('payment_intent.succeeded', stripe.pay((await pay({}, 'first-tab')).providerPaymentId).paymentIntent);
  const viaOther = await paidOutsideTheLink(invoice, 315_000);
  const receipts = await Promise.all([deliver(viaLink), deliver(viaOther)]);
  expect(receipts.map((r) => r.receipt)).toEqual(['applied', 'applied']);
  await expect(h.env.client.workflow.getHandle(invoice.journeyId).result()).resolves.toMatchObject({ status: 'COMPLETED' });
  // 315,000 + 315,000 on an invoice of 315,000: both in the ledger, 315,000 for finance to refund.
  await eventually(ledger, (i) => i.paidMinor === 630_000);
  const review = await eventually(() => h.db.task.findFirst({ where: { type: 'review-late-payment', input: { path: ['invoiceId'], equals: invoice.id } } }), Boolean);
  expect(review).toMatchObject({ role: 'finance', status: 'OPEN', input: expect.objectContaining({ amountMinor: 315_000, overpaidMinor: 315_000 }) });
  expect(await h.db.journey.findUniqueOrThrow({ where: { id: review!.journeyId } })).toMatchObject({ kind: 'billing', parentJourneyId: invoice.journeyId });
});

it('sends what a payment paid beyond the balance to finance, when a credit note came between its request and its payment', async () => {
  const { invoice, pay, ledger } = await milestoneInvoice();
  // The customer's page asks Stripe for the whole 315,000; finance credits 15,000 before the customer pays it.
  const intent = await pay({}, 'whole-balance');
  expect(intent.amountMinor).toBe(315_000);
  const note = await request(h.baseUrl, 'POST', `/api/invoices/${invoice.id}/credit-notes`, { amountMinor: 15_000, reason: 'Goodwill' }, h.users.finance.token, { 'Idempotency-Key': 'goodwill' });
  expect(note.status).toBe(201);
  await eventually(() => h.db.creditNote.findFirst({ where: { invoiceId: invoice.id, appliedAt: { not: null } } }), Boolean);
  await payAtStripe(intent.providerPaymentId);
  await expect(h.env.client.workflow.getHandle(invoice.journeyId).result()).resolves.toMatchObject({ status: 'COMPLETED' });
  // 315,000 paid + 15,000 credited on an invoice of 315,000: 15,000 paid over, for finance to refund or keep.
  expect(await ledger()).toMatchObject({ status: 'PAID', paidMinor: 315_000, creditedMinor: 15_000 });
  const review = await eventually(() => h.db.task.findFirst({ where: { type: 'review-late-payment', input: { path: ['invoiceId'], equals: invoice.id } } }), Boolean);
  expect(review).toMatchObject({
    role: 'finance',
    status: 'OPEN',
    title: expect.stringMatching(new RegExp(`^Refund or keep \\D*150\\.00 overpaid on invoice ${invoice.number}$`)),
    input: expect.objectContaining({ amountMinor: 315_000, overpaidMinor: 15_000, providerPaymentId: intent.providerPaymentId }),
  });
  expect(await h.db.journey.findUniqueOrThrow({ where: { id: review!.journeyId } })).toMatchObject({ kind: 'billing', parentJourneyId: invoice.journeyId });
});

it('counts a refund only once it succeeds: pending then failed never counts, and a late pending event does not undo a final one', async () => {
  const { invoice, pay, ledger } = await milestoneInvoice();
  const payment = await pay({}, 'all');
  await payAtStripe(payment.providerPaymentId);
  await expect(h.env.client.workflow.getHandle(invoice.journeyId).result()).resolves.toMatchObject({ status: 'COMPLETED' });

  // 40,000: pending, then failed at the bank.
  const failing = stripe.refund(payment.providerPaymentId, 40_000, 'pending').refund;
  expect(await deliver(stripe.event('refund.created', failing))).toMatchObject({ refund: 'recorded' });
  expect(await ledger()).toMatchObject({ refundedMinor: 0 });
  expect(await deliver(stripe.event('refund.failed', stripe.settleRefund(failing.id, 'failed')))).toMatchObject({ refund: 'recorded' });
  expect(await deliver(stripe.event('refund.updated', { ...failing, status: 'pending' }))).toMatchObject({ refund: 'duplicate' });
  expect(await h.db.refund.findUniqueOrThrow({ where: { providerRefundId: failing.id } })).toMatchObject({ status: 'FAILED', amountMinor: 40_000 });
  expect(await ledger()).toMatchObject({ refundedMinor: 0 });

  // 15,000: pending, then succeeded; counted once, however often it is delivered.
  const settling = stripe.refund(payment.providerPaymentId, 15_000, 'pending').refund;
  await deliver(stripe.event('refund.created', settling));
  const settled = stripe.event('refund.updated', stripe.settleRefund(settling.id, 'succeeded'));
  expect(await deliver(settled)).toMatchObject({ refund: 'recorded' });
  expect(await deliver(settled)).toMatchObject({ refund: 'duplicate' });
  expect(await ledger()).toMatchObject({ paidMinor: 315_000, refundedMinor: 15_000 });
  expect(await h.db.payment.findUniqueOrThrow({ where: { providerPaymentId: payment.providerPaymentId } })).toMatchObject({ status: 'SUCCEEDED' });
  const events = await h.db.journeyEvent.findMany({ where: { journeyId: invoice.journeyId, type: { startsWith: 'refund_' } }, orderBy: { id: 'asc' } });
  expect(events.map((e) => e.type)).toEqual(['refund_pending', 'refund_failed', 'refund_pending', 'refund_recorded']);
});

it('leaves a payment REFUNDED when its refund comes before its own succeeded event', async () => {
  const { invoice, pay, ledger } = await milestoneInvoice();
  const payment = await pay({}, 'all');
  const paid = stripe.pay(payment.providerPaymentId).paymentIntent;
  const refund = stripe.refund(payment.providerPaymentId).refund;
  expect(await deliver(stripe.event('refund.created', refund))).toMatchObject({ refund: 'recorded' });
  expect(await deliver(stripe.event('payment_intent.succeeded', paid))).toMatchObject({ receipt: 'applied' });
  await expect(h.env.client.workflow.getHandle(invoice.journeyId).result()).resolves.toMatchObject({ status: 'COMPLETED' });
  expect(await h.db.payment.findUniqueOrThrow({ where: { providerPaymentId: payment.providerPaymentId } })).toMatchObject({ status: 'REFUNDED' });
  expect(await ledger()).toMatchObject({ status: 'PAID', paidMinor: 315_000, refundedMinor: 315_000 });
});

it('answers exactly one of five concurrent deliveries of an event applied, the others duplicate', async () => {
  const { invoice, pay, ledger } = await milestoneInvoice();
  const payment = await pay({}, 'all');
  const succeeded = stripe.event('payment_intent.succeeded', stripe.pay(payment.providerPaymentId).paymentIntent);
  const receipts = await Promise.all(Array.from({ length: 5 }, () => deliver(succeeded)));
  expect(receipts.map((r) => r.receipt).sort()).toEqual(['applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
  await expect(h.env.client.workflow.getHandle(invoice.journeyId).result()).resolves.toMatchObject({ status: 'COMPLETED' });
  expect(await ledger()).toMatchObject({ paidMinor: 315_000 });
});

it('keeps a payment in another currency than its invoice\'s unapplied, with the reason', async () => {
  const { invoice, ledger } = await milestoneInvoice();
  const euros = await paidOutsideTheLink(invoice, 315_000, 'eur');
  expect(await deliver(euros)).toMatchObject({ receipt: 'unmatched' });
  expect(await h.db.externalEvent.findFirstOrThrow({ where: { eventId: euros.id } })).toMatchObject({
    appliedAt: null,
    error: `The payment is in EUR; invoice ${invoice.number} is in USD`,
  });
  expect(await ledger()).toMatchObject({ status: 'OPEN', paidMinor: 0 });
  // The journey still waits for a payment (its wait opens a moment after the invoice is issued).
  const wait = await eventually(() => h.db.journeyWait.findFirst({ where: { journeyId: invoice.journeyId, kind: 'payment' } }), Boolean);
  expect(wait).toMatchObject({ outcome: null });
});

const post = async (body: string, signature?: string) => {
  const res = await fetch(webhook(), { method: 'POST', body, headers: { 'content-type': 'application/json', ...(signature && { 'stripe-signature': signature }) } });
  return { status: res.status, body: (await res.json()) as { error: { code: string; message: string; fields?: unknown } } };
};

it('names the cause of a refused delivery: no signature, wrong signature, stale timestamp, not JSON', async () => {
  const event = JSON.stringify(stripe.event('payment_intent.created', { id: 'pi_none', amount_received: 0, currency: 'usd', metadata: {} }));
  expect(await post(event)).toMatchObject({ status: 400, body: { error: { code: 'validation_failed', message: 'Missing Stripe-Signature header' } } });
  expect(await post(event, signStripePayload(event, 'whsec_wrong'))).toMatchObject({
    status: 400,
    body: { error: { message: expect.stringMatching(/does not match the body/), fields: [{ field: 'Stripe-Signature', message: 'Invalid signature' }] } },
  });
  const hourAgo = Math.floor(Date.now() / 1000) - 3600;
  expect(await post(event, signStripePayload(event, SECRET, hourAgo))).toMatchObject({
    status: 400,
    body: { error: { message: expect.stringMatching(/timestamp is 360\d s old/), fields: [{ field: 'Stripe-Signature', message: 'Stale timestamp' }] } },
  });
  expect(await post('not json', signStripePayload('not json', SECRET))).toMatchObject({ status: 400, body: { error: { code: 'invalid_json', message: 'The body is correctly signed but is not JSON' } } });
  expect(await post(event, signStripePayload(event, SECRET))).toMatchObject({ status: 200 });
});

it('answers a correctly signed body that is not a Stripe event with a 400, never a 500', async () => {
  const hello = '{"hello":"world"}';
  expect(await post(hello, signStripePayload(hello, SECRET))).toMatchObject({
    status: 400,
    body: { error: { code: 'validation_failed', message: 'The body is correctly signed but is not a Stripe event', fields: expect.arrayContaining([{ field: 'id', message: 'Required' }]) } },
  });
  const noIntent = JSON.stringify(stripe.event('payment_intent.succeeded', { id: 'pi_none' }));
  expect(await post(noIntent, signStripePayload(noIntent, SECRET))).toMatchObject({
    status: 400,
    body: { error: { message: 'The body is correctly signed but is not a payment intent event', fields: expect.arrayContaining([{ field: 'data.object.amount_received', message: 'Required' }]) } },
  });
  const noRefund = JSON.stringify(stripe.event('refund.created', { id: 're_none', amount: -5 }));
  expect(await post(noRefund, signStripePayload(noRefund, SECRET))).toMatchObject({ status: 400, body: { error: { message: 'The body is correctly signed but is not a refund event' } } });
});

it('keeps a signed event whose text PostgreSQL cannot store, with that text replaced, instead of refusing it for days', async () => {
  const event = stripe.event('payment_intent.created', { id: `pi_nul_${Date.now()}`, amount_received: 0, currency: 'usd', metadata: {}, description: 'Nul\u0000Co \ud800' });
  // As Stripe writes it: the NUL and the unpaired surrogate as JSON escapes.
  const body = JSON.stringify(event);
  expect(body).toContain('\\u0000');
  const res = await post(body, signStripePayload(body, SECRET));
  expect(res.status).toBe(200);
  const stored = await h.db.externalEvent.findFirstOrThrow({ where: { source: 'stripe', eventId: event.id } });
  expect(JSON.stringify(stored.payload)).toContain('Nul\ufffdCo \ufffd');
});
