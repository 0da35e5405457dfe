// The customer's answer to something a journey asked them to decide, through their signed link:
// the token names the journey and subject, the decision's row its form (and options). The
// journey's `customerDecision` Update decides whether that subject still awaits an answer, and
// validates it against the same form, so a second or an invalid answer is refused however it comes.
import type { Client } from '@temporalio/client';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { answerSchema, isDecisionForm } from '../../workflows/runtime/decision-forms';
import { customerDecisionUpdate } from '../../workflows/runtime/definitions';
import { AppError } from '../errors';
import { executeJourneyUpdate } from '../journey-calls';
import { linkOf } from './links';

type Deps = { db: Db; temporal: Client; config: Config };
type Decision = Awaited<ReturnType<typeof decisionForLink>>;

export async function decisionForLink(deps: Deps, token: string) {
  const { journeyId, subject } = linkOf(deps.config, token, 'customer-decision');
  const decision = await deps.db.customerDecision.findUnique({ where: { journeyId_subject: { journeyId, subject } }, include: { customer: true } });
  if (!decision) throw new AppError('not_found', 'This link is not valid');
  return decision;
}

/** The options a decision offers (a form with a `choice`), as stored. */
export const optionsOf = (d: Pick<Decision, 'options'>): string[] | undefined => (Array.isArray(d.options) ? d.options.map(String) : undefined);

/** The zod form the decision's answer must satisfy. */
export function formOf(d: Pick<Decision, 'form' | 'options'>) {
  // A form no longer declared (renamed in code) cannot be answered here; the journey still waits.
  if (!isDecisionForm(d.form)) throw new AppError('conflict', 'This can no longer be answered here; please contact us');
  return answerSchema(d.form, optionsOf(d));
}

/** Why a decision takes no answer now, or undefined while it is open. */
export function closedReason(status: string): string | undefined {
  if (status === 'OPEN') return undefined;
  if (status === 'WITHDRAWN') return 'This no longer awaits an answer';
  if (status === 'EXPIRED') return 'The time to answer this has passed';
  return status === 'ANSWERED' ? 'This has already been answered' : `This has already been answered (${status.toLowerCase().replaceAll('_', ' ')})`;
}

/** 409 unless the decision is open. */
export function assertOpen(d: Pick<Decision, 'status'>) {
  const closed = closedReason(d.status);
  if (closed) throw new AppError('conflict', closed);
}

/** Sends the journey the answer (already parsed with formOf); the journey may still refuse it. */
export function decide(deps: Deps, d: Pick<Decision, 'journeyId' | 'subject'>, answer: Record<string, unknown>) {
  const notAwaited = 'This no longer awaits an answer';
  return executeJourneyUpdate(deps.temporal, d.journeyId, customerDecisionUpdate, { subject: d.subject, answer }, { ended: notAwaited, refused: notAwaited });
}
