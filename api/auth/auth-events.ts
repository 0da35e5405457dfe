// Logouts, revocations, deactivations and role changes reach every API process at once: the
// process that forgets a credential announces it with PostgreSQL's NOTIFY (sent when the request's
// writes are committed), and every process LISTENs on one connection of its own. While that
// connection is down a process cannot hear a forget, so it caches no credential (each request
// reads the database) and, once listening again, drops whatever it cached before.
import { Client as PgClient } from 'pg';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';

const CHANNEL = 'pf_auth_forget';
const RECONNECT_MS = 1_000;

export type ForgetHandlers = {
  /** A token hash another process (or this one) forgot. */
  forget: (tokenHash: string) => void;
  /** The connection was lost or is back: anything cached may have missed a forget. */
  reset: () => void;
};

export type AuthEvents = {
  subscribe: (handlers: ForgetHandlers) => void;
  /** Forgets are heard now: only then may a credential be cached. */
  listening: () => boolean;
  close: () => Promise<void>;
};

/** Tells every API process listening that `tokenHash` no longer stands for what it did. */
export async function announceForget(db: Db, tokenHash: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${CHANNEL}, ${tokenHash})`;
}

/** Listens for forgets on `databaseUrl`, reconnecting every second while the database is away. */
export async function listenForForgets(databaseUrl: string, log: Logger): Promise<AuthEvents> {
  const subscribers: ForgetHandlers[] = [];
  let client: PgClient | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const reset = () => subscribers.forEach((s) => s.reset());

  const drop = (c: PgClient, why: string) => {
    if (client !== c) return;
    client = undefined;
    reset();
    void c.end().catch(() => undefined);
    if (closed) return;
    log.warn(`not hearing other API processes' logouts and revocations (${why}); caching no credential until listening again`);
    retry = setTimeout(() => void connect(), RECONNECT_MS);
  };

  async function connect(): Promise<void> {
    const c = new PgClient({ connectionString: databaseUrl });
    c.on('notification', (n) => {
      if (n.payload) for (const s of subscribers) s.forget(n.payload);
    });
    c.on('error', (err) => drop(c, err.message));
    c.on('end', () => drop(c, 'connection closed'));
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      void c.end().catch(() => undefined);
      if (closed) return;
      retry = setTimeout(() => void connect(), RECONNECT_MS);
      log.warn(`cannot listen for other API processes' logouts and revocations (${(err as Error).message}); retrying`);
      return;
    }
    if (closed) return void c.end().catch(() => undefined);
    client = c;
    reset();
  }

  await connect();
  return {
    subscribe: (handlers) => void subscribers.push(handlers),
    listening: () => client !== undefined,
    close: async () => {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
