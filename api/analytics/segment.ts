// A segment is a property of the lead behind a journey: the customer's latest inquiry received by
// the time the journey started (an acquisition's own; a delivery's, billing's or ticket's is the
// one that won the customer, or their latest). Any kind is segmented the same way, with no
// per-kind code: a journey needs only its customer and its start.
import { Prisma } from '../../prisma/generated/client';
import type { Segment } from './params';

/**
 * SQL that holds when the customer `customer` at instant `at` (column expressions) is in the
 * segment; TRUE when no segment is asked for, so the planner drops it.
 */
export function inSegment(customer: Prisma.Sql, at: Prisma.Sql, s: Segment): Prisma.Sql {
  const conditions = [
    s.projectType !== undefined && Prisma.sql`lead."projectType" = ${s.projectType}`,
    s.budgetRange !== undefined && Prisma.sql`lead."budgetRange" = ${s.budgetRange}`,
    // Returning: the customer was already a client when the inquiry came (repeat business).
    (s.source === 'new' || s.source === 'returning') &&
      Prisma.sql`(EXISTS (SELECT 1 FROM "Customer" c WHERE c.id = lead."customerId" AND c."clientSince" < lead."receivedAt")) = ${s.source === 'returning'}`,
    s.source === 'referral' && Prisma.sql`lead."referrerId" IS NOT NULL`,
    // The salesperson: who held or completed a sales task of the lead's acquisition.
    s.salesperson !== undefined &&
      Prisma.sql`EXISTS (SELECT 1 FROM "Task" t WHERE t."journeyId" = lead."journeyId" AND coalesce(t."originalRole", t.role) = 'sales'
                   AND (t.assignee = ${s.salesperson}::uuid OR t."completedBy" = ${s.salesperson}))`,
  ].filter((c): c is Prisma.Sql => c !== false);
  if (!conditions.length) return Prisma.sql`TRUE`;
  return Prisma.sql`EXISTS (
    SELECT 1 FROM (SELECT i."customerId", i."journeyId", i."projectType", i."budgetRange", i."receivedAt", i."referrerId" FROM "Inquiry" i
                   WHERE i."customerId" = ${customer} AND i."receivedAt" <= ${at} ORDER BY i."receivedAt" DESC LIMIT 1) lead
    WHERE ${Prisma.join(conditions, ' AND ')})`;
}

/** Journeys of `kind` started in [from, to) whose lead is in the segment: the cohort every per-kind figure counts. */
export function cohort(kind: string, from: Date, to: Date, s: Segment): Prisma.Sql {
  return Prisma.sql`SELECT j.id, j."customerId", j.status::text AS status, j.stage, j."endReason", j."startedAt", j."endedAt"
    FROM "Journey" j
    WHERE j.kind = ${kind} AND j."startedAt" >= ${from} AND j."startedAt" < ${to} AND ${inSegment(Prisma.sql`j."customerId"`, Prisma.sql`j."startedAt"`, s)}`;
}

/** Whether any segment is asked for (rollups are kept for everyone, not per segment). */
export const segmented = (s: Segment) => [s.projectType, s.budgetRange, s.source, s.salesperson].some((v) => v !== undefined);
