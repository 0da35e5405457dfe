// A local stand-in for DocuSign's eSignature REST API, reached through the real `docusign-esign` SDK:
//
//   const api = new docusign.ApiClient();
//   api.setBasePath(standIn.basePath);                        // DOCUSIGN_BASE_PATH
//   api.addDefaultHeader('Authorization', `Bearer ${standIn.accessToken}`);  // DOCUSIGN_ACCESS_TOKEN
//   new docusign.EnvelopesApi(api).createEnvelope(standIn.accountId, { envelopeDefinition });
//
// It serves the envelope calls the product makes (create, read, void) under the SDK's own paths
// (`<basePath>/v2.1/accounts/{accountId}/envelopes[/{envelopeId}]`), answers errors as
// DocuSign does (`{ errorCode, message }`), and keeps each document's bytes. Tests then move an
// envelope on (signed, declined, voided) and deliver the Connect message DocuSign would send,
// signed with the Connect HMAC key.
import { createHmac, randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { listen, randomToken, recordingApp, type RecordedRequest } from './server';

export type EnvelopeStatus = 'created' | 'sent' | 'completed' | 'declined' | 'voided';
export type ConnectEventName = 'envelope-sent' | 'envelope-completed' | 'envelope-declined' | 'envelope-voided';

type Signer = {
  email: string;
  name: string;
  recipientId: string;
  recipientIdGuid: string;
  routingOrder: string;
  status: 'sent' | 'completed' | 'declined';
  signedDateTime?: string;
  declinedDateTime?: string;
  declinedReason?: string;
};

export type StoredEnvelope = {
  envelopeId: string;
  status: EnvelopeStatus;
  emailSubject: string;
  /** Each document as uploaded, decoded from documentBase64. */
  documents: { documentId: string; name: string; fileExtension: string; bytes: Buffer }[];
  signers: Signer[];
  textCustomFields: { fieldId: string; name: string; value: string; show: string; required: string }[];
  createdDateTime: string;
  sentDateTime?: string;
  statusChangedDateTime: string;
  completedDateTime?: string;
  declinedDateTime?: string;
  voidedDateTime?: string;
  voidedReason?: string;
  /** The EnvelopeDefinition as the SDK sent it. */
  definition: Record<string, unknown>;
};

/** A Connect message in the JSON SIM format ("Connect 2.0"), with the envelope summary, recipients and custom fields included. */
export type ConnectEvent = {
  event: ConnectEventName;
  apiVersion: 'v2.1';
  uri: string;
  retryCount: number;
  configurationId: number;
  generatedDateTime: string;
  data: { accountId: string; userId: string; envelopeId: string; envelopeSummary: Record<string, unknown> };
};

/** DocuSign's .NET-style timestamps carry seven fractional digits: 2024-05-01T12:00:00.1230000Z. */
const timestamp = () => new Date().toISOString().replace('Z', '0000Z');

/**
 * The `X-DocuSign-Signature-1` value DocuSign Connect sends: base64 of HMAC-SHA256 over the raw
 * body bytes, keyed by the Connect HMAC secret (its UTF-8 bytes, as shown in DocuSign's admin).
 */
export function signDocuSignPayload(body: string, hmacKey: string): string {
  return createHmac('sha256', hmacKey).update(body, 'utf8').digest('base64');
}

/** POSTs a Connect message as DocuSign does: JSON, signed, with the digest algorithm named. */
export async function deliverDocuSignEvent(targetUrl: string, body: ConnectEvent | string, hmacKey: string): Promise<{ status: number; body: string }> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await fetch(targetUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-docusign-signature-1': signDocuSignPayload(raw, hmacKey),
      'x-authorization-digest': 'HMACSHA256',
    },
    body: raw,
  });
  return { status: res.status, body: await res.text() };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * `beforeAnswer` runs after an envelope is stored and before the create call is answered: a test
 * can deliver a Connect event that overtakes the API's own answer, as DocuSign's can.
 */
