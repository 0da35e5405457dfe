// POST /webhooks/docusign: DocuSign Connect (JSON) events. Connect signs with every HMAC key the
// account has (up to 100), one `X-DocuSign-Signature-<n>` header each: the base64 HMAC-SHA256 of
// the raw body. The body is genuine when one of them is ours under the Connect key. The journey
// comes from the envelope's custom field, or from the contract that holds the envelope; an event
// that comes before either is kept until the journey claims its envelope.
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import { AppError, parseOrThrow } from '../errors';
import { receiveExternalEvent } from '../domain/external-events';
import type { ApiDeps } from '../app';
import { hmacMatches, jsonBody, signatureRefused } from './signed-body';
import { operations } from '../openapi/operation';

const connectEvent = z.object({
  event: z.string().min(1),
  generatedDateTime: z.string().optional(),
  data: z.object({
    envelopeId: z.string().min(1),
    envelopeSummary: z
      .object({
        customFields: z.object({ textCustomFields: z.array(z.object({ name: z.string(), value: z.string().optional() })).optional() }).optional(),
        recipients: z.object({ signers: z.array(z.object({ declinedReason: z.string().optional() })).optional() }).optional(),
        voidedReason: z.string().optional(),
      })
      .optional(),
  }),
});

const SIGNATURE_HEADER = /^x-docusign-signature-\d+$/;

/** Every `X-DocuSign-Signature-<n>` value present, whatever n. */
function connectSignatures(req: Request): string[] {
  return Object.entries(req.headers)
    .filter(([name]) => SIGNATURE_HEADER.test(name))
    .flatMap(([, value]) => value ?? [])
    .filter((v) => v.length > 0);
}

export const docuSignWebhookOperations = operations({
  method: 'post',
  path: '/webhooks/docusign',
  summary: "DocuSign Connect's envelope events (signed: X-DocuSign-Signature-<n>, HMAC under the Connect key)",
  description: 'Answers 404 unless DocuSign is configured.',
  access: 'provider',
  body: connectEvent,
  headers: z.object({ 'x-docusign-signature-1': z.string() }),
  responses: { 200: z.looseObject({ received: z.literal(true) }) },
});

export function docuSignWebhook(deps: ApiDeps): Router {
  const router = Router();
  router.post('/docusign', express.raw({ type: '*/*', limit: '5mb' }), async (req, res) => {
    const key = deps.config.docusign?.connectHmacKey;
    if (!key) throw new AppError('not_found', 'DocuSign Connect is not configured (DOCUSIGN_CONNECT_HMAC_KEY)');
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const signatures = connectSignatures(req);
    if (!signatures.length) throw signatureRefused('X-DocuSign-Signature-1', 'Missing X-DocuSign-Signature-<n> header', 'Required');
    if (!hmacMatches(key, raw, 'base64', signatures)) {
      throw signatureRefused(
        'X-DocuSign-Signature-1',
        `None of the ${signatures.length} X-DocuSign-Signature headers matches the body under the Connect key: another key, or the body was changed`,
        'Invalid signature',
      );
    }
    const json = jsonBody(raw);
    const e = parseOrThrow(connectEvent, json);
    const { envelopeId, envelopeSummary } = e.data;
    const journeyId = envelopeSummary?.customFields?.textCustomFields?.find((f) => f.name === 'journeyId')?.value || undefined;
    const reason = envelopeSummary?.recipients?.signers?.find((s) => s.declinedReason)?.declinedReason ?? envelopeSummary?.voidedReason;
    const receipt = await receiveExternalEvent(deps, {
      source: 'docusign',
      // An envelope reaches each state once: the state is the event's identity across redeliveries.
      eventId: `${envelopeId}:${e.event}`,
      type: e.event,
      objectId: envelopeId,
      journeyId,
      ownerOf: async (id) => (await deps.db.contract.findUnique({ where: { envelopeId: id } }))?.journeyId,
      data: reason ? { reason } : undefined,
      payload: json as object,
    });
    res.locals.webhookReceipt = receipt;
    res.json({ received: true, receipt });
  });
  return router;
}
