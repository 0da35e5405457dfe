// E-signature providers. DocuSign (its official SDK) when configured; otherwise a local provider
// that needs no account: the customer signs on our own page (a signed link), and that page
// reports back through the same external-event path DocuSign Connect uses.
import { randomUUID } from 'node:crypto';
import docusign from 'docusign-esign';
import type { Config } from '../config';

export type Envelope = { provider: 'docusign' | 'local'; envelopeId: string };
export type EnvelopeRequest = {
  journeyId: string;
  contractId: string;
  pdf: Uint8Array;
  title: string;
  signer: { name: string; email: string };
};

export type ESignProvider = {
  name: Envelope['provider'];
  send(req: EnvelopeRequest): Promise<Envelope>;
  void(envelopeId: string, reason: string): Promise<void>;
};

function docuSignProvider(cfg: NonNullable<Config['docusign']>): ESignProvider {
  const client = new docusign.ApiClient();
  client.setBasePath(cfg.basePath);
  client.addDefaultHeader('Authorization', `Bearer ${cfg.accessToken}`);
  const envelopes = new docusign.EnvelopesApi(client);
  return {
    name: 'docusign',
    async send(req) {
      const { envelopeId } = await envelopes.createEnvelope(cfg.accountId, {
        envelopeDefinition: {
          emailSubject: req.title,
          status: 'sent',
          documents: [{ documentBase64: Buffer.from(req.pdf).toString('base64'), name: req.title, fileExtension: 'pdf', documentId: '1' }],
          recipients: {
            signers: [
              {
                email: req.signer.email,
                name: req.signer.name,
                recipientId: '1',
                routingOrder: '1',
                tabs: { signHereTabs: [{ anchorString: '/sig1/', anchorUnits: 'pixels', anchorXOffset: '0', anchorYOffset: '0' }] },
              },
            ],
          },
          // Echoed back in every Connect event: the webhook finds the journey even before we stored the envelope id.
          customFields: {
            textCustomFields: [
              { name: 'journeyId', value: req.journeyId, show: 'false' },
              { name: 'contractId', value: req.contractId, show: 'false' },
            ],
          },
        },
      });
      return { provider: 'docusign', envelopeId };
    },
    async void(envelopeId, reason) {
      await envelopes.update(cfg.accountId, envelopeId, { envelope: { status: 'voided', voidedReason: reason } });
    },
  };
}

const localProvider: ESignProvider = {
  name: 'local',
  send: async () => ({ provider: 'local', envelopeId: `local-env-${randomUUID()}` }),
  void: async () => undefined, // the signing page refuses a contract that is no longer SENT
};

export function eSignProvider(config: Config): ESignProvider {
  return config.docusign ? docuSignProvider(config.docusign) : localProvider;
}
