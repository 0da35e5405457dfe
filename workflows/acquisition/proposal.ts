// Seed 000 phases 3-4, inside the acquisition journey: sales prepares a quote, the PM reviews
// scope and estimates, finance reviews pricing (either can send it back: a new version), then the
// customer gets a signed link and approves, asks for changes (a new version, reviewed again) or
// declines. No answer while the quote is valid (a reminder goes out halfway) expires it.
// The customer answers through the runtime's customer decision (form `quote-answer`); journeys
// that sent quotes before that answer through the quote's own link and Update (quoteDecision).
import { ApplicationFailure, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { EmailActivities } from '../../activities/runtime/email';
import type { QuoteActivities } from '../../activities/acquisition/quotes';
import { FailureTypes, quoteDecisionUpdate, type AcquisitionInput, type QuoteDecisionRequest } from '../runtime/definitions';
import { mailActivityOptions, recordActivityOptions } from '../runtime/journey';
import type { AcquisitionRuntime } from './stages';
import { quoteTotals } from './quote-math';
import { formatMoney } from '../runtime/money';
import type { DecisionAnswer } from '../runtime/decision-forms';
import type { TaskResult } from '../runtime/task-forms';

const quotes = proxyActivities<QuoteActivities>(recordActivityOptions);
const mail = proxyActivities<EmailActivities>(mailActivityOptions);

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export type ProposalOutcome = { outcome: 'approved'; version: number } | { outcome: 'lost'; reason: string };

export async function proposalPhase(
  journey: AcquisitionRuntime,
  input: AcquisitionInput,
  discovery: TaskResult<'discovery-meeting'>,
): Promise<ProposalOutcome> {
  const { journeyId, customerId, inquiry } = input;
  let awaiting: number | undefined; // the version the customer may answer now
  let answer: QuoteDecisionRequest | undefined;
  setHandler(
    quoteDecisionUpdate,
    (req) => {
      answer = req;
      awaiting = undefined;
      return { version: req.version, decision: req.decision };
    },
    {
      validator: (req: QuoteDecisionRequest) => {
        if (awaiting === undefined || req.version !== awaiting) {
          throw ApplicationFailure.create({
            type: FailureTypes.quoteNotAwaitingDecision,
            message: `Version ${req.version} of this proposal is not awaiting an answer`,
            nonRetryable: true,
          });
        }
      },
    },
  );

  let version = 0;
  let feedback: string | undefined;
  for (;;) {
    await journey.enterStage('proposal');
    let draft: TaskResult<'prepare-quote'>;
    let totals: { totalMinor: number };
    // Internal rounds: every draft is a version; a reviewer's "revise" supersedes it.
    for (;;) {
      version++;
      draft = await journey.humanTask({
        type: 'prepare-quote',
        title: `Prepare quote v${version} for ${inquiry.companyName}`,
        role: 'sales',
        dueInMs: 3 * DAY,
        input: { inquiry, discovery, version, feedback },
      });
      totals = await quotes.createQuoteVersion({ journeyId, customerId, version, ...draft });
      const quote = { version, ...draft, total: formatMoney(totals.totalMinor, draft.currency) };
      const pm = await journey.humanTask({
        type: 'review-estimates',
        title: `Review scope and estimates of quote v${version} for ${inquiry.companyName}`,
        role: 'pm',
        dueInMs: 2 * DAY,
        input: { inquiry, discovery, quote },
      });
      const finance =
        pm.decision === 'approve'
          ? await journey.humanTask({
              type: 'review-pricing',
              title: `Review pricing of quote v${version} for ${inquiry.companyName}`,
              role: 'finance',
              dueInMs: 2 * DAY,
              input: { inquiry, quote, estimatedHours: pm.estimatedHours, pmNotes: pm.notes },
            })
          : undefined;
      if (finance?.decision === 'approve') break;
      feedback = finance ? `Finance: ${finance.notes}` : `PM: ${pm.notes}`;
      await quotes.setQuoteStatus({ journeyId, version, status: 'SUPERSEDED', feedback, at: new Date().toISOString() });
    }

    await journey.enterStage('customer-review');
    // The customer has as long as the quote is valid; a reminder goes out halfway.
    const responseMs = draft.validDays * DAY;
    const total = formatMoney(totals.totalMinor, draft.currency);
    let reply: DecisionAnswer<'quote-answer'> | undefined;
    if (patched('quote-decisions-on-customer-decisions')) {
      const validUntil = new Date(Date.now() + responseMs).toISOString();
      await quotes.markQuoteSent({ journeyId, version, validUntil, at: new Date().toISOString() });
      const money = (minor: number) => formatMoney(minor, draft.currency);
      const { lines, depositMinor } = quoteTotals(draft.lineItems, draft.depositPercent);
      reply = await journey.customerDecision({
        form: 'quote-answer',
        subject: `quote:v${version}`,
        title: `Proposal v${version} for ${inquiry.companyName}`,
        details: {
          summary: draft.summary,
          lineItems: lines.map((l) => `${l.description}: ${l.quantity} × ${money(l.unitPriceMinor)} = ${money(l.totalMinor)}`),
          total,
          ...(draft.depositPercent > 0 && { deposit: `${draft.depositPercent}% due on signature: ${money(depositMinor)}` }),
          validUntil: validUntil.slice(0, 10),
        },
        customer: { email: inquiry.email, contactName: inquiry.contactName },
        remindAfterMs: responseMs / 2,
        timeoutMs: responseMs,
        emails: { request: 'quote', reminder: 'quote-reminder', data: { version, total, validUntil } },
      });
    } else {
      // Open to an answer before the link exists anywhere: the customer may answer the moment the
      // email is out, before this workflow hears that it was sent.
      awaiting = version;
      answer = undefined;
      const link = await quotes.issueQuoteLink({ journeyId, version, validDays: draft.validDays, at: new Date().toISOString() });
      const mailData = { contactName: inquiry.contactName, version, total, ...link };
      await mail.sendEmail({ key: `${journeyId}:quote:v${version}`, journeyId, to: inquiry.email, template: 'quote', data: mailData });
      const answered = await journey.waitFor(
        {
          kind: 'approval',
          key: `quote:v${version}`,
          description: `Customer's answer to quote v${version}`,
          unblockedBy: 'customer',
          timeoutMs: responseMs,
          reminders: [
            {
              afterMs: responseMs / 2,
              send: () =>
                mail.sendEmail({ key: `${journeyId}:quote:v${version}:reminder`, journeyId, to: inquiry.email, template: 'quote-reminder', data: mailData }),
            },
          ],
        },
        () => answer !== undefined,
      );
      awaiting = undefined;
      reply = answered ? answer : undefined;
    }
    const at = new Date().toISOString();
    if (!reply) {
      await quotes.setQuoteStatus({ journeyId, version, status: 'EXPIRED', at });
      return { outcome: 'lost', reason: `No answer to quote v${version} within ${draft.validDays} days` };
    }
    const { decision, comments } = reply;
    if (decision === 'approve') {
      await quotes.setQuoteStatus({ journeyId, version, status: 'APPROVED', feedback: comments, at });
      return { outcome: 'approved', version };
    }
    if (decision === 'decline') {
      await quotes.setQuoteStatus({ journeyId, version, status: 'DECLINED', feedback: comments, at });
      return { outcome: 'lost', reason: comments ? `Quote declined: ${comments}` : 'Quote declined' };
    }
    feedback = `Customer: ${comments ?? 'asked for changes'}`;
    await quotes.setQuoteStatus({ journeyId, version, status: 'CHANGES_REQUESTED', feedback: comments, at });
  }
}
