// What a customer is asked to decide through a signed link (a project plan, a milestone's
// delivery, a change request, the final sign-off): the row the link's page reads, opened once per
// subject, and closed with the answer. Both writes are keyed by (journey, subject).
import { appendEvent } from '../../platform/audit';
import type { Config } from '../../platform/config';
import { createLinkToken } from '../../platform/customer-links';
import type { Db } from '../../platform/db';
import type { Prisma } from '../../prisma/generated/client';

const DAY = 86_400_000;
/** A decision link outlives any reasonable wait; the journey, not the link, decides when it is moot. */
const LINK_DAYS = 180;

export type OpenDecision = { journeyId: string; subject: string; title: string; details: Record<string, unknown>; at: string };

export function createCustomerDecisionActivities({ db, config }: { db: Db; config: Config }) {
  return {
    async openCustomerDecision(d: OpenDecision): Promise<{ url: string }> {
      const journey = await db.journey.findUniqueOrThrow({ where: { id: d.journeyId } });
      const expiresAt = new Date(Date.parse(d.at) + LINK_DAYS * DAY);
      await db.$transaction(async (tx) => {
        await tx.customerDecision.createMany({
          data: [{ journeyId: d.journeyId, customerId: journey.customerId, subject: d.subject, title: d.title, details: d.details as Prisma.InputJsonValue, expiresAt }],
          skipDuplicates: true,
        });
        await appendEvent(tx, { journeyId: d.journeyId, key: `decision:${d.journeyId}:${d.subject}:asked`, type: 'customer_asked', data: { subject: d.subject, title: d.title } });
      });
      const token = createLinkToken(config.auth.secret, { purpose: 'customer-decision', journeyId: d.journeyId, subject: d.subject, exp: expiresAt.getTime() });
      return { url: `${config.http.publicUrl}/customer/decisions/${token}` };
    },

    /** The customer's answer, or `withdrawn` when the journey stopped waiting (it was cancelled). */
    async closeCustomerDecision(d: { journeyId: string; subject: string; decision: 'accept' | 'request-changes' | 'withdrawn'; comments?: string; at: string }): Promise<void> {
      const status = { accept: 'ACCEPTED', 'request-changes': 'CHANGES_REQUESTED', withdrawn: 'WITHDRAWN' }[d.decision];
      await db.$transaction(async (tx) => {
        await tx.customerDecision.updateMany({
          where: { journeyId: d.journeyId, subject: d.subject, status: 'OPEN' },
          data: { status, comments: d.comments ?? null, decidedAt: new Date(d.at) },
        });
        if (d.decision === 'withdrawn') return;
        await appendEvent(tx, {
          journeyId: d.journeyId,
          key: `decision:${d.journeyId}:${d.subject}:answered`,
          type: d.decision === 'accept' ? 'customer_accepted' : 'customer_requested_changes',
          actor: 'customer',
          data: { subject: d.subject, ...(d.comments && { comments: d.comments }) },
        });
      });
    },
  };
}

export type CustomerDecisionActivities = ReturnType<typeof createCustomerDecisionActivities>;
