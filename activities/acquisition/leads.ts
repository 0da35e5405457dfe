// The projection of a new lead: the customer, the journey row, the inquiry and the first audit
// event. Written by the journey's first activity, from the journey's own input, so the
// database and the workflow always agree on what the customer submitted.
import { z } from 'zod';
import type { AcquisitionInput } from '../../workflows/runtime/definitions';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { refreshCustomerFacts } from '../runtime/customer-facts';

export type SalesRep = { userId: string; name: string };

export function createLeadActivities({ db, config }: { db: Db; config: Config }) {
  return {
    /**
     * The salesperson the routing rules (SALES_ROUTING) give this project type, if that person is
     * an active user who works sales; otherwise null, and the lead waits in the sales queue.
     */
    async routeLead(projectType: string): Promise<SalesRep | null> {
      const email = config.journeys.salesRouting[projectType];
      if (!email) return null;
      const user = await db.user.findUnique({ where: { email: email.toLowerCase() } });
      if (!user?.active || !user.roles.includes('sales')) return null;
      return { userId: user.id, name: user.name };
    },

    /**
     * Who gets a task of `taskType` for the queue `role` after `previous` held the one before it
     * (the salesperson who qualified a lead gets its discovery meeting): that same person, unless
     * TASK_HANDOVER sends the type back to the queue or they no longer work it (null: the queue).
     */
    async handoverTo({ taskType, role, previous }: { taskType: string; role: string; previous?: string }): Promise<string | null> {
      if (!previous || (config.journeys.taskHandover[taskType] ?? 'same-holder') === 'queue') return null;
      if (!z.uuid().safeParse(previous).success) return null; // an API token's completion: no person holds it
      const user = await db.user.findUnique({ where: { id: previous } });
      return user?.active && user.roles.some((r) => r === role || r === 'manager' || r === 'admin') ? user.id : null;
    },

    /**
     * Inserts what is missing and nothing else (each insert is ON CONFLICT DO NOTHING): a retried
     * activity changes nothing. Repeat business starts at discovery, as the child of the client's
     * account journey, with an event on each. A returning customer's row is kept as it is; their lifecycle follows
     * from this journey running besides the earlier ones (a client asking for new work stays one).
     */
    async recordLead(input: AcquisitionInput): Promise<void> {
      const { journeyId, customerId, inquiry: i, repeat } = input;
      // Codes are issued in capitals; a person may type one in any case.
      const code = i.referralCode?.trim().toUpperCase() || null;
      await db.$transaction(async (tx) => {
        await tx.$executeRaw`
          WITH customer AS (
            INSERT INTO "Customer" (id, "companyName", "contactName", email, phone, country, region, "createdAt", "updatedAt")
            VALUES (${customerId}::uuid, ${i.companyName}, ${i.contactName}, ${i.email}, ${i.phone ?? null}, ${i.country ?? null}, ${i.region ?? null}, now(), now())
            ON CONFLICT (email) DO NOTHING
          ), journey AS (
            INSERT INTO "Journey" (id, kind, "customerId", status, stage, "stageSince", "startedAt", "updatedAt", "parentJourneyId")
            VALUES (${journeyId}, 'acquisition', ${customerId}::uuid, 'RUNNING', ${repeat ? 'discovery' : 'inquiry'}, now(), now(), now(), ${repeat?.parentJourneyId ?? null})
            ON CONFLICT (id) DO NOTHING
            RETURNING id
          ), inquiry AS (
            INSERT INTO "Inquiry" (id, "customerId", "journeyId", "projectType", "budgetRange", timeline, description, "receivedAt", "referrerId", "referralNote")
            SELECT gen_random_uuid(), ${customerId}::uuid, journey.id, ${i.projectType}, ${i.budgetRange}, ${i.timeline}, ${i.description}, now(),
                   CASE WHEN referrer.id <> ${customerId}::uuid THEN referrer.id END,
                   CASE WHEN ${code}::text IS NULL THEN NULL
                        WHEN referrer.id IS NULL THEN 'Referral code ' || ${code} || ' matches no client: not attributed'
                        WHEN referrer.id = ${customerId}::uuid THEN 'Referral code ' || ${code} || ' is the customer''s own: not attributed' END
            FROM journey LEFT JOIN "Customer" referrer ON referrer."referralCode" = ${code}
          ), event AS (
            INSERT INTO "JourneyEvent" (key, "journeyId", type, actor, data, at)
            SELECT id || ':lead', id, ${repeat ? 'opportunity_opened' : 'lead_received'}, ${repeat?.openedBy ?? i.email}, ${JSON.stringify(repeat ? { ...i, ...repeat } : i)}::jsonb, now() FROM journey
          ), on_account AS (
            -- The client's account journey keeps the trail of the business it led to.
            INSERT INTO "JourneyEvent" (key, "journeyId", type, actor, data, at)
            SELECT ${repeat?.parentJourneyId ?? ''} || ':opportunity:' || id, ${repeat?.parentJourneyId ?? ''}, 'repeat_business_opened', ${repeat?.openedBy ?? ''},
                   jsonb_build_object('journeyId', id, 'source', ${repeat?.source ?? null}::text, 'projectType', ${i.projectType}::text), now()
            FROM journey WHERE ${repeat !== undefined}
            ON CONFLICT (key) DO NOTHING
          )
          SELECT count(*) FROM journey`;
        await refreshCustomerFacts(tx, customerId);
      });
    },
  };
}

export type LeadActivities = ReturnType<typeof createLeadActivities>;
