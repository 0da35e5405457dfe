// Journeys started from the API (a ticket, repeat business) are numbered per customer and kind in
// PostgreSQL (JourneySequence), which keeps every number for ever, so a workflow id is never one
// Temporal once used and has forgotten. A request sent again with its key answers with the journey
// the first one started (JourneyStartRequest).
import type { Db } from '../../platform/db';

/** The customer's next journey number of `kind`, taken once; past `after` (numbers given out elsewhere). */
export async function nextJourneyNumber(db: Db, customerId: string, kind: string, after = 0): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ last: number }>>`
    INSERT INTO "JourneySequence" ("customerId", kind, last) VALUES (${customerId}::uuid, ${kind}, ${after + 1})
    ON CONFLICT ("customerId", kind) DO UPDATE SET last = greatest("JourneySequence".last, EXCLUDED.last - 1) + 1
    RETURNING last`;
  return row!.last;
}

/**
 * The journey for a request with a key: the one an earlier request with it started, or `fresh()`,
 * kept under the key. Two requests with one key at once may both take a fresh number: one is used,
 * the other left as a gap (numbers are never reused, so a gap is harmless).
 */
export async function journeyForRequest(db: Db, requestKey: string, fresh: () => Promise<string>): Promise<{ journeyId: string; created: boolean }> {
  const earlier = await db.journeyStartRequest.findUnique({ where: { key: requestKey } });
  if (earlier) return { journeyId: earlier.journeyId, created: false };
  const journeyId = await fresh();
  const inserted = await db.journeyStartRequest.createMany({ data: [{ key: requestKey, journeyId }], skipDuplicates: true });
  if (inserted.count) return { journeyId, created: true };
  return { journeyId: (await db.journeyStartRequest.findUniqueOrThrow({ where: { key: requestKey } })).journeyId, created: false };
}
