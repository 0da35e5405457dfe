// The one place environment variables are read. Everything else receives a typed Config.
import path from 'node:path';
import { z } from 'zod';
import { businessHoursSchema, type BusinessHours } from '../workflows/runtime/business-calendar';
import { EARLY_CADENCES, type EarlyCadence } from '../workflows/retention/cadence';
import { DEFAULT_AT_RISK_BELOW } from '../workflows/retention/health';
import { DEFAULT_ROUTING, routingSchema, type Routing } from '../workflows/support/routing';
import { DEFAULT_SLA_POLICY, slaPolicySchema, type SlaPolicy } from '../workflows/support/sla';

const port = z.coerce.number().int().min(1).max(65535);
/** A port that may be left unset (or empty, as compose passes an unset one). */
const optionalPort = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), port.optional());
const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

/** A variable holding JSON that `schema` validates; `example` shows its shape in the error. */
function jsonVariable<S extends z.ZodType>(schema: S, example: string) {
  return optionalString.pipe(
    z
      .string()
      .transform((s, ctx) => {
        try {
          return JSON.parse(s) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: `Must be JSON: ${example}` });
          return z.NEVER;
        }
      })
      .pipe(schema)
      .optional(),
  );
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  PORT: port.default(3000),
  PUBLIC_URL: optionalString.pipe(z.url().optional()),
  TRUST_PROXY: optionalString.pipe(
    z
      .string()
      .regex(/^(\d{1,2}|(loopback|linklocal|uniquelocal|[\da-fA-F.:/]+)(\s*,\s*(loopback|linklocal|uniquelocal|[\da-fA-F.:/]+))*)$/, 'Must be a number of proxies, or addresses/subnets (or loopback, linklocal, uniquelocal), comma-separated')
      .optional(),
  ),
  DATA_DIR: z.string().default('.data'),
  DATABASE_URL: optionalString.pipe(z.url().optional()),
  EMBEDDED_PG_PORT: port.default(5433),
  TEMPORAL_ADDRESS: optionalString,
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('pivotal-flow'),
  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  TEMPORAL_UI_URL: optionalString.pipe(z.url().optional()),
  TEMPORAL_CLI_PATH: optionalString,
  // The workflow bundle built with the image (`npm run build:workflows`); unset: bundled at start.
  WORKFLOW_BUNDLE: optionalString,
  FOLLOW_UP_DUE_HOURS: z.coerce.number().positive().default(24),
  AUTH_SECRET: optionalString,
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  DEV_USERS: optionalString.pipe(z.enum(['true', 'false']).optional()),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  RATE_LIMIT_LOGIN_PER_IP: z.coerce.number().int().positive().default(20),
  RATE_LIMIT_LOGIN_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  RATE_LIMIT_LEADS_PER_IP: z.coerce.number().int().positive().default(10),
  RATE_LIMIT_CUSTOMER_LINK_PER_TOKEN: z.coerce.number().int().positive().default(30),
  CONTRACT_SIGNATURE_DAYS: z.coerce.number().positive().default(7),
  DEPOSIT_DUE_DAYS: z.coerce.number().positive().default(14),
  DELIVERY_MILESTONE_DAYS: z.coerce.number().int().positive().default(14),
  DELIVERY_STATUS_INTERVAL_DAYS: z.coerce.number().positive().default(7),
  CUSTOMER_REVIEW_DAYS: z.coerce.number().positive().default(5),
  BILLING_TERMS_DAYS: z.coerce.number().int().positive().default(30),
  BILLING_REMINDER_DAYS: z
    .string()
    .default('-3,3,10')
    .transform((s) => s.split(',').map((d) => Number(d.trim())))
    .pipe(z.array(z.number().int().min(-365).max(365)).min(1)),
  BILLING_LATE_FEE_BPS: z.coerce.number().int().min(0).max(10_000).default(150),
  BILLING_LATE_FEE_AFTER_DAYS: z.coerce.number().int().min(0).default(7),
  CUSTOMER_FORMER_AFTER_DAYS: z.coerce.number().int().positive().default(180),
  RETENTION_EARLY_CADENCE: z.enum(EARLY_CADENCES).default('biweekly'),
  RETENTION_AT_RISK_BELOW: z.coerce.number().int().min(1).max(100).default(DEFAULT_AT_RISK_BELOW),
  // Past a year and its annual review's window: a client held to the annual cadence is never quiet by it.
  RETENTION_QUIET_AFTER_DAYS: z.coerce.number().int().min(400).max(3650).default(540),
  RETENTION_RENEWAL_NOTICE_DAYS: z.coerce.number().int().min(7).max(365).default(60),
  /** Unset: the journey runtime's own limit (workflows/runtime/journey.ts DEFAULT_HISTORY_LIMIT). */
  RETENTION_HISTORY_LIMIT: z.coerce.number().int().min(100).max(50_000).optional(),
  // Five cron fields, in UTC (Temporal checks them when the schedule is made); `off`: no digest.
  DIGEST_SCHEDULE: z
    .string()
    .trim()
    .regex(/^(off|\S+( \S+){4})$/, 'Five cron fields (minute hour day month weekday), or off')
    .default('0 7 * * 1'),
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_API_URL: optionalString.pipe(z.url().optional()),
  DOCUSIGN_BASE_PATH: z.url().default('https://demo.docusign.net/restapi'),
  DOCUSIGN_ACCOUNT_ID: optionalString,
  DOCUSIGN_ACCESS_TOKEN: optionalString,
  DOCUSIGN_CONNECT_HMAC_KEY: optionalString,
  SMTP_URL: optionalString.pipe(z.url().optional()),
  /** Production on the local payment and e-signature providers and without SMTP: a staging or demonstration deployment. */
  ALLOW_LOCAL_PROVIDERS: optionalString.pipe(z.enum(['true', 'false']).optional()).transform((v) => v === 'true'),
  MAIL_FROM: z.string().min(3).default('Pivotal Flow <hello@pivotal.test>'),
  METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'At least 16 characters').regex(/^[\x21-\x7e]+$/, 'Printable ASCII, no spaces').optional()),
  WORKER_METRICS_PORT: optionalPort,
  /** The standalone worker's health endpoint (GET /healthz: 200 while it polls, 503 once it drains), for orchestrators' health checks. */
  WORKER_HEALTH_PORT: optionalPort,
  SALES_ROUTING: jsonVariable(z.record(z.string().min(1), z.email()), '{"<project type>": "<salesperson email>"}'),
  TASK_HANDOVER: jsonVariable(z.record(z.string().min(1), z.enum(['same-holder', 'queue'])), '{"discovery-meeting": "queue"}'),
  SUPPORT_HOURS: jsonVariable(businessHoursSchema, '{"timeZone": "Europe/Berlin", "workingDays": [1,2,3,4,5], "opens": "09:00", "closes": "17:00", "holidays": ["2026-12-25"]}'),
  SUPPORT_SLA: jsonVariable(slaPolicySchema, '{"urgent": {"firstResponse": 60, "nextResponse": 120, "resolution": 480}, "high": {…}, "normal": {…}, "low": {…}} (business minutes)'),
  SUPPORT_ROUTING: jsonVariable(routingSchema, '{"rules": [{"queue": "billing", "categories": ["billing"]}], "defaultQueue": "general", "assign": "least-loaded"}'),
  SUPPORT_CLOSE_AFTER_BUSINESS_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  SUPPORT_WARRANTY_DAYS: z.coerce.number().int().min(0).max(365).default(60),
});

