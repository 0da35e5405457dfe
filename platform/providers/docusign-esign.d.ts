// The slice of docusign-esign (which ships no types) that the e-signature provider uses.
declare module 'docusign-esign' {
  export class ApiClient {
    setBasePath(basePath: string): void;
    addDefaultHeader(name: string, value: string): void;
  }
  export class EnvelopesApi {
    constructor(client: ApiClient);
    createEnvelope(accountId: string, opts: { envelopeDefinition: unknown }): Promise<{ envelopeId: string; status: string }>;
    update(accountId: string, envelopeId: string, opts: { envelope: unknown }): Promise<unknown>;
  }
}
