// Rate limits on what can be guessed or flooded without an account: wrong passwords (per IP and
// per account), the public contact form (per IP) and customer-link actions (per link). Counters
// live in PostgreSQL (RateLimitCounter), so every API process counts the same hits; a window is
// fixed and its clock is the database's, so processes agree on when it passes.
//
// A wrong password and a customer-link post wait for their count. The contact form does not: its
// limit is against floods, not guessing, and a database round trip (and a commit's fsync beside
// Temporal's) was a third of a lead's latency (bench:start). It counts ahead in the process and
// writes behind (countedBehind), a client's hits together at most every WRITE_BEHIND_EVERY_MS (a
// write per request still cost the next request a millisecond or two of Prisma's time): one
// process counts its hits exactly, and learns the other processes' hits with each answer from
// PostgreSQL, so each lets through at most the hits it has on their way to the database past the limit.
//
// PostgreSQL down or slow when a limit is checked: the request goes through unchecked, with a
// warning logged (fail open). Logins and customer links cannot succeed without PostgreSQL anyway
// (they read users and links from it), so nothing can be guessed meanwhile; the contact form
// starts its journey in Temporal and keeps taking customers through a database outage, which is
// worth more than flood protection for those minutes. A check waits CHECK_WITHIN_MS at most, so a
// frozen database delays an answer by that, not by the driver's 20 s.
import type { Request, RequestHandler } from 'express';
import { rateLimit, type ClientRateLimitInfo, type Options, type Store } from 'express-rate-limit';
import type { Db } from '../platform/db';
import type { Logger } from '../platform/logger';
import type { ApiDeps } from './app';
import { hashToken } from './auth/credentials';
import { sendError } from './customer-pages';
import { AppError } from './errors';

/** How long a limit check may wait for PostgreSQL before the request goes through unchecked. */
export const CHECK_WITHIN_MS = 1_000;
/** Expired counters are deleted at most this often per process (one statement, on a hit). */
const SWEEP_EVERY_MS = 60_000;

type Row = { hits: number; resetAt: Date };

/** express-rate-limit's store over RateLimitCounter: one atomic upsert per hit. */
export class PostgresRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;
  private lastSweep = 0;

  constructor(
    private readonly db: Db,
    /** Names the limiter; part of every key, so limiters sharing a client key count apart. */
    readonly prefix: string,
    /** Keys are stored as HMACs under it: counters name no IP, email or link token. */
    private readonly secret: string,
  ) {}

  init(options: Options) {
    this.windowMs = options.windowMs;
  }

  private keyOf(key: string) {
    return hashToken(this.secret, `${this.prefix}:${key}`);
  }

  increment(key: string): Promise<ClientRateLimitInfo> {
    return this.add(key, 1);
  }

  /** Counts `hits` hits at once (a process's hits written behind together). */
  async add(key: string, hits: number): Promise<ClientRateLimitInfo> {
    this.sweep();
    const [row] = await this.db.$queryRaw<Row[]>`
      INSERT INTO "RateLimitCounter" ("key", "hits", "resetAt")
      VALUES (${this.keyOf(key)}, ${hits}, now() + make_interval(secs => ${this.windowMs / 1000}))
      ON CONFLICT ("key") DO UPDATE SET
        "hits" = CASE WHEN "RateLimitCounter"."resetAt" <= now() THEN EXCLUDED."hits" ELSE "RateLimitCounter"."hits" + EXCLUDED."hits" END,
        "resetAt" = CASE WHEN "RateLimitCounter"."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE "RateLimitCounter"."resetAt" END
      RETURNING "hits", "resetAt"`;
    return { totalHits: row!.hits, resetTime: row!.resetAt };
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const row = await this.db.rateLimitCounter.findUnique({ where: { key: this.keyOf(key) } });
    return row && row.resetAt > new Date() ? { totalHits: row.hits, resetTime: row.resetAt } : undefined;
  }

  async decrement(key: string): Promise<void> {
    await this.db.$executeRaw`
      UPDATE "RateLimitCounter" SET "hits" = GREATEST("hits" - 1, 0) WHERE "key" = ${this.keyOf(key)} AND "resetAt" > now()`;
  }

  async resetKey(key: string): Promise<void> {
    await this.db.rateLimitCounter.deleteMany({ where: { key: this.keyOf(key) } });
  }

  /** Counters of clients that did not come back (one-off IPs, used links) would stay for ever. */
  private sweep() {
    if (Date.now() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = Date.now();
    this.db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "resetAt" < now()`.catch(() => undefined);
  }
}

/** A store whose every call gives up after CHECK_WITHIN_MS (then the limiter lets the request through). */
type SharedStore = Store & { add: (key: string, hits: number) => Promise<ClientRateLimitInfo> };

function bounded(store: PostgresRateLimitStore): SharedStore {
  const within = <T>(work: Promise<T>) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from PostgreSQL within ${CHECK_WITHIN_MS} ms`)), CHECK_WITHIN_MS);
    });
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
  };
  return {
    localKeys: false,
    prefix: store.prefix,
    init: (options) => store.init(options),
    increment: (key) => within(store.increment(key)),
    add: (key, hits) => within(store.add(key, hits)),
    get: (key) => within(store.get(key)),
    decrement: (key) => within(store.decrement(key)),
    resetKey: (key) => within(store.resetKey(key)),
  };
}