/** Support's default calendar: weekdays 09:00-17:00 in Berlin, no holidays configured. */
const DEFAULT_SUPPORT_HOURS: BusinessHours = { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00', holidays: [] };

/** The development secret: fine on a laptop, refused in production. */
export const DEV_AUTH_SECRET = 'pivotal-flow-development-secret-not-for-production';
/** Password of the documented development users (README, "Development users"). */
export const DEV_USER_PASSWORD = 'pivotal-dev';

/** Every environment variable Pivotal Flow reads. */
export const CONFIG_VARIABLES = Object.keys(envSchema.shape) as Array<keyof typeof envSchema.shape>;

export type Config = {
  env: 'development' | 'test' | 'production';
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  http: {
    host: string;
    port: number;
    publicUrl: string;
    /** Express's `trust proxy`: which proxies' X-Forwarded-For/-Proto to believe (client IP, TLS); false: none. */
    trustProxy: number | string | false;
    /** Where the standalone worker answers GET /healthz (on HOST); unset: nowhere. */
    workerHealthPort?: number;
  };
  /**
   * Requests allowed per window (api/rate-limits.ts): wrong passwords per IP and per account,
   * contact-form posts per IP, customer-link posts per link.
   */
  rateLimits: { windowMs: number; loginPerIp: number; loginPerAccount: number; leadsPerIp: number; customerLinkPerToken: number };
  dataDir: string;
  database: { url?: string; embeddedPort: number };
  temporal: {
    address?: string;
    namespace: string;
    taskQueue: string;
    devServerPort: number;
    uiPort: number;
    uiUrl: string;
    cliPath?: string;
    /** A prebuilt workflow bundle's file, used instead of bundling at worker start. */
    workflowBundle?: string;
  };
  journeys: {
    followUpDueHours: number;
    /** Project type → email of the salesperson who gets its leads; unmatched leads go to the queue. */
    salesRouting: Record<string, string>;
    /** Task type → who gets it after the task before it: its holder (`same-holder`, the default) or the queue. */
    taskHandover: Record<string, 'same-holder' | 'queue'>;
  };
  mail: { smtpUrl?: string; from: string };
  /** When the managers' weekly digest goes out: a cron expression in UTC, or null for never. */
  digestSchedule: string | null;
  /** The support journey's calendar, SLA targets per priority, routing, closing window and warranty. */
  support: { hours: BusinessHours; policy: SlaPolicy; routing: Routing; closeAfterBusinessDays: number; warrantyDays: number };
  contracts: { signatureDays: number; depositDueDays: number };
  delivery: { milestoneDays: number; statusIntervalDays: number; customerReviewDays: number };
  billing: {
    termsDays: number;
    /** Days relative to the due date a reminder goes out (negative: before it). */
    reminderDays: number[];
    lateFeeBps: number;
    /** Days after the due date the late fee is added to what is still owed. */
    lateFeeAfterDays: number;
  };
  /** Days after their last journey ended that a client with nothing running becomes a former client. */
  customers: { formerAfterDays: number };
  /** A new account's first 90 days' cadence; the health score below which it is at risk; days without contact after which the relationship has gone quiet; days before a long-term contract's last day its renewal task opens; history events a run grows to before it continues as new. */
  retention: { earlyCadence: EarlyCadence; atRiskBelow: number; quietAfterDays: number; renewalNoticeDays: number; historyLimit?: number };
  /** Stripe when a secret key is set; otherwise the local payment provider (no account needed). */
  stripe?: { secretKey: string; webhookSecret?: string; apiUrl?: string };
  /** DocuSign when an account and token are set; otherwise the local e-signature provider. */
  docusign?: { basePath: string; accountId: string; accessToken: string; connectHmacKey?: string };
  auth: {
    /** Keys the HMAC under which session and API tokens are stored. */
    secret: string;
    sessionTtlMs: number;
    /** Create the documented development users on start. */
    devUsers: boolean;
    secureCookies: boolean;
  };
  metrics: {
    /** Bearer token `GET /metrics` asks for; without one, production serves no metrics, development and test serve them openly. */
    token?: string;
    /** Whether the API serves `GET /metrics`. */
    served: boolean;
    /** `host:port` of the worker's Prometheus endpoint (the Temporal runtime's exporter); unset: none. */
    workerBindAddress?: string;
  };
  /** What production refuses but development allows: the API logs each loudly when it starts. */
  warnings: string[];
};

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

type Env = z.infer<typeof envSchema>;

/**
 * Providers configured to create intents or envelopes whose events could not be verified, so every
 * one of them would be refused: the payments and signatures they stand for would never arrive.
 */
/**
 * The local stand-ins production would run on: the local providers take a click on the customer's
 * link as a signature or a payment, and without SMTP emails stay in the outbox.
 */
function localProviders(e: Env): string[] {
  return [
    ...(e.STRIPE_SECRET_KEY ? [] : ['STRIPE_SECRET_KEY (Stripe; the local payment provider collects no money)']),
    ...(e.DOCUSIGN_ACCOUNT_ID && e.DOCUSIGN_ACCESS_TOKEN ? [] : ['DOCUSIGN_ACCOUNT_ID, DOCUSIGN_ACCESS_TOKEN (DocuSign; the local e-signature provider proves no signature)']),
    ...(e.SMTP_URL ? [] : ['SMTP_URL (a mail server; without one emails stay in the outbox)']),
  ];
}

function unverifiableProviders(e: Env): string[] {
  return [
    ...(e.STRIPE_SECRET_KEY && !e.STRIPE_WEBHOOK_SECRET
      ? ['STRIPE_WEBHOOK_SECRET: STRIPE_SECRET_KEY is set, so payment intents are created at Stripe, but without the webhook signing secret every Stripe event about them is refused']
      : []),
    ...(e.DOCUSIGN_ACCOUNT_ID && e.DOCUSIGN_ACCESS_TOKEN && !e.DOCUSIGN_CONNECT_HMAC_KEY
      ? ['DOCUSIGN_CONNECT_HMAC_KEY: DocuSign is configured, so envelopes are sent through it, but without the Connect HMAC key every Connect event about them is refused']
      : []),
  ];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`),
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const devUsers = (e.DEV_USERS ?? String(!production)) === 'true';
  if (production) {
    const issues = [];
    if (!e.AUTH_SECRET || e.AUTH_SECRET === DEV_AUTH_SECRET || e.AUTH_SECRET.length < 32) {
      issues.push('AUTH_SECRET: production needs a secret of at least 32 characters, not the development default');
    }
    if (devUsers) issues.push('DEV_USERS: production refuses the development users and their known password');
    // Workers build the customers' links; without it they would point at localhost.
    if (!e.PUBLIC_URL) issues.push("PUBLIC_URL: production needs the address customers reach; the links in their emails are built from it");
    if (!e.ALLOW_LOCAL_PROVIDERS) issues.push(...localProviders(e).map((p) => `${p}: production needs it, or ALLOW_LOCAL_PROVIDERS=true for a deployment that must not reach customers`));
    issues.push(...unverifiableProviders(e));
    if (issues.length) throw new ConfigError(issues);
  }
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    http: {
      host: e.HOST,
      port: e.PORT,
      publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
      trustProxy: e.TRUST_PROXY === undefined ? false : /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY,
      workerHealthPort: e.WORKER_HEALTH_PORT,
    },
    rateLimits: {
      windowMs: e.RATE_LIMIT_WINDOW_SECONDS * 1000,
      loginPerIp: e.RATE_LIMIT_LOGIN_PER_IP,
      loginPerAccount: e.RATE_LIMIT_LOGIN_PER_ACCOUNT,
      leadsPerIp: e.RATE_LIMIT_LEADS_PER_IP,
      customerLinkPerToken: e.RATE_LIMIT_CUSTOMER_LINK_PER_TOKEN,
    },
    dataDir: path.resolve(e.DATA_DIR),
    database: { url: e.DATABASE_URL, embeddedPort: e.EMBEDDED_PG_PORT },
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      devServerPort: e.TEMPORAL_PORT,
      uiPort: e.TEMPORAL_UI_PORT,
      uiUrl: e.TEMPORAL_UI_URL ?? `http://localhost:${e.TEMPORAL_UI_PORT}`,
      cliPath: e.TEMPORAL_CLI_PATH,
      workflowBundle: e.WORKFLOW_BUNDLE,
    },
    journeys: {
      followUpDueHours: e.FOLLOW_UP_DUE_HOURS,
      salesRouting: e.SALES_ROUTING ?? {},
      taskHandover: e.TASK_HANDOVER ?? {},
    },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    support: {
      hours: e.SUPPORT_HOURS ?? DEFAULT_SUPPORT_HOURS,
      policy: e.SUPPORT_SLA ?? DEFAULT_SLA_POLICY,
      routing: e.SUPPORT_ROUTING ?? DEFAULT_ROUTING,
      closeAfterBusinessDays: e.SUPPORT_CLOSE_AFTER_BUSINESS_DAYS,
      warrantyDays: e.SUPPORT_WARRANTY_DAYS,
    },
    contracts: { signatureDays: e.CONTRACT_SIGNATURE_DAYS, depositDueDays: e.DEPOSIT_DUE_DAYS },
    delivery: { milestoneDays: e.DELIVERY_MILESTONE_DAYS, statusIntervalDays: e.DELIVERY_STATUS_INTERVAL_DAYS, customerReviewDays: e.CUSTOMER_REVIEW_DAYS },
    billing: {
      termsDays: e.BILLING_TERMS_DAYS,
      reminderDays: [...e.BILLING_REMINDER_DAYS].sort((a, b) => a - b),
      lateFeeBps: e.BILLING_LATE_FEE_BPS,
      lateFeeAfterDays: e.BILLING_LATE_FEE_AFTER_DAYS,
    },
    customers: { formerAfterDays: e.CUSTOMER_FORMER_AFTER_DAYS },
    digestSchedule: e.DIGEST_SCHEDULE === 'off' ? null : e.DIGEST_SCHEDULE,
    retention: { earlyCadence: e.RETENTION_EARLY_CADENCE, atRiskBelow: e.RETENTION_AT_RISK_BELOW, quietAfterDays: e.RETENTION_QUIET_AFTER_DAYS, renewalNoticeDays: e.RETENTION_RENEWAL_NOTICE_DAYS, historyLimit: e.RETENTION_HISTORY_LIMIT },
    stripe: e.STRIPE_SECRET_KEY
      ? { secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET, apiUrl: e.STRIPE_API_URL }
      : undefined,
    docusign:
      e.DOCUSIGN_ACCOUNT_ID && e.DOCUSIGN_ACCESS_TOKEN
        ? {
            basePath: e.DOCUSIGN_BASE_PATH,
            accountId: e.DOCUSIGN_ACCOUNT_ID,
            accessToken: e.DOCUSIGN_ACCESS_TOKEN,
            connectHmacKey: e.DOCUSIGN_CONNECT_HMAC_KEY,
          }
        : undefined,
    auth: {
      secret: e.AUTH_SECRET ?? DEV_AUTH_SECRET,
      sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
      devUsers,
      secureCookies: production,
    },
    metrics: {
      token: e.METRICS_TOKEN,
      served: !production || e.METRICS_TOKEN !== undefined,
      workerBindAddress: e.WORKER_METRICS_PORT === undefined ? undefined : `${e.HOST}:${e.WORKER_METRICS_PORT}`,
    },
    warnings: [
      ...unverifiableProviders(e),
      ...(production && e.ALLOW_LOCAL_PROVIDERS ? localProviders(e).map((p) => `${p}: ALLOW_LOCAL_PROVIDERS=true, so production runs without it`) : []),
    ],
  };
}
