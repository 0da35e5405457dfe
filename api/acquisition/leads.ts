// POST /api/leads — the public contact form (seed 000, phase 1).
import { Router } from 'express';
import { z } from 'zod';
import { emailAddress } from '../../workflows/runtime/form-fields';
import { optionalText, text } from '../../workflows/runtime/storable-text';
import { parseOrThrow } from '../errors';
import { journeyWorkflowId } from '../../workflows/runtime/definitions';
import { leadLimit } from '../rate-limits';
import { customerIdFor, submitLead } from './submit-lead';
import type { ApiDeps } from '../app';
import { leadReceived } from '../contract/records';
import { operations } from '../openapi/operation';

/** The contact form's hidden field (a name bots like to fill in). */
export const HONEYPOT = 'website';

export const leadSchema = z
  .object({
    companyName: text(200),
    contactName: text(200),
    email: emailAddress,
    phone: z
      .string()
      .trim()
      .regex(/^[+()\d\s.-]{5,40}$/, 'Must be a phone number')
      .optional(),
    projectType: text(100),
    budgetRange: text(100),
    timeline: text(100),
    description: text(5000),
    /** Where the customer is taxed (ISO 3166-1 alpha-2), and the region where rates differ by it. */
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'Must be a two-letter country code')
      .optional(),
    region: z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{1,10}$/, 'Must be a region code').optional(),
    /** A client's referral code, when someone they referred sends the form (from the link they were given). One that matches no client is kept with a note, never refused. */
    referralCode: optionalText(40),
    /** The honeypot: the form hides this field from people, so only a bot fills it in (README, "Defences"). */
    [HONEYPOT]: z.string().max(2000).optional(),
  })
  .strict();

export const leadOperations = operations({
  method: 'post',
  path: '/api/leads',
  summary: 'The public contact form: a customer (an active lead) and their acquisition journey',
  description: 'Sent again, it answers 200 with the same ids.',
  access: 'public',
  body: leadSchema,
  responses: { 200: leadReceived, 201: leadReceived },
  links: [
    { to: 'GET /api/journeys/:id', id: '$response.body#/journeyId' },
    { to: 'GET /api/customers/:id', id: '$response.body#/customerId' },
  ],
});

/**
 * A submission with the honeypot filled in gets the answer a new lead gets (so the bot learns
 * nothing) and starts nothing: no customer, no journey, no email.
 */
function answerBot(lead: { email: string }) {
  const customerId = customerIdFor(lead.email);
  return { customerId, journeyId: journeyWorkflowId(customerId, 'acquisition', 1), created: true };
}

export function leadRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.post('/leads', leadLimit(deps), async (req, res) => {
    const { [HONEYPOT]: honeypot, ...lead } = parseOrThrow(leadSchema, req.body);
    let recorded;
    if (honeypot?.trim()) {
      recorded = answerBot(lead);
      deps.log.info({ ip: req.ip }, 'contact form honeypot filled: no journey started');
    } else {
      const journeyDeps = { db: deps.db, temporal: deps.temporal, taskQueue: deps.config.temporal.taskQueue, journeys: deps.config.journeys };
      recorded = await submitLead(journeyDeps, lead);
      deps.log.info({ customerId: recorded.customerId, journeyId: recorded.journeyId, created: recorded.created }, 'lead received');
    }
    res
      .status(recorded.created ? 201 : 200)
      .location(`/api/journeys/${encodeURIComponent(recorded.journeyId)}`)
      .json({ customerId: recorded.customerId, journeyId: recorded.journeyId });
  });
  return router;
}
