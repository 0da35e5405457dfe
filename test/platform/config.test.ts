import type { Client } from '@temporalio/client';
import { createApp } from '../../api/app';
import { ConfigError, loadConfig } from '../../platform/config';
import type { Db } from '../../platform/db';
import { createLogger } from '../../platform/logger';

describe('loadConfig', () => {
  it('applies the embedded defaults when nothing is configured', () => {
    const c = loadConfig({});
    expect(c.http.port).toBe(3000);
    expect(c.database.url).toBeUndefined();
    expect(c.temporal).toMatchObject({ address: undefined, devServerPort: 7233, uiPort: 8233, namespace: 'default' });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', TEMPORAL_ADDRESS: ' ' }).database.url).toBeUndefined();
  });

  it('names every bad variable and the value it got', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url', LOG_LEVEL: 'loud' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as ConfigError).message;
    expect(text).toMatch(/PORT: .*"eighty"/);
    expect(text).toMatch(/DATABASE_URL: .*"not a url"/);
    expect(text).toMatch(/LOG_LEVEL: .*"loud"/);
  });
});

describe('production secrets', () => {
  const strong = 'x'.repeat(40);
  const realProviders = {
    PUBLIC_URL: 'https://flow.example.com',
    SMTP_URL: 'smtp://mail.example.com:587',
    STRIPE_SECRET_KEY: 'sk_live_x',
    STRIPE_WEBHOOK_SECRET: 'whsec_x',
    DOCUSIGN_ACCOUNT_ID: 'account-1',
    DOCUSIGN_ACCESS_TOKEN: 'token-1',
    DOCUSIGN_CONNECT_HMAC_KEY: 'connect-key',
  };

  it('refuses to start with the development secret or development users', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEV_USERS: 'false' })).toThrow(/AUTH_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'short', DEV_USERS: 'false' })).toThrow(/AUTH_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_SECRET: strong, DEV_USERS: 'true' })).toThrow(/DEV_USERS/);
  });

  it('starts with a real secret and no development users, with secure cookies', () => {
    const c = loadConfig({ NODE_ENV: 'production', AUTH_SECRET: strong, ...realProviders });
    expect(c.auth).toMatchObject({ secret: strong, devUsers: false, secureCookies: true });
  });

  it('refuses the local signing and payment providers (a click on a link is no signature or payment)', () => {
    const base = { NODE_ENV: 'production', AUTH_SECRET: strong, ...realProviders };
    expect(() => loadConfig({ ...base, STRIPE_SECRET_KEY: '' })).toThrow(/STRIPE_SECRET_KEY \(Stripe; the local payment provider collects no money\): production needs it/);
    expect(() => loadConfig({ ...base, DOCUSIGN_ACCOUNT_ID: undefined })).toThrow(/DOCUSIGN_ACCOUNT_ID, DOCUSIGN_ACCESS_TOKEN \(DocuSign; .*\): production needs it/);
    expect(() => loadConfig({ ...base, DOCUSIGN_ACCESS_TOKEN: ' ' })).toThrow(/DOCUSIGN_ACCESS_TOKEN \(DocuSign/);
    expect(() => loadConfig({ ...base, SMTP_URL: undefined })).toThrow(/SMTP_URL \(a mail server; without one emails stay in the outbox\): production needs it/);
    // Development and tests keep them: no account needed to try the platform.
    expect(loadConfig({ NODE_ENV: 'development' })).toMatchObject({ stripe: undefined, docusign: undefined });
  });

  it('refuses to start without PUBLIC_URL: workers would email customers links to localhost', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_SECRET: strong, ...realProviders, PUBLIC_URL: undefined })).toThrow(/PUBLIC_URL: production needs the address customers reach/);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: strong, ...realProviders }).http.publicUrl).toBe('https://flow.example.com');
  });

  it('runs on the local providers only when told to, and says so', () => {
    const staging = { NODE_ENV: 'production', AUTH_SECRET: strong, PUBLIC_URL: 'https://staging.example.com', ALLOW_LOCAL_PROVIDERS: 'true' };
    const c = loadConfig(staging);
    expect(c).toMatchObject({ stripe: undefined, docusign: undefined, mail: { smtpUrl: undefined } });
    expect(c.warnings).toEqual([
      expect.stringMatching(/^STRIPE_SECRET_KEY .*: ALLOW_LOCAL_PROVIDERS=true, so production runs without it$/),
      expect.stringMatching(/^DOCUSIGN_ACCOUNT_ID, DOCUSIGN_ACCESS_TOKEN .*: ALLOW_LOCAL_PROVIDERS=true/),
      expect.stringMatching(/^SMTP_URL .*: ALLOW_LOCAL_PROVIDERS=true/),
    ]);
    expect(() => loadConfig({ ...staging, ALLOW_LOCAL_PROVIDERS: 'false' })).toThrow(/STRIPE_SECRET_KEY/);
    expect(() => loadConfig({ ...staging, ALLOW_LOCAL_PROVIDERS: 'yes' })).toThrow(/ALLOW_LOCAL_PROVIDERS/);
    // Outside production it changes nothing: the local providers are the default there.
    expect(loadConfig({ ALLOW_LOCAL_PROVIDERS: 'true' }).warnings).toEqual([]);
  });

  it('creates development users by default outside production', () => {
    expect(loadConfig({}).auth.devUsers).toBe(true);
  });
});

describe('provider events that could not be verified', () => {
  const strong = 'x'.repeat(40);
  const stripeWithoutSecret = { STRIPE_SECRET_KEY: 'sk_live_x' };
  const docuSignWithoutKey = { DOCUSIGN_ACCOUNT_ID: 'acct', DOCUSIGN_ACCESS_TOKEN: 'token' };
  const production = { NODE_ENV: 'production', AUTH_SECRET: strong, PUBLIC_URL: 'https://flow.example.com', SMTP_URL: 'smtp://mail.example.com:587' };

  it('refuses to start in production with Stripe keys but no webhook secret, or DocuSign but no Connect key', () => {
    const verified = { ...stripeWithoutSecret, STRIPE_WEBHOOK_SECRET: 'whsec_x', ...docuSignWithoutKey, DOCUSIGN_CONNECT_HMAC_KEY: 'connect-key' };
    expect(() => loadConfig({ ...production, ...verified, STRIPE_WEBHOOK_SECRET: '' })).toThrow(/STRIPE_WEBHOOK_SECRET: STRIPE_SECRET_KEY is set/);
    expect(() => loadConfig({ ...production, ...verified, DOCUSIGN_CONNECT_HMAC_KEY: '' })).toThrow(/DOCUSIGN_CONNECT_HMAC_KEY: DocuSign is configured/);
    expect(loadConfig({ ...production, ...verified }).warnings).toEqual([]);
  });

  it('warns loudly in development, once per provider, when the API starts', () => {
    const config = loadConfig({ ...stripeWithoutSecret, ...docuSignWithoutKey });
    expect(config.warnings).toEqual([expect.stringMatching(/^STRIPE_WEBHOOK_SECRET:/), expect.stringMatching(/^DOCUSIGN_CONNECT_HMAC_KEY:/)]);
    const lines: Array<{ level: number; msg: string }> = [];
    const log = createLogger('warn', 'api', { write: (line: string) => lines.push(JSON.parse(line)) });
    createApp({ db: {} as Db, temporal: {} as Client, config, log });
    expect(lines).toEqual(config.warnings.map((w) => expect.objectContaining({ level: 40, msg: `CONFIGURATION PROBLEM (refused in production): ${w}` })));
    expect(loadConfig({}).warnings).toEqual([]);
  });
});