/**
 * What a process knows of one client's window: the total PostgreSQL last answered, its hits not yet
 * in that total (`pending`), of which `unsent` are still to be written, and when it last wrote.
 */
type Ahead = { known: number; pending: number; unsent: number; writing: boolean; lastWrite: number; timer?: NodeJS.Timeout; resetTime: Date };

/** A client's hits reach PostgreSQL together at most this often: a flood costs a write per this, not per request. */
const WRITE_BEHIND_EVERY_MS = 100;

/**
 * A store that answers from this process's count at once and writes the hits to PostgreSQL behind
 * the answer (see the head of this file): a client's first hit at once, the ones after it
 * together, one write in flight per client. A hit the database did not take still counts here.
 */
function countedBehind(store: SharedStore, windowMs: number, log: Logger, name: string): Store {
  const counts = new Map<string, Ahead>();
  let lastSweep = Date.now();
  const current = (key: string, now: number): Ahead => {
    const held = counts.get(key);
    if (!held) {
      const fresh: Ahead = { known: 0, pending: 0, unsent: 0, writing: false, lastWrite: 0, resetTime: new Date(now + windowMs) };
      counts.set(key, fresh);
      return fresh;
    }
    // A new window, reset in place: a write in flight settles on this same record.
    if (held.resetTime.getTime() <= now) Object.assign(held, { known: 0, resetTime: new Date(now + windowMs) });
    return held;
  };
  // Windows of clients that did not come back would stay for ever.
  const sweep = (now: number) => {
    if (now - lastSweep < windowMs) return;
    lastSweep = now;
    for (const [key, ahead] of counts) if (ahead.resetTime.getTime() <= now && ahead.pending === 0) counts.delete(key);
  };
  const write = (key: string, ahead: Ahead) => {
    if (ahead.writing || ahead.timer || ahead.unsent === 0) return;
    const wait = ahead.lastWrite + WRITE_BEHIND_EVERY_MS - Date.now();
    if (wait > 0) {
      ahead.timer = setTimeout(() => {
        ahead.timer = undefined;
        write(key, ahead);
      }, wait).unref();
      return;
    }
    const hits = ahead.unsent;
    ahead.unsent = 0;
    ahead.writing = true;
    ahead.lastWrite = Date.now();
    store
      .add(key, hits)
      .then(
        (shared) => {
          // The shared total counts these hits; others of this process may be in it too (counted twice, never missed).
          ahead.known = Math.max(ahead.known, shared.totalHits);
          if (shared.resetTime) ahead.resetTime = shared.resetTime;
        },
        (err: unknown) => {
          ahead.known += hits;
          log.warn({ limiter: name, err: err instanceof Error ? err.message : String(err) }, 'rate limit hits not shared (store error)');
        },
      )
      .finally(() => {
        ahead.pending -= hits;
        ahead.writing = false;
        write(key, ahead);
      });
  };
  return {
    localKeys: false,
    prefix: store.prefix,
    init: (options) => store.init?.(options),
    increment: (key) => {
      const now = Date.now();
      sweep(now);
      const ahead = current(key, now);
      ahead.pending++;
      ahead.unsent++;
      write(key, ahead);
      return { totalHits: ahead.known + ahead.pending, resetTime: ahead.resetTime };
    },
    get: (key) => {
      const ahead = counts.get(key);
      return ahead && ahead.resetTime.getTime() > Date.now() ? { totalHits: ahead.known + ahead.pending, resetTime: ahead.resetTime } : undefined;
    },
    decrement: async (key) => {
      const ahead = counts.get(key);
      if (ahead) ahead.known = Math.max(0, ahead.known - 1);
      await store.decrement(key);
    },
    resetKey: async (key) => {
      counts.delete(key);
      await store.resetKey(key);
    },
  };
}

