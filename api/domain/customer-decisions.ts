// The customer's answer to something a journey asked them to decide, through their signed link:
// the token names the journey and subject; the journey's `customerDecision` Update decides
// whether that subject still awaits an answer, so a second answer is refused however it comes.
import type { Client } from '@temporalio/client';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { customerDecisionUpdate, type CustomerDecisionRequest } from '../../workflows/runtime/definitions';
import { AppError } from '../errors';
import { executeJourneyUpdate } from '../journey-calls';
import { linkOf } from './links';

type Deps = { db: Db; temporal: Client; config: Config };

export async function decisionForLink(deps: Deps, token: string) {
  const { journeyId, subject } = linkOf(deps.config, token, 'customer-decision');
  const decision = await deps.db.customerDecision.findUnique({ where: { journeyId_subject: { journeyId, subject } }, include: { customer: true } });
  if (!decision) throw new AppError('not_found', 'This link is not valid');
  return decision;
}

export async function decide(deps: Deps, token: string, answer: Omit<CustomerDecisionRequest, 'subject'>) {
  const decision = await decisionForLink(deps, token);
  if (decision.status === 'WITHDRAWN') throw new AppError('conflict', 'This no longer awaits an answer');
  if (decision.status !== 'OPEN') throw new AppError('conflict', `This has already been answered (${decision.status.toLowerCase().replace('_', ' ')})`);
  const notAwaited = 'This no longer awaits an answer';
  return executeJourneyUpdate(deps.temporal, decision.journeyId, customerDecisionUpdate, { subject: decision.subject, ...answer }, { ended: notAwaited, refused: notAwaited });
}
