// Journeys: the manager's list (from the projection), filterable by what journeys wait on; one
// journey in full; the waiting-on index itself; cancelling a journey and retrying a failed one, with a reason.
import { Router } from 'express';
import { z } from 'zod';
import { text } from '../../workflows/runtime/storable-text';
import type { Prisma } from '../../prisma/generated/client';
import { WAIT_KINDS } from '../../workflows/runtime/definitions';
import { principal, requireRole } from '../auth/authenticate';
import { parseOrThrow } from '../errors';
import { listQuerySchema, pageArgs, parseListQuery, sendPage } from '../list-query';
import { journey, journeyDetail, openWait } from '../contract/records';
import { operations } from '../openapi/operation';
import { cancelJourney } from '../domain/cancel-journey';
import { describeJourney } from '../domain/describe-journey';
import { retryJourney } from '../domain/retry-journey';
import type { ApiDeps } from '../app';

/** "Waiting on a signature for more than 3 days": filters over the journey's open waits. */
const waitFilter = {
  waitingOn: z.enum(WAIT_KINDS),
  /** Who can unblock the wait: a role, `customer`, or a user id. */
  waitingFor: z.string().min(1),
  // Bounded so the cut-off is a real date (a century of hours).
  waitingLongerThanHours: z.number().nonnegative().max(876_000),
  /** Only waits past their deadline. */
  waitOverdue: z.literal(true),
};
type WaitFilter = { [K in keyof typeof waitFilter]?: z.infer<(typeof waitFilter)[K]> };

export const journeyFilter = z.object({
  status: z.enum(['RUNNING', 'COMPLETED', 'LOST', 'CANCELLED', 'FAILED']),
  kind: z.string(),
  stage: z.string(),
  customerId: z.uuid(),
  ...waitFilter,
});

const waitListFilter = z.object({ journeyId: z.string(), ...waitFilter });
export const journeySort = ['startedAt', 'stageSince', 'updatedAt', 'endedAt', 'stage', 'status'] as const;
const waitSort = ['since', 'deadline', 'kind'] as const;

function openWaitWhere(f: WaitFilter, now: Date): Prisma.JourneyWaitWhereInput {
  return {
    endedAt: null,
    ...(f.waitingOn && { kind: f.waitingOn }),
    ...(f.waitingFor && { unblockedBy: f.waitingFor }),
    ...(f.waitingLongerThanHours !== undefined && { since: { lt: new Date(now.getTime() - f.waitingLongerThanHours * 3_600_000) } }),
    ...(f.waitOverdue && { deadline: { lt: now } }),
  };
}

const hasWaitFilter = (f: WaitFilter) => Object.keys(waitFilter).some((k) => f[k as keyof WaitFilter] !== undefined);

const reasonBody = z.object({ reason: text(1000).pipe(z.string().min(3, 'Say why, in a few words')).meta({ minLength: 3 }) }).strict();

export const journeyOperations = operations(
  {
    method: 'get',
    path: '/api/journeys',
    summary: 'Journeys, filterable by what they wait on',
    access: 'signed-in',
    list: true,
    query: listQuerySchema(journeyFilter, journeySort),
    responses: { 200: z.array(journey) },
    links: ['GET /api/journeys/:id', 'POST /api/journeys/:id/cancel', 'POST /api/journeys/:id/change-requests'].map((to) => ({ to, id: '$response.body#/0/id' })),
  },
  { method: 'get', path: '/api/waits', summary: 'The waiting-on index: open waits', access: 'signed-in', list: true, query: listQuerySchema(waitListFilter, waitSort), responses: { 200: z.array(openWait) } },
  { method: 'get', path: '/api/journeys/:id', summary: 'A journey in full: records, what it waits on now, its audit trail', access: 'signed-in', responses: { 200: journeyDetail } },
  { method: 'post', path: '/api/journeys/:id/cancel', summary: 'Cancel a running journey, with a reason', access: ['manager'], body: reasonBody, responses: { 200: z.looseObject({}) } },
  {
    method: 'post',
    path: '/api/journeys/:id/retry',
    summary: 'Retry a failed journey from the step that failed, with a reason',
    access: ['manager'],
    body: reasonBody,
    responses: { 200: z.looseObject({ id: z.string(), status: z.literal('RUNNING'), runId: z.string(), failedRunId: z.string(), toEventId: z.number() }) },
  },
);

export function journeyRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.use(['/journeys', '/waits'], requireRole());

  router.get('/journeys', async (req, res) => {
    const q = parseListQuery(req.query, journeyFilter, journeySort, ['startedAt', 'DESC']);
    const { waitingOn, waitingFor, waitingLongerThanHours, waitOverdue, ...plain } = q.filter;
    const waits = { waitingOn, waitingFor, waitingLongerThanHours, waitOverdue };
    const now = new Date();
    const where: Prisma.JourneyWhereInput = { ...plain, ...(hasWaitFilter(waits) && { waits: { some: openWaitWhere(waits, now) } }) };
    const include = {
      customer: { select: { companyName: true, contactName: true } },
      waits: { where: { endedAt: null }, orderBy: { since: 'asc' as const } },
    };
    await sendPage(res, 'journeys', q, deps.db.journey.findMany({ where, include, ...pageArgs(q) }), deps.db.journey.count({ where }));
  });

  router.get('/waits', async (req, res) => {
    const q = parseListQuery(req.query, waitListFilter, waitSort, ['since', 'ASC']);
    const { journeyId, ...waits } = q.filter;
    const where = { ...openWaitWhere(waits, new Date()), ...(journeyId && { journeyId }) };
    const include = { journey: { select: { kind: true, stage: true, customer: { select: { companyName: true } } } } };
    await sendPage(res, 'waits', q, deps.db.journeyWait.findMany({ where, include, ...pageArgs(q) }), deps.db.journeyWait.count({ where }));
  });

  router.get('/journeys/:id', async (req, res) => {
    res.json(await describeJourney(deps, req.params.id, principal(req)));
  });

  router.post('/journeys/:id/cancel', requireRole('manager'), async (req, res) => {
    const { reason } = parseOrThrow(reasonBody, req.body);
    res.json(await cancelJourney(deps, principal(req), req.params.id, reason));
  });

  router.post('/journeys/:id/retry', requireRole('manager'), async (req, res) => {
    const { reason } = parseOrThrow(reasonBody, req.body);
    res.json(await retryJourney(deps, principal(req), req.params.id, reason));
  });

  return router;
}
