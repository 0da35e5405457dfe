// POST /api/leads — the public contact form (seed 000, phase 1).
import { Router } from 'express';
import { z } from 'zod';
import { text } from '../../workflows/runtime/storable-text';
import { parseOrThrow } from '../errors';
import { submitLead } from './submit-lead';
import type { ApiDeps } from '../app';
import { leadReceived } from '../contract/records';
import { operations } from '../openapi/operation';

export const leadSchema = z
  .object({
    companyName: text(200),
    contactName: text(200),
    email: z.string().trim().toLowerCase().pipe(z.email('Must be an email address').max(254)).meta({ format: 'email', maxLength: 254 }),
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

export function leadRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.post('/leads', async (req, res) => {
    const lead = parseOrThrow(leadSchema, req.body);
    const recorded = await submitLead(
      {
        db: deps.db,
        temporal: deps.temporal,
        taskQueue: deps.config.temporal.taskQueue,
        journeys: deps.config.journeys,
      },
      lead,
    );
    deps.log.info({ customerId: recorded.customerId, journeyId: recorded.journeyId, created: recorded.created }, 'lead received');
    res
      .status(recorded.created ? 201 : 200)
      .location(`/api/journeys/${encodeURIComponent(recorded.journeyId)}`)
      .json({ customerId: recorded.customerId, journeyId: recorded.journeyId });
  });
  return router;
}
