// POST /webhooks/docusign: DocuSign Connect (JSON) events. `X-DocuSign-Signature-1` (and -2 while a
// key is rotated) is the base64 HMAC-SHA256 of the raw body under the Connect key. The journey
// comes from the envelope's custom field, or from the contract that holds the envelope.
import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { Router } from 'express';
import { z } from 'zod';
import { AppError, parseOrThrow } from '../errors';
import { receiveExternalEvent } from '../domain/external-events';
import type { ApiDeps } from '../app';

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

function signedBy(key: string, body: Buffer, signatures: string[]): boolean {
  const expected = Buffer.from(createHmac('sha256', key).update(body).digest('base64'));
  return signatures.some((s) => {
    const given = Buffer.from(s);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

export function docuSignWebhook(deps: ApiDeps): Router {
  const router = Router();
  router.post('/docusign', express.raw({ type: '*/*', limit: '5mb' }), async (req, res) => {
    const key = deps.config.docusign?.connectHmacKey;
    if (!key) throw new AppError('not_found', 'DocuSign is not configured');
    const signatures = ['x-docusign-signature-1', 'x-docusign-signature-2'].map((h) => req.header(h)).filter((s): s is string => !!s);
    if (!signatures.length || !signedBy(key, req.body as Buffer, signatures)) {
      throw new AppError('validation_failed', 'The X-DocuSign-Signature-1 does not match the body', {
        fields: [{ field: 'X-DocuSign-Signature-1', message: signatures.length ? 'Invalid signature' : 'Required' }],
      });
    }
    let json: unknown;
    try {
      json = JSON.parse((req.body as Buffer).toString('utf8'));
    } catch {
      throw new AppError('invalid_json', 'The body is not valid JSON');
    }
    const e = parseOrThrow(connectEvent, json);
    const { envelopeId, envelopeSummary } = e.data;
    const fromField = envelopeSummary?.customFields?.textCustomFields?.find((f) => f.name === 'journeyId')?.value;
    const journeyId = fromField ?? (await deps.db.contract.findUnique({ where: { envelopeId } }))?.journeyId;
    const reason = envelopeSummary?.recipients?.signers?.find((s) => s.declinedReason)?.declinedReason ?? envelopeSummary?.voidedReason;
    const receipt = await receiveExternalEvent(deps, {
      source: 'docusign',
      // An envelope reaches each state once: the state is the event's identity across redeliveries.
      eventId: `${envelopeId}:${e.event}`,
      type: e.event,
      objectId: envelopeId,
      journeyId,
      data: reason ? { reason } : undefined,
      payload: json as object,
    });
    res.json({ received: true, receipt });
  });
  return router;
}
