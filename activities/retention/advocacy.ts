// A client's answer when the retention journey asks them to advocate for us (workflows/retention/
// forms.ts `advocacy`): glad to, they get a referral code (kept if they have one) and the link to
// hand on; their words, given with the name to publish them under, are kept as a testimonial with
// that consent. Written once per ask (the decision's subject), so a retried activity changes nothing.
import type { z } from 'zod';
import { appendEvent } from '../../platform/audit';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import type { retentionDecisionForms } from '../../workflows/retention/forms';
import { issueReferralCode } from './referral-codes';

export type AdvocacyAnswer = z.output<(typeof retentionDecisionForms)['advocacy']>;

/** The page a referral link opens: the contact form, with the referrer's code (api/retention/referral-pages.ts). */
export const referralUrl = (publicUrl: string, code: string) => `${publicUrl}/customer/refer/${code}`;

export function createAdvocacyActivities({ db, config }: { db: Db; config: Config }) {
  return {
    /**
     * Where an ask stands in PostgreSQL: not asked yet or still open (`ask`), answered, or closed
     * unanswered. A run that continued as new between the answer and its record takes it from here.
     */
    async advocacyAsked({ journeyId, subject }: { journeyId: string; subject: string }): Promise<{ state: 'ask' } | { state: 'closed'; answer: AdvocacyAnswer | null }> {
      const decision = await db.customerDecision.findFirst({ where: { journeyId, subject }, select: { status: true, answer: true } });
      if (!decision || decision.status === 'OPEN') return { state: 'ask' };
      return { state: 'closed', answer: (decision.answer as AdvocacyAnswer | null) ?? null };
    },

    /** Records the answer (or that none came); glad to, the client's referral code and link to email them. */
    async recordAdvocacy(i: { journeyId: string; customerId: string; subject: string; answer: AdvocacyAnswer | null; at: string }): Promise<{ referral: { code: string; url: string } | null }> {
      const at = new Date(i.at);
      const { answer } = i;
      if (answer?.decision === 'glad-to') await issueReferralCode(db, i.customerId);
      await db.$transaction(async (tx) => {
        if (answer?.testimonial && answer.publishAs) {
          await tx.testimonial.createMany({
            data: [{ customerId: i.customerId, journeyId: i.journeyId, subject: i.subject, wording: answer.testimonial, attribution: answer.publishAs, consentAt: at }],
            skipDuplicates: true,
          });
        }
        await appendEvent(tx, {
          journeyId: i.journeyId,
          key: `${i.journeyId}:${i.subject}:answered`,
          type: !answer ? 'advocacy_unanswered' : answer.decision === 'glad-to' ? 'advocacy_offered' : 'advocacy_declined',
          data: { subject: i.subject, ...(answer && { testimonial: !!answer.testimonial }) },
          at,
        });
      });
      if (answer?.decision !== 'glad-to') return { referral: null };
      const { referralCode } = await db.customer.findUniqueOrThrow({ where: { id: i.customerId }, select: { referralCode: true } });
      return { referral: { code: referralCode!, url: referralUrl(config.http.publicUrl, referralCode!) } };
    },
  };
}

export type AdvocacyActivities = ReturnType<typeof createAdvocacyActivities>;