export async function startDocuSignStandIn(opts: { beforeAnswer?: (envelope: StoredEnvelope) => Promise<void> } = {}) {
  const requests: RecordedRequest[] = [];
  const envelopes = new Map<string, StoredEnvelope>();
  const accountId = randomUUID();
  const userId = randomUUID(); // the sender the token belongs to
  const accessToken = `eyJ0eXAiOiJNVCIsImFsZyI6IlJTMjU2In0.${randomToken(40)}`;
  const configurationId = 10_000 + Math.floor(Math.random() * 90_000);
  let nextFieldId = 10_851_848_897; // DocuSign numbers custom fields itself

  const app = recordingApp(requests, (raw) => JSON.parse(raw));
  const error = (res: Response, status: number, errorCode: string, message: string) => res.status(status).json({ errorCode, message });

  // Every call needs this account's OAuth token as Bearer auth, and names this account.
  app.use('/restapi/v2.1/accounts/:accountId', (req, res, next) => {
    if (req.get('authorization') !== `Bearer ${accessToken}`) {
      return error(res, 401, 'AUTHORIZATION_INVALID_TOKEN', 'The access token provided is expired, revoked or malformed. Authentication for System Application failed.');
    }
    if (req.params.accountId !== accountId) {
      return error(res, 400, 'USER_LACKS_MEMBERSHIP', 'The UserID does not have a valid membership in this Account.');
    }
    next();
  });

  app.post('/restapi/v2.1/accounts/:accountId/envelopes', async (req, res) => {
    const def = req.body as Record<string, any> | undefined;
    if (!def || typeof def !== 'object') return error(res, 400, 'INVALID_REQUEST_BODY', 'The request body is missing or improperly formatted.');
    const documents = ((def.documents ?? []) as Record<string, string>[]).map((d) => ({
      documentId: String(d.documentId ?? ''),
      name: String(d.name ?? ''),
      fileExtension: String(d.fileExtension ?? d.name?.split('.').pop() ?? ''),
      bytes: Buffer.from(d.documentBase64 ?? '', 'base64'),
    }));
    const signers = (def.recipients?.signers ?? []) as Record<string, string>[];
    const status: EnvelopeStatus = def.status === 'sent' ? 'sent' : 'created';
    // Sending needs a document with content and someone to sign it; a draft ('created') may lack them.
    if (status === 'sent' && (!documents.length || documents.some((d) => !d.bytes.length) || !signers.length || !def.emailSubject)) {
      return error(res, 400, 'ENVELOPE_IS_INCOMPLETE', 'The Envelope is not Complete. A Complete Envelope Requires Documents, Recipients, Tabs, and a Subject Line.');
    }
    const badPdf = documents.find((d) => d.fileExtension.toLowerCase() === 'pdf' && !d.bytes.subarray(0, 5).equals(Buffer.from('%PDF-')));
    if (badPdf) return error(res, 400, 'PDF_VALIDATION_FAILED', `The validation of the PDF file failed. Document: ${badPdf.name}`);
    const badSigner = signers.find((s) => !EMAIL.test(s.email ?? ''));
    if (badSigner) return error(res, 400, 'INVALID_EMAIL_ADDRESS_FOR_RECIPIENT', `The email address for the recipient is invalid. The recipient Id follows. ${badSigner.recipientId}`);

    const now = timestamp();
    const envelope: StoredEnvelope = {
      envelopeId: randomUUID(),
      status,
      emailSubject: String(def.emailSubject ?? ''),
      documents,
      signers: signers.map((s) => ({
        email: s.email!,
        name: String(s.name ?? ''),
        recipientId: String(s.recipientId ?? ''),
        recipientIdGuid: randomUUID(),
        routingOrder: String(s.routingOrder ?? '1'),
        status: 'sent',
      })),
      textCustomFields: ((def.customFields?.textCustomFields ?? []) as Record<string, string>[]).map((f) => ({
        fieldId: String(nextFieldId++),
        name: String(f.name),
        value: String(f.value ?? ''),
        show: String(f.show ?? 'true'),
        required: String(f.required ?? 'false'),
      })),
      createdDateTime: now,
      ...(status === 'sent' && { sentDateTime: now }),
      statusChangedDateTime: now,
      definition: def,
    };
    envelopes.set(envelope.envelopeId, envelope);
    await opts.beforeAnswer?.(envelope);
    res.status(201).json({ envelopeId: envelope.envelopeId, uri: `/envelopes/${envelope.envelopeId}`, statusDateTime: now, status });
  });

  const noSuchEnvelope = (res: Response) =>
    error(res, 404, 'ENVELOPE_DOES_NOT_EXIST', 'The envelope specified either does not exist or you have no rights to it.');

  app.get('/restapi/v2.1/accounts/:accountId/envelopes/:envelopeId', (req, res) => {
    const envelope = envelopes.get(req.params.envelopeId);
    if (!envelope) return noSuchEnvelope(res);
    // As at DocuSign, recipients and custom fields come only when asked for with ?include=.
    const include = String(req.query.include ?? '').split(',');
    res.json(summary(envelope, include.includes('recipients'), include.includes('custom_fields')));
  });

  // Updating an envelope: the stand-in models voiding, the one update the product makes.
  app.put('/restapi/v2.1/accounts/:accountId/envelopes/:envelopeId', (req, res) => {
    const envelope = envelopes.get(req.params.envelopeId);
    if (!envelope) return noSuchEnvelope(res);
    const update = req.body as { status?: string; voidedReason?: string } | undefined;
    if (update?.status !== 'voided') return error(res, 400, 'INVALID_REQUEST_BODY', 'The stand-in models only voiding: { status: "voided", voidedReason }.');
    if (!update.voidedReason) return error(res, 400, 'INVALID_REQUEST_BODY', 'A voidedReason is required to void an envelope.');
    if (envelope.status !== 'sent') {
      return error(res, 400, 'ENVELOPE_CANNOT_VOID_INVALID_STATE', "Only envelopes in the 'Sent' or 'Delivered' states may be voided.");
    }
    voidEnvelope(envelope, update.voidedReason);
    res.json({ envelopeId: envelope.envelopeId });
  });

  app.use((req, res) => error(res, 404, 'INVALID_REQUEST_PARAMETER', `The URL provided does not resolve to a resource: ${req.method} ${req.path}`));

  const server = await listen(app);

  function voidEnvelope(envelope: StoredEnvelope, reason: string) {
    const now = timestamp();
    Object.assign(envelope, { status: 'voided', voidedDateTime: now, voidedReason: reason, statusChangedDateTime: now });
  }

  /** The envelope as DocuSign's GET and Connect's envelopeSummary show it (flags and counts are strings there). */
  function summary(env: StoredEnvelope, withRecipients: boolean, withCustomFields: boolean): Record<string, unknown> {
    const uri = `/envelopes/${env.envelopeId}`;
    return {
      status: env.status,
      documentsUri: `${uri}/documents`,
      recipientsUri: `${uri}/recipients`,
      attachmentsUri: `${uri}/attachments`,
      envelopeUri: uri,
      emailSubject: env.emailSubject,
      envelopeId: env.envelopeId,
      signingLocation: 'online',
      customFieldsUri: `${uri}/custom_fields`,
      notificationUri: `${uri}/notification`,
      createdDateTime: env.createdDateTime,
      lastModifiedDateTime: env.statusChangedDateTime,
      ...(env.sentDateTime && { initialSentDateTime: env.sentDateTime, sentDateTime: env.sentDateTime }),
      ...(env.completedDateTime && { completedDateTime: env.completedDateTime }),
      ...(env.declinedDateTime && { declinedDateTime: env.declinedDateTime }),
      ...(env.voidedDateTime && { voidedDateTime: env.voidedDateTime, voidedReason: env.voidedReason }),
      statusChangedDateTime: env.statusChangedDateTime,
      documentsCombinedUri: `${uri}/documents/combined`,
      certificateUri: `${uri}/documents/certificate`,
      templatesUri: `${uri}/templates`,
      sender: { userName: 'Pivotal Flow', userId, accountId, email: 'contracts@pivotal.test' },
      purgeState: 'unpurged',
      envelopeIdStamping: 'true',
      is21CFRPart11: 'false',
      signerCanSignOnMobile: 'true',
      isSignatureProviderEnvelope: 'false',
      ...(withCustomFields && { customFields: { textCustomFields: env.textCustomFields, listCustomFields: [] } }),
      ...(withRecipients && {
        recipients: {
          signers: env.signers.map((s) => ({
            ...s,
            recipientType: 'signer',
            creationReason: 'sender',
            deliveryMethod: 'email',
            requireIdLookup: 'false',
            completedCount: s.status === 'completed' ? '1' : '0',
            ...(env.sentDateTime && { sentDateTime: env.sentDateTime }),
          })),
          agents: [],
          editors: [],
          intermediaries: [],
          carbonCopies: [],
          certifiedDeliveries: [],
          inPersonSigners: [],
          seals: [],
          witnesses: [],
          notaries: [],
          recipientCount: String(env.signers.length),
          currentRoutingOrder: env.signers[0]?.routingOrder ?? '1',
        },
      }),
    };
  }

  return {
    /** For DOCUSIGN_BASE_PATH; the SDK appends /v2.1/accounts/…. */
    basePath: `http://127.0.0.1:${server.port}/restapi`,
    /** For DOCUSIGN_ACCOUNT_ID. */
    accountId,
    /** For DOCUSIGN_ACCESS_TOKEN: the only token the stand-in accepts. */
    accessToken,
    requests,
    envelopes,
    stop: server.stop,

    /**
     * Moves the envelope to where the event says (the signer signed or declined, the sender
     * voided) and returns the Connect message DocuSign then sends. `reason` is the decline or void
     * reason; `retryCount` marks a redelivery.
     */
    connectEvent(event: ConnectEventName, envelopeId: string, extra: { reason?: string; retryCount?: number } = {}): ConnectEvent {
      const env = envelopes.get(envelopeId);
      if (!env) throw new Error(`docusign stand-in: no envelope ${envelopeId}`);
      // Only a sent envelope can be signed, declined or voided: a test cannot stage what DocuSign never does.
      if (event !== 'envelope-sent' && env.status !== 'sent' && !(event === 'envelope-voided' && env.status === 'voided')) {
        throw new Error(`docusign stand-in: envelope ${envelopeId} is ${env.status}; DocuSign sends no ${event} for it`);
      }
      const now = timestamp();
      if (event === 'envelope-completed') {
        env.signers.forEach((s) => Object.assign(s, { status: 'completed', signedDateTime: now }));
        Object.assign(env, { status: 'completed', completedDateTime: now, statusChangedDateTime: now });
      } else if (event === 'envelope-declined') {
        Object.assign(env.signers[0]!, { status: 'declined', declinedDateTime: now, declinedReason: extra.reason ?? 'Declined by the signer' });
        Object.assign(env, { status: 'declined', declinedDateTime: now, statusChangedDateTime: now });
      } else if (event === 'envelope-voided' && env.status !== 'voided') {
        voidEnvelope(env, extra.reason ?? 'Voided by the sender'); // already voided through the API: that reason stands
      }
      return {
        event,
        apiVersion: 'v2.1',
        uri: `/restapi/v2.1/accounts/${accountId}/envelopes/${envelopeId}`,
        retryCount: extra.retryCount ?? 0,
        configurationId,
        generatedDateTime: now,
        data: { accountId, userId, envelopeId, envelopeSummary: summary(env, true, true) },
      };
    },
  };
}

export type DocuSignStandIn = Awaited<ReturnType<typeof startDocuSignStandIn>>;
