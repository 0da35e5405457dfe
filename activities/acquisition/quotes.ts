// Quote versions: written once per (journey, version), so a retried activity adds no twin; every
// version is kept, and each status change leaves an audit event.
import { appendEvent } from '../../platform/audit';
import type { Config } from '../../platform/config';
import { createLinkToken } from '../../platform/customer-links';
import type { Db } from '../../platform/db';
import type { QuoteStatus } from '../../prisma/generated/client';
import { quoteTotals, type LineItemInput } from '../../workflows/acquisition/quote-math';

export type CreateQuoteInput = {
  journeyId: string;
  customerId: string;
  version: number;
  summary: string;
  currency: string;
  lineItems: LineItemInput[];
  depositPercent: number;
  validDays: number;
  billing?: 'MILESTONES' | 'COMPLETION';
};
export type QuoteStatusInput = { journeyId: string; version: number; status: QuoteStatus; feedback?: string; at: string };
export type QuoteRef = { journeyId: string; version: number };

export function createQuoteActivities({ db, config }: { db: Db; config: Config }) {
  const quoteOf = ({ journeyId, version }: QuoteRef) =>
    db.quote.findUniqueOrThrow({ where: { journeyId_version: { journeyId, version } }, include: { customer: true, lineItems: true } });

  return {
    async createQuoteVersion(q: CreateQuoteInput): Promise<{ totalMinor: number; depositMinor: number }> {
      const totals = quoteTotals(q.lineItems, q.depositPercent);
      await db.$transaction(async (tx) => {
        const exists = await tx.quote.findUnique({ where: { journeyId_version: { journeyId: q.journeyId, version: q.version } } });
        if (exists) return;
        await tx.quote.create({
          data: {
            journeyId: q.journeyId,
            customerId: q.customerId,
            version: q.version,
            status: 'IN_REVIEW',
            currency: q.currency,
            summary: q.summary,
            depositPercent: q.depositPercent,
            // Optional in the form: quotes drafted before billing schedules existed bill per milestone.
            billing: q.billing ?? 'MILESTONES',
            subtotalMinor: totals.subtotalMinor,
            taxMinor: totals.taxMinor,
            totalMinor: totals.totalMinor,
            lineItems: { create: totals.lines },
          },
        });
        await appendEvent(tx, {
          journeyId: q.journeyId,
          key: `quote:${q.journeyId}:${q.version}:created`,
          type: 'quote_created',
          data: { version: q.version, totalMinor: totals.totalMinor, currency: q.currency },
        });
      });
      return { totalMinor: totals.totalMinor, depositMinor: totals.depositMinor };
    },

    async setQuoteStatus({ journeyId, version, status, feedback, at }: QuoteStatusInput): Promise<void> {
      const when = new Date(at);
      const decided = ['APPROVED', 'CHANGES_REQUESTED', 'DECLINED', 'EXPIRED'].includes(status);
      await db.$transaction(async (tx) => {
        await tx.quote.update({
          where: { journeyId_version: { journeyId, version } },
          data: { status, ...(feedback !== undefined && { feedback }), ...(decided && { decidedAt: when }) },
        });
        await appendEvent(tx, {
          journeyId,
          key: `quote:${journeyId}:${version}:${status}`,
          type: 'quote_status',
          data: { version, status, ...(feedback && { feedback }) },
          at: when,
        });
      });
    },

    /**
     * Marks the version SENT with its expiry and returns the customer's signed link to it. The
     * link expires with the quote, and is bound to this journey and version.
     */
    async issueQuoteLink({ journeyId, version, validDays, at }: QuoteRef & { validDays: number; at: string }): Promise<{ url: string; validUntil: string }> {
      const quote = await quoteOf({ journeyId, version });
      // From the journey's clock (`at`), so the link expires with the journey's own deadline.
      const validUntil = quote.validUntil ?? new Date(Date.parse(at) + validDays * 86_400_000);
      if (quote.status === 'IN_REVIEW') {
        await db.$transaction(async (tx) => {
          await tx.quote.update({ where: { id: quote.id }, data: { status: 'SENT', sentAt: new Date(at), validUntil } });
          await appendEvent(tx, { journeyId, key: `quote:${journeyId}:${version}:SENT`, type: 'quote_status', data: { version, status: 'SENT' } });
        });
      }
      const token = createLinkToken(config.auth.secret, { purpose: 'quote-review', journeyId, subject: String(version), exp: validUntil.getTime() });
      return { url: `${config.http.publicUrl}/customer/quotes/${token}`, validUntil: validUntil.toISOString() };
    },
  };
}

export type QuoteActivities = ReturnType<typeof createQuoteActivities>;
