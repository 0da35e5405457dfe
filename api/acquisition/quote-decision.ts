// A customer's answer to a quote, through their signed link: the token names the journey and
// version, the journey's `quoteDecision` Update decides whether that version still awaits one.
import type { Client } from '@temporalio/client';
import type { Config } from '../../platform/config';
import { verifyLinkToken } from '../../platform/customer-links';
import type { Db } from '../../platform/db';
import { quoteDecisionUpdate, type QuoteDecision } from '../../workflows/runtime/definitions';
import { AppError } from '../errors';
import { executeJourneyUpdate } from '../journey-calls';

type Deps = { db: Db; temporal: Client; config: Config };

/** The quote a link points at, or 404 for any link that is not a valid, live quote link. */
export async function quoteForLink(deps: Deps, token: string) {
  const check = verifyLinkToken(deps.config.auth.secret, token, 'quote-review');
  if (!check.ok) throw new AppError('not_found', check.reason === 'expired' ? 'This link has expired' : 'This link is not valid');
  const { journeyId, subject } = check.link;
  const quote = await deps.db.quote.findUnique({
    where: { journeyId_version: { journeyId, version: Number(subject) } },
    include: { lineItems: { orderBy: { position: 'asc' } }, customer: true },
  });
  if (!quote) throw new AppError('not_found', 'This link is not valid');
  return quote;
}

export async function decideQuote(deps: Deps, token: string, decision: QuoteDecision, comments?: string) {
  const quote = await quoteForLink(deps, token);
  if (quote.status !== 'SENT') throw new AppError('conflict', `This proposal has already been ${describeStatus(quote.status)}`);
  const notAwaiting = 'This proposal no longer awaits an answer';
  return executeJourneyUpdate(deps.temporal, quote.journeyId, quoteDecisionUpdate, { version: quote.version, decision, comments }, { ended: notAwaiting, refused: notAwaiting });
}

export function describeStatus(status: string): string {
  return { APPROVED: 'approved', DECLINED: 'declined', CHANGES_REQUESTED: 'sent back for changes', EXPIRED: 'expired', SUPERSEDED: 'replaced by a newer version' }[status] ?? status.toLowerCase();
}
