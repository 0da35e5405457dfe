// The Stripe and DocuSign stand-ins, driven through the real SDKs configured as the product
// configures them, and their webhook signatures checked by the SDK's own verifier (Stripe) and an
// independent HMAC (DocuSign). No database or Temporal needed.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import docusign from 'docusign-esign';
import { deliverStripeWebhook, signStripePayload, startStripeStandIn, stripeEvent, type StripeStandIn } from '../support/stand-ins/stripe';
import { deliverDocuSignEvent, signDocuSignPayload, startDocuSignStandIn, type DocuSignStandIn } from '../support/stand-ins/docusign';

const SECRET_KEY = 'sk_test_pivotalStandIn123';
const WEBHOOK_SECRET = 'whsec_test_standInSigningSecret';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

type Received = { headers: http.IncomingHttpHeaders; rawBody: string };

/** A webhook endpoint that keeps what it got and answers with `answer(raw body, headers)`. */
async function receiver(answer: (r: Received) => { status: number; body: unknown }) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') };
      received.push(r);
      const { status, body } = answer(r);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The error a rejected call ended with, to assert on. */
async function rejection(call: Promise<unknown>): Promise<any> {
  try {
    await call;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

describe('Stripe stand-in through stripe-node', () => {
  let standIn: StripeStandIn;
  let stripe: Stripe;
  const params = {
    amount: 250_000,
    currency: 'usd',
    description: 'Deposit for invoice INV-1',
    automatic_payment_methods: { enabled: true },
    metadata: { journeyId: 'journey:c1:acquisition:1', invoiceId: 'inv-1' },
  };

  beforeAll(async () => {
    standIn = await startStripeStandIn();
    stripe = new Stripe(SECRET_KEY, { host: standIn.host, port: standIn.port, protocol: 'http' });
  });
  afterAll(() => standIn.stop());

  it('creates a PaymentIntent from stripe-node’s form-encoded request', async () => {
    const intent = await stripe.paymentIntents.create(params, { idempotencyKey: 'invoice:inv-1:intent' });
    expect(intent).toMatchObject({
      object: 'payment_intent',
      amount: 250_000,
      currency: 'usd',
      status: 'requires_payment_method',
      metadata: params.metadata,
      automatic_payment_methods: { enabled: true },
      livemode: false,
    });
    expect(intent.id).toMatch(/^pi_\w{24}$/);
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_\\w+$`));
    const sent = standIn.requests.at(-1)!;
    expect(sent).toMatchObject({ method: 'POST', path: '/v1/payment_intents' });
    expect(sent.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(sent.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(sent.headers['idempotency-key']).toBe('invoice:inv-1:intent');
    expect(sent.rawBody).toContain('metadata[journeyId]=journey%3Ac1%3Aacquisition%3A1');
    expect(sent.body).toMatchObject({ amount: '250000', automatic_payment_methods: { enabled: 'true' }, metadata: { invoiceId: 'inv-1' } });
  });

  it('replays the same Idempotency-Key with the same params, and refuses it with other params', async () => {
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: 'invoice:inv-2:intent' });
    const count = standIn.paymentIntents.size;
    const again = await stripe.paymentIntents.create({ ...params }, { idempotencyKey: 'invoice:inv-2:intent' });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(standIn.paymentIntents.size).toBe(count);

    const err = await rejection(stripe.paymentIntents.create({ ...params, amount: 1 }, { idempotencyKey: 'invoice:inv-2:intent' }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(err).toMatchObject({ type: 'StripeIdempotencyError', statusCode: 400, rawType: 'idempotency_error' });
  });

  it('replays what the first request got, even after the intent moved on', async () => {
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: 'invoice:inv-3:intent' });
    standIn.pay(first.id);
    const again = await stripe.paymentIntents.create(params, { idempotencyKey: 'invoice:inv-3:intent' });
    expect(again.status).toBe('requires_payment_method');
    expect((await stripe.paymentIntents.retrieve(first.id)).status).toBe('succeeded');
  });

  it('refuses a wrong or live key with Stripe’s authentication error', async () => {
    for (const key of ['sk_test_', 'sk_live_realLookingKey', 'not-a-key']) {
      const other = new Stripe(key, { host: standIn.host, port: standIn.port, protocol: 'http' });
      const err = await rejection(other.paymentIntents.create(params));
      expect(err).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
      expect(err.statusCode).toBe(401);
    }
    const res = await fetch(`${standIn.url}/v1/payment_intents`, { method: 'POST' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { type: 'invalid_request_error', message: expect.stringContaining('You did not provide an API key') } });
  });

  it('answers invalid params with Stripe’s error shape, and does not save them under the key', async () => {
    const noAmount = { ...params, amount: undefined } as unknown as Stripe.PaymentIntentCreateParams;
    const missing = await rejection(stripe.paymentIntents.create(noAmount, { idempotencyKey: 'k-invalid' }));
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'amount', message: 'Missing required param: amount.' });
    // Stripe saves no result for a request that failed validation: the key can be used again.
    await expect(stripe.paymentIntents.create(params, { idempotencyKey: 'k-invalid' })).resolves.toMatchObject({ amount: 250_000 });

    const unknown = await rejection(stripe.paymentIntents.create({ ...params, amout: 5 } as Stripe.PaymentIntentCreateParams));
    expect(unknown).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'amout' });
  });

  it('retrieves and cancels an intent; a cancelled or unknown one is refused as Stripe refuses it', async () => {
    const intent = await stripe.paymentIntents.create(params);
    await expect(stripe.paymentIntents.retrieve(intent.id)).resolves.toMatchObject({ id: intent.id, status: 'requires_payment_method' });
    const cancelled = await stripe.paymentIntents.cancel(intent.id, { cancellation_reason: 'abandoned' });
    expect(cancelled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned', canceled_at: expect.any(Number) });
    await expect(rejection(stripe.paymentIntents.cancel(intent.id))).resolves.toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
    const missing = await rejection(stripe.paymentIntents.retrieve('pi_doesNotExist'));
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('pays, declines and refunds intents into realistic event objects', async () => {
    const paid = await stripe.paymentIntents.create(params);
    const { paymentIntent, charge } = standIn.pay(paid.id);
    const succeeded = standIn.event('payment_intent.succeeded', paymentIntent);
    expect(succeeded).toMatchObject({
      object: 'event',
      type: 'payment_intent.succeeded',
      api_version: Stripe.API_VERSION,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: { id: paid.id, status: 'succeeded', amount_received: 250_000, latest_charge: charge.id, metadata: params.metadata } },
    });
    expect(succeeded.id).toMatch(/^evt_/);
    const { charge: refunded, refund } = standIn.refund(paid.id, 100_000);
    expect(refunded).toMatchObject({ amount_refunded: 100_000, refunded: false, payment_intent: paid.id, metadata: params.metadata });
    expect(refund).toMatchObject({ object: 'refund', amount: 100_000, charge: charge.id, status: 'succeeded' });
    expect(standIn.refund(paid.id).charge).toMatchObject({ amount_refunded: 250_000, refunded: true });
    // The event kept the intent as it was when it happened.
    expect(succeeded.data.object).not.toBe(paymentIntent);

    const declined = await stripe.paymentIntents.create(params);
    const failed = standIn.decline(declined.id);
    expect(failed.paymentIntent).toMatchObject({ status: 'requires_payment_method', last_payment_error: { code: 'card_declined' } });
    expect(() => standIn.refund(declined.id)).toThrow(/no successful charge/);
  });

  it('signs payloads exactly as Stripe: stripe.webhooks.constructEvent accepts them and rejects tampering', () => {
    const event = stripeEvent('payment_intent.succeeded', { id: 'pi_1', object: 'payment_intent' });
    const payload = JSON.stringify(event, null, 2);
    const header = signStripePayload(payload, WEBHOOK_SECRET);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(stripe.webhooks.constructEvent(payload, header, WEBHOOK_SECRET)).toEqual(event);

    const refused = (p: string, h: string, s: string) => () => stripe.webhooks.constructEvent(p, h, s);
    expect(refused(payload.replace('pi_1', 'pi_2'), header, WEBHOOK_SECRET)).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(refused(payload, header, 'whsec_another')).toThrow(Stripe.errors.StripeSignatureVerificationError);
    const old = signStripePayload(payload, WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 301);
    expect(refused(payload, old, WEBHOOK_SECRET)).toThrow(/Timestamp outside the tolerance zone/);
  });

  it('delivers webhooks as Stripe does: raw pretty-printed JSON, signed, Stripe’s headers; duplicates on request', async () => {
    const endpoint = await receiver(({ rawBody, headers }) => {
      try {
        const event = stripe.webhooks.constructEvent(rawBody, headers['stripe-signature'] as string, WEBHOOK_SECRET);
        return { status: 200, body: { received: event.id } };
      } catch (err) {
        return { status: 400, body: { error: (err as Error).message } };
      }
    });
    try {
      const event = stripeEvent('payment_intent.succeeded', { id: 'pi_1', object: 'payment_intent' });
      const deliveries = await standIn.sendWebhook(endpoint.url, event, { secret: WEBHOOK_SECRET, duplicate: true });
      expect(deliveries).toEqual([
        { status: 200, body: { received: event.id } },
        { status: 200, body: { received: event.id } },
      ]);
      const [first] = endpoint.received;
      expect(first!.headers).toMatchObject({
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      });
      // Pretty-printed: an endpoint that verifies JSON.stringify(req.body) instead of the raw bytes fails.
      expect(first!.rawBody).not.toBe(JSON.stringify(JSON.parse(first!.rawBody)));
      await expect(deliverStripeWebhook(endpoint.url, event, 'whsec_wrong')).resolves.toMatchObject({ status: 400 });
    } finally {
      await endpoint.stop();
    }
  });
});

describe('DocuSign stand-in through docusign-esign', () => {
  let standIn: DocuSignStandIn;
  let envelopesApi: InstanceType<typeof docusign.EnvelopesApi>;
  // The ambient typing of docusign-esign declares only what the product calls; tests also read envelopes.
  const getEnvelope = (envelopeId: string, include?: string) =>
    (envelopesApi as unknown as { getEnvelope(a: string, e: string, o: object): Promise<Record<string, any>> }).getEnvelope(standIn.accountId, envelopeId, { include });

  /** The EnvelopeDefinition the product sends (platform/providers/esign.ts). */
  const definition = (overrides: Record<string, unknown> = {}) => ({
    emailSubject: 'Contract for Northwind Traders',
    status: 'sent',
    documents: [{ documentBase64: PDF.toString('base64'), name: 'Contract', fileExtension: 'pdf', documentId: '1' }],
    recipients: {
      signers: [
        {
          email: 'nancy@northwind.test',
          name: 'Nancy Davolio',
          recipientId: '1',
          routingOrder: '1',
          tabs: { signHereTabs: [{ anchorString: '/sig1/', anchorUnits: 'pixels', anchorXOffset: '0', anchorYOffset: '0' }] },
        },
      ],
    },
    customFields: {
      textCustomFields: [
        { name: 'journeyId', value: 'journey:c1:acquisition:1', show: 'false' },
        { name: 'contractId', value: 'contract-1', show: 'false' },
      ],
    },
    ...overrides,
  });
  const send = (overrides?: Record<string, unknown>) => envelopesApi.createEnvelope(standIn.accountId, { envelopeDefinition: definition(overrides) });

  beforeAll(async () => {
    standIn = await startDocuSignStandIn();
    const api = new docusign.ApiClient();
    api.setBasePath(standIn.basePath);
    api.addDefaultHeader('Authorization', `Bearer ${standIn.accessToken}`);
    envelopesApi = new docusign.EnvelopesApi(api);
  });
  afterAll(() => standIn.stop());

  it('creates an envelope and keeps the PDF the SDK uploaded', async () => {
    const created = await send();
    expect(created).toMatchObject({ status: 'sent', envelopeId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect((created as Record<string, unknown>).uri).toBe(`/envelopes/${created.envelopeId}`);
    const sent = standIn.requests.at(-1)!;
    expect(sent).toMatchObject({ method: 'POST', path: `/restapi/v2.1/accounts/${standIn.accountId}/envelopes` });
    expect(sent.headers.authorization).toBe(`Bearer ${standIn.accessToken}`);
    const stored = standIn.envelopes.get(created.envelopeId)!;
    expect(stored.documents[0]!.bytes.subarray(0, 4).toString()).toBe('%PDF');
    expect(stored.documents[0]!.bytes.equals(PDF)).toBe(true);
    expect(stored.signers[0]).toMatchObject({ email: 'nancy@northwind.test', status: 'sent' });

    const read = await getEnvelope(created.envelopeId, 'recipients,custom_fields');
    expect(read).toMatchObject({ envelopeId: created.envelopeId, status: 'sent', emailSubject: 'Contract for Northwind Traders' });
    expect(read.customFields.textCustomFields.map((f: { name: string; value: string }) => [f.name, f.value])).toEqual([
      ['journeyId', 'journey:c1:acquisition:1'],
      ['contractId', 'contract-1'],
    ]);
    expect(read.recipients.signers[0]).toMatchObject({ email: 'nancy@northwind.test', recipientId: '1' });
    expect((await getEnvelope(created.envelopeId)).recipients).toBeUndefined();
  });

  it('refuses a bad token, another account and incomplete or corrupt envelopes in DocuSign’s words', async () => {
    const other = new docusign.ApiClient();
    other.setBasePath(standIn.basePath);
    other.addDefaultHeader('Authorization', 'Bearer not-the-token');
    const unauthorized = await rejection(new docusign.EnvelopesApi(other).createEnvelope(standIn.accountId, { envelopeDefinition: definition() }));
    expect(unauthorized.response).toMatchObject({ status: 401, data: { errorCode: 'AUTHORIZATION_INVALID_TOKEN' } });

    const elsewhere = await rejection(envelopesApi.createEnvelope('00000000-0000-0000-0000-000000000000', { envelopeDefinition: definition() }));
    expect(elsewhere.response).toMatchObject({ status: 400, data: { errorCode: 'USER_LACKS_MEMBERSHIP' } });

    for (const overrides of [{ documents: [] }, { recipients: { signers: [] } }]) {
      const incomplete = await rejection(send(overrides));
      expect(incomplete.response).toMatchObject({ status: 400, data: { errorCode: 'ENVELOPE_IS_INCOMPLETE', message: expect.any(String) } });
    }
    const notPdf = await rejection(send({ documents: [{ documentBase64: Buffer.from('hello').toString('base64'), name: 'Contract', fileExtension: 'pdf', documentId: '1' }] }));
    expect(notPdf.response).toMatchObject({ status: 400, data: { errorCode: 'PDF_VALIDATION_FAILED' } });
  });

  it('voids a sent envelope once; voiding again is refused', async () => {
    const { envelopeId } = await send();
    await envelopesApi.update(standIn.accountId, envelopeId, { envelope: { status: 'voided', voidedReason: 'Signature window passed' } });
    await expect(getEnvelope(envelopeId)).resolves.toMatchObject({ status: 'voided', voidedReason: 'Signature window passed' });
    const again = await rejection(envelopesApi.update(standIn.accountId, envelopeId, { envelope: { status: 'voided', voidedReason: 'again' } }));
    expect(again.response).toMatchObject({ status: 400, data: { errorCode: 'ENVELOPE_CANNOT_VOID_INVALID_STATE' } });
    const unknown = await rejection(getEnvelope('11111111-1111-1111-1111-111111111111'));
    expect(unknown.response).toMatchObject({ status: 404, data: { errorCode: 'ENVELOPE_DOES_NOT_EXIST' } });
  });

  it('builds Connect JSON SIM messages and moves the envelope with them', async () => {
    const { envelopeId } = await send();
    const completed = standIn.connectEvent('envelope-completed', envelopeId);
    expect(completed).toMatchObject({
      event: 'envelope-completed',
      apiVersion: 'v2.1',
      uri: `/restapi/v2.1/accounts/${standIn.accountId}/envelopes/${envelopeId}`,
      retryCount: 0,
      configurationId: expect.any(Number),
      data: {
        accountId: standIn.accountId,
        userId: expect.any(String),
        envelopeId,
        envelopeSummary: {
          status: 'completed',
          emailSubject: 'Contract for Northwind Traders',
          completedDateTime: expect.any(String),
          customFields: { textCustomFields: [{ name: 'journeyId', value: 'journey:c1:acquisition:1' }, { name: 'contractId', value: 'contract-1' }] },
          recipients: { signers: [{ email: 'nancy@northwind.test', status: 'completed', signedDateTime: expect.any(String) }] },
        },
      },
    });
    expect(completed.generatedDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
    expect(Number.isNaN(Date.parse(completed.generatedDateTime))).toBe(false);
    await expect(getEnvelope(envelopeId)).resolves.toMatchObject({ status: 'completed' });
    // DocuSign sends nothing for what cannot happen to a completed envelope.
    expect(() => standIn.connectEvent('envelope-declined', envelopeId)).toThrow(/is completed/);

    const declined = await send();
    const message = standIn.connectEvent('envelope-declined', declined.envelopeId, { reason: 'Terms not agreed', retryCount: 1 });
    expect(message).toMatchObject({ retryCount: 1, data: { envelopeSummary: { status: 'declined', recipients: { signers: [{ status: 'declined', declinedReason: 'Terms not agreed' }] } } } });
  });

  it('signs Connect messages as DocuSign does: base64 HMAC-SHA256 of the raw body', async () => {
    const hmacKey = 'connect-hmac-key-0123456789abcdef=';
    const endpoint = await receiver(() => ({ status: 200, body: { ok: true } }));
    try {
      const { envelopeId } = await send();
      const message = standIn.connectEvent('envelope-sent', envelopeId);
      const delivery = await deliverDocuSignEvent(endpoint.url, message, hmacKey);
      expect(delivery.status).toBe(200);
      const [got] = endpoint.received;
      const expected = createHmac('sha256', Buffer.from(hmacKey, 'utf8')).update(Buffer.from(got!.rawBody, 'utf8')).digest('base64');
      expect(got!.headers['x-docusign-signature-1']).toBe(expected);
      expect(got!.headers).toMatchObject({ 'content-type': 'application/json', 'x-authorization-digest': 'HMACSHA256' });
      expect(JSON.parse(got!.rawBody)).toEqual(message);
      expect(signDocuSignPayload(got!.rawBody, hmacKey)).toBe(expected);
      expect(signDocuSignPayload(`${got!.rawBody} `, hmacKey)).not.toBe(expected);
    } finally {
      await endpoint.stop();
    }
  });
});
