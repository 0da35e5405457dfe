// What a customer is asked to decide through a signed link (a project plan, a milestone's
// delivery, a change request, the final sign-off, a quote, a rating): the row the link's page
// reads, with the form the answer takes, opened once per subject, and closed with the answer (or
// withdrawn, or expired). Both writes are keyed by (journey, subject).
import { appendEvent } from '../../platform/audit';
import type { Config } from '../../platform/config';
import { createLinkToken } from '../../platform/customer-links';
import type { Db } from '../../platform/db';
import type { Prisma } from '../../prisma/generated/client';

const DAY = 86_400_000;
/** A decision link without a timeout outlives any reasonable wait; the journey, not the link, decides when it is moot. */
const LINK_DAYS = 180;

export type OpenDecision = {
  journeyId: string;
  subject: string;
  title: string;
  details: Record<string, unknown>;
  /** The form the answer takes, and the options of a form with a `choice` (workflows/runtime/decision-forms.ts). */
  form: string;
  options?: readonly string[];
  /** When the decision expires unanswered: the link ends with it. */
  timeoutMs?: number;
  at: string;
};

export type CloseDecision = { journeyId: string; subject: string; at: string } & (
  | { outcome: 'answered'; answer: Record<string, unknown> }
  /** The journey stopped waiting (cancelled), or the decision's time ran out. */
  | { outcome: 'withdrawn' | 'expired' }
);
/** The input workers scheduled before decisions had forms: a retry may still run here. */
type LegacyCloseDecision = { journeyId: string; subject: string; decision: 'accept' | 'request-changes' | 'withdrawn'; comments?: string; at: string };

/**
 * A row's status names the answer's `decision` where the form has one (accept-or-change,
 * approve-or-decline, quote-answer); other forms' answers are ANSWERED, their values in `answer`.
 */
const DECISION_STATUS: Record<string, string> = { accept: 'ACCEPTED', 'request-changes': 'CHANGES_REQUESTED', approve: 'APPROVED', decline: 'DECLINED' };
/** The audit events of accept-or-change answers, as they were before forms; any other answer is customer_answered. */
const DECISION_EVENT: Record<string, string> = { accept: 'customer_accepted', 'request-changes': 'customer_requested_changes' };

function closing(d: CloseDecision | LegacyCloseDecision): CloseDecision {
  if (!('decision' in d)) return d;
  const { decision, comments, ...rest } = d;
  return decision === 'withdrawn' ? { ...rest, outcome: 'withdrawn' } : { ...rest, outcome: 'answered', answer: { decision, ...(comments && { comments }) } };
}

export function createCustomerDecisionActivities({ db, config }: { db: Db; config: Config }) {
  return {
    async openCustomerDecision(d: OpenDecision): Promise<{ url: string }> {
      const journey = await db.journey.findUniqueOrThrow({ where: { id: d.journeyId } });
      const expiresAt = new Date(Date.parse(d.at) + (d.timeoutMs ?? LINK_DAYS * DAY));
      await db.$transaction(async (tx) => {
        await tx.customerDecision.createMany({
          data: [
            {
              journeyId: d.journeyId,
              customerId: journey.customerId,
              subject: d.subject,
              title: d.title,
              details: d.details as Prisma.InputJsonValue,
              form: d.form,
              options: d.options && [...d.options],
              expiresAt,
            },
          ],
          skipDuplicates: true,
        });
        await appendEvent(tx, {
          journeyId: d.journeyId,
          key: `decision:${d.journeyId}:${d.subject}:asked`,
          type: 'customer_asked',
          data: { subject: d.subject, title: d.title, form: d.form },
        });
      });
      const token = createLinkToken(config.auth.secret, { purpose: 'customer-decision', journeyId: d.journeyId, subject: d.subject, exp: expiresAt.getTime() });
      return { url: `${config.http.publicUrl}/customer/decisions/${token}` };
    },

    /** The customer's answer; or that the journey stopped waiting (withdrawn), or the decision's time ran out (expired). */
    async closeCustomerDecision(input: CloseDecision | LegacyCloseDecision): Promise<void> {
      const d = closing(input);
      const answer = d.outcome === 'answered' ? d.answer : undefined;
      const decision = typeof answer?.decision === 'string' ? answer.decision : undefined;
      const status = answer ? ((decision && DECISION_STATUS[decision]) ?? 'ANSWERED') : d.outcome.toUpperCase();
      // The free text said with the answer, whatever the form calls it, for readers of `comments`.
      const said = [answer?.comments, answer?.comment, answer?.reasons].find((c) => typeof c === 'string');
      await db.$transaction(async (tx) => {
        await tx.customerDecision.updateMany({
          where: { journeyId: d.journeyId, subject: d.subject, status: 'OPEN' },
          data: { status, ...(answer && { answer: answer as Prisma.InputJsonValue }), comments: (said as string | undefined) ?? null, decidedAt: new Date(d.at) },
        });
        if (d.outcome === 'withdrawn') return;
        await appendEvent(tx, {
          journeyId: d.journeyId,
          key: `decision:${d.journeyId}:${d.subject}:${d.outcome}`,
          type: answer ? ((decision && DECISION_EVENT[decision]) ?? 'customer_answered') : 'customer_decision_expired',
          actor: answer ? 'customer' : undefined,
          data: { ...answer, subject: d.subject },
        });
      });
    },
  };
}

export type CustomerDecisionActivities = ReturnType<typeof createCustomerDecisionActivities>;