type LimitSpec = {
  name: string;
  limit: number;
  /** The client key; by default the client's IP (an IPv6 client's /56, which one holder rotates within). */
  key?: (req: Request) => string;
  /** Count only requests for which this holds once answered (wrong passwords), else every request. */
  counts?: (status: number) => boolean;
  /** Answer from the process's count and write the hit behind (floods), rather than wait for PostgreSQL's (guessing). */
  behind?: boolean;
  message: string;
};

function limiter(deps: ApiDeps, spec: LimitSpec): RequestHandler {
  const { windowMs } = deps.config.rateLimits;
  const shared = bounded(new PostgresRateLimitStore(deps.db, spec.name, deps.config.auth.secret));
  return rateLimit({
    windowMs,
    limit: spec.limit,
    store: spec.behind ? countedBehind(shared, windowMs, deps.log, spec.name) : shared,
    ...(spec.key && { keyGenerator: spec.key }),
    // RateLimit and RateLimit-Policy as the IETF draft (8) names them, and Retry-After on a 429.
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: spec.name,
    ...(spec.counts && { skipSuccessfulRequests: true, requestWasSuccessful: (_req, res) => !spec.counts!(res.statusCode) }),
    passOnStoreError: true,
    logger: storeLogger(deps.log, spec.name),
    handler: (req, res, next) => {
      deps.log.warn({ limiter: spec.name, url: req.originalUrl }, 'rate limited');
      const err = new AppError('rate_limited', spec.message);
      // A customer page answers a person with a page; everything else in the JSON error shape.
      if (req.baseUrl === '/customer') {
        try {
          sendError(req, res, err);
        } catch (thrown) {
          next(thrown);
        }
      } else next(err);
    },
  });
}

function storeLogger(log: Logger, name: string) {
  const warn = (err: unknown, message?: string) =>
    log.warn({ limiter: name, err: err instanceof Error ? err.message : String(err) }, `rate limit not checked (${message ?? 'store error'})`);
  return { error: warn, warn };
}

/** A 401 is a password checked and wrong; a 429 (one limit refusing) checked none, so the other limit does not count it. */
const wrongPassword = (status: number) => status === 401;
const emailOf = (req: Request) => {
  const email: unknown = req.body?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
};

/** The limits on a login: wrong passwords per IP and per account. A right one costs nothing, but is refused while limited. */
export function loginLimits(deps: ApiDeps): RequestHandler[] {
  const { loginPerIp, loginPerAccount } = deps.config.rateLimits;
  const message = 'Too many failed logins. Try again later.';
  return [
    limiter(deps, { name: 'login-ip', limit: loginPerIp, counts: wrongPassword, message }),
    limiter(deps, { name: 'login-account', limit: loginPerAccount, key: emailOf, counts: wrongPassword, message }),
  ];
}

/** The contact form's limit: submissions per IP. */
export function leadLimit(deps: ApiDeps): RequestHandler {
  return limiter(deps, {
    name: 'leads-ip',
    limit: deps.config.rateLimits.leadsPerIp,
    behind: true,
    message: 'Too many submissions from your address. Try again later.',
  });
}

/** Actions through one customer link (`POST /customer/<kind>/<token>`): per link. */
export function customerLinkLimit(deps: ApiDeps): RequestHandler {
  const perToken = limiter(deps, {
    name: 'customer-link',
    limit: deps.config.rateLimits.customerLinkPerToken,
    key: (req) => req.path.split('/')[2] ?? '',
    message: 'Too many requests through this link. Try again later.',
  });
  return (req, res, next) => (req.method === 'POST' ? perToken(req, res, next) : next());
}
