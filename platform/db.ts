// Prisma client over the pg driver adapter (Prisma's Rust-free client; see README, "Prisma").
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '../prisma/generated/client';

export type Db = PrismaClient;

/**
 * Bounded waits on PostgreSQL, so an outage is an answer within seconds rather than a hang: a
 * connection attempt, a statement on the server, and (for a server that stopped answering at all,
 * where the server-side limit cannot fire) the wait for a reply on the client.
 */
export const DB_LIMITS = { connectionTimeoutMillis: 5_000, statement_timeout: 15_000, query_timeout: 20_000 } as const;

export function createDb(databaseUrl: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, ...DB_LIMITS }) });
}

/**
 * Driver-adapter kinds and pg messages meaning PostgreSQL is down, restarting or not answering.
 * "timeout exceeded when trying to connect" is pg-pool giving up waiting for a free connection:
 * with a frozen server every pooled connection is stuck on a statement (until query_timeout), so
 * the next requests wait for one; the adapter passes that error through untyped, and it was a 500
 * (found by test/faults/outages.test.ts, PostgreSQL frozen with SIGSTOP).
 */
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'TransactionWriteConflict']);
const UNAVAILABLE_MESSAGE = /connection timeout|timeout exceeded when trying to connect|Connection terminated|Query read timeout|ECONNREFUSED|ECONNRESET|terminating connection|the database system is (starting up|shutting down)|canceling statement due to statement timeout/i;

/** An error that says the database is unavailable (worth a 503 and a retry), not that the request was wrong. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && ['P1001', 'P1002', 'P1008', 'P1017', 'P2024'].includes(e.code)) return true;
    if (e instanceof Prisma.PrismaClientInitializationError) return true;
    const kind = (e as Error & { cause?: { kind?: string } }).cause?.kind;
    if (kind && UNAVAILABLE_KINDS.has(kind)) return true;
    // A raw query's failure (P2010) carries the driver's reason only in its meta.
    const adapter = e instanceof Prisma.PrismaClientKnownRequestError ? (e.meta?.driverAdapterError as { cause?: { kind?: string; originalMessage?: string } } | undefined)?.cause : undefined;
    if (adapter?.kind && UNAVAILABLE_KINDS.has(adapter.kind)) return true;
    if (adapter?.originalMessage && UNAVAILABLE_MESSAGE.test(adapter.originalMessage)) return true;
    if (UNAVAILABLE_MESSAGE.test(e.message)) return true;
  }
  return false;
}

/** A write that lost to a concurrent one on a unique key (two identical requests at once). */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
}
