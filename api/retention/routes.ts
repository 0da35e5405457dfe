// A client's account with customer success (the retention journey): read it, assign its owner or
// change its first 90 days' cadence, and record that the customer leaves. Changes go to the journey
// as Updates, which write them: the journey works its schedule out again from what it answers.
import { Router } from 'express';
import { z } from 'zod';
import { EARLY_CADENCES } from '../../workflows/retention/cadence';
import { changeAccountUpdate, endRelationshipUpdate } from '../../workflows/retention/messages';
import { text } from '../../workflows/runtime/storable-text';
import type { ApiDeps } from '../app';
import { actor, principal, requireRole } from '../auth/authenticate';
import { isManager, type Role } from '../auth/roles';
import { clientAccount, contractTerm } from '../contract/records';
import { AppError, parseOrThrow } from '../errors';
import { isUuid } from '../ids';
import { executeJourneyUpdate } from '../journey-calls';
import { operations } from '../openapi/operation';
import { accountDetail } from './accounts';
import { setContractTerm, TERM_ROLES, termBody } from './contract-terms';
import { issueReferralCode } from '../../activities/retention/referral-codes';
import { opportunityBody, openRepeatBusiness } from './repeat-business';
import { leadReceived } from '../contract/records';

const SUCCESS_ROLES: Role[] = ['success', 'manager'];
/** Who finds repeat business with a client: their account's people, sales, and support (in a ticket). */
const OPPORTUNITY_ROLES: Role[] = ['success', 'manager', 'sales', 'support'];
/** Who may own an account. */
const OWNER_ROLES: Role[] = ['success', 'manager'];

const changeBody = z
  .object({
    /** Managers only; null leaves the account without an owner (its tasks go to the success queue). */
    ownerId: z.uuid().nullable().optional(),
    earlyCadence: z.enum(EARLY_CADENCES).optional(),
  })
  .strict()
  .refine((b) => b.ownerId !== undefined || b.earlyCadence !== undefined, { message: 'Change the owner, the cadence or both' });

const endingAccount = z.object({ status: z.literal('ending') }).meta({ id: 'EndingAccount' });
const endBody = z.object({ reason: text(2000).refine((s) => s.trim().length > 0, 'Say why the customer leaves') }).strict();

export const retentionOperations = operations(
  { method: 'get', path: '/api/customers/:id/account', summary: "A client's account with customer success: owner, cadence, health and its inputs, check-ins", access: 'signed-in', responses: { 200: clientAccount } },
  {
    method: 'patch',
    path: '/api/customers/:id/account',
    summary: "Assign the account's owner (managers) or change its first 90 days' cadence; the journey reschedules its next check-in",
    access: SUCCESS_ROLES,
    body: changeBody,
    responses: { 200: clientAccount },
  },
  {
    method: 'post',
    path: '/api/customers/:id/account/referral-code',
    summary: "Give the client a referral code to hand on (once: asked again, the same code); leads sent with it are attributed to them",
    access: SUCCESS_ROLES,
    responses: { 200: clientAccount },
  },
  {
    method: 'post',
    path: '/api/customers/:id/account/opportunities',
    summary: 'Open repeat business with a client: a new acquisition journey for them, starting at discovery, the child of their account',
    description: 'Sent again with the same `id`, it answers with the journey the first one started. 409 once the client has left.',
    access: OPPORTUNITY_ROLES,
    body: opportunityBody,
    responses: { 201: leadReceived },
    links: [{ to: 'GET /api/journeys/:id', id: '$response.body#/journeyId' }],
  },
  {
    method: 'patch',
    path: '/api/contracts/:id',
    summary: "Set a signed contract's last day (a long-term contract's term), or clear it; the client's account opens the renewal task before it",
    description: 'Sent again with the same day, it changes nothing and tells the account again (after a 503, send it again). 409 for a contract not signed.',
    access: TERM_ROLES,
    body: termBody,
    responses: { 200: contractTerm },
  },
  {
    method: 'post',
    path: '/api/customers/:id/account/end',
    summary: 'Record that the customer leaves, and why: the journey ends the account, and they are a former client',
    access: ['manager'],
    body: endBody,
    responses: { 202: endingAccount },
  },
);

const ended = { ended: 'The account has ended' };

export function retentionRoutes(deps: ApiDeps): Router {
  const router = Router();
  const findAccount = async (customerId: string) => {
    const found = isUuid(customerId) ? await deps.db.clientAccount.findUnique({ where: { customerId } }) : null;
    if (!found) throw new AppError('not_found', `No account for customer ${customerId}`);
    return found;
  };

  router.get('/customers/:id/account', requireRole(), async (req, res) => {
    const account = await findAccount(req.params.id);
    res.json(await accountDetail(deps, account.customerId));
  });

  router.patch('/customers/:id/account', requireRole(...SUCCESS_ROLES), async (req, res) => {
    const body = parseOrThrow(changeBody, req.body);
    const account = await findAccount(req.params.id);
    if (body.ownerId !== undefined && !isManager(principal(req))) {
      throw new AppError('forbidden', 'Only a manager assigns the account owner');
    }
    if (body.ownerId) {
      const owner = await deps.db.user.findUnique({ where: { id: body.ownerId } });
      if (!owner?.active || !owner.roles.some((r) => OWNER_ROLES.includes(r))) {
        throw new AppError('validation_failed', 'Not someone who works customer success', { fields: [{ field: 'ownerId', message: 'An active user with the success or manager role' }] });
      }
    }
    await executeJourneyUpdate(deps.temporal, account.journeyId, changeAccountUpdate, { ...body, by: actor(req) }, ended);
    res.json(await accountDetail(deps, account.customerId));
  });

  router.post('/customers/:id/account/referral-code', requireRole(...SUCCESS_ROLES), async (req, res) => {
    const account = await findAccount(req.params.id);
    if (account.endedAt) throw new AppError('conflict', ended.ended);
    await issueReferralCode(deps.db, account.customerId);
    res.json(await accountDetail(deps, account.customerId));
  });

  router.post('/customers/:id/account/opportunities', requireRole(...OPPORTUNITY_ROLES), async (req, res) => {
    const body = parseOrThrow(opportunityBody, req.body);
    const account = await findAccount(req.params.id);
    res.status(201).json(await openRepeatBusiness(deps, account.customerId, body, actor(req)));
  });

  router.patch('/contracts/:id', requireRole(...TERM_ROLES), async (req, res) => {
    const body = parseOrThrow(termBody, req.body);
    res.json(await setContractTerm(deps, req.params.id, body, actor(req).id));
  });

  router.post('/customers/:id/account/end', requireRole('manager'), async (req, res) => {
    const body = parseOrThrow(endBody, req.body);
    const account = await findAccount(req.params.id);
    res.status(202).json(await executeJourneyUpdate(deps.temporal, account.journeyId, endRelationshipUpdate, { reason: body.reason.trim(), by: actor(req) }, ended));
  });

  return router;
}
