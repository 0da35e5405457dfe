// The journey audit trail (JourneyEvent), written by activities and by API actions alike.
import type { Prisma } from '../prisma/generated/client';

export type AuditEvent = {
  journeyId: string;
  /** Unique per logical event: a retried write with the same key is stored once. */
  key: string;
  type: string;
  actor?: string;
  data: Prisma.InputJsonValue;
  at?: Date;
};

/** Inserts an audit event unless one with the same key exists; true when it was new. */
export async function appendEvent(tx: Prisma.TransactionClient, e: AuditEvent): Promise<boolean> {
  const { count } = await tx.journeyEvent.createMany({ data: [e], skipDuplicates: true });
  return count === 1;
}
