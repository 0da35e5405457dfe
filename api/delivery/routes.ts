// Delivery for the people running projects: change requests raised on a delivery journey
// (through its `raiseChangeRequest` Update, answered once recorded), and time entries per
// milestone that feed its invoice (rules in time-entries.ts).
import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '../../prisma/generated/client';
import { raiseChangeRequestUpdate } from '../../workflows/runtime/definitions';
import { text } from '../../workflows/runtime/storable-text';
import type { ApiDeps } from '../app';
import { principal, requireRole } from '../auth/authenticate';
import { AppError, parseOrThrow } from '../errors';
import { executeJourneyUpdate } from '../journey-calls';
import { listQuerySchema, pageArgs, parseListQuery, sendPage } from '../list-query';
import { changeRequest, timeEntry } from '../contract/records';
import { operations } from '../openapi/operation';
import { minor, onMilestone, recordTimeEntry, timeEntryBody } from './time-entries';

const changeRequestBody = z
  .object({ title: text(200), description: text(5000), costMinor: minor, days: z.number().int().min(0).max(365) })
  .strict();

const timeFilter = z.object({ projectId: z.uuid(), milestoneId: z.uuid(), ticketId: z.uuid(), userId: z.uuid(), billed: z.boolean() });
const timeSort = ['date', 'createdAt'] as const;

export const deliveryOperations = operations(
  { method: 'post', path: '/api/journeys/:id/change-requests', summary: 'Raise a change request on a running delivery journey', access: ['pm', 'manager'], body: changeRequestBody, responses: { 201: changeRequest } },
  {
    method: 'post',
    path: '/api/time-entries',
    summary: 'Record time worked on a milestone (idempotent with Idempotency-Key)',
    access: ['pm', 'manager'],
    body: timeEntryBody,
    headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
    responses: { 200: timeEntry, 201: timeEntry },
  },
  { method: 'get', path: '/api/time-entries', summary: 'Time entries', access: 'signed-in', list: true, query: listQuerySchema(timeFilter, timeSort), responses: { 200: z.array(timeEntry) } },
);

export function deliveryRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.post('/journeys/:id/change-requests', requireRole('pm', 'manager'), async (req, res) => {
    const body = parseOrThrow(changeRequestBody, req.body);
    const journey = await deps.db.journey.findUnique({ where: { id: req.params.id } });
    if (!journey) throw new AppError('not_found', `No journey ${req.params.id}`);
    if (journey.kind !== 'delivery' || journey.status !== 'RUNNING') throw new AppError('conflict', 'Change requests are raised on a running delivery journey');
    const { number } = await executeJourneyUpdate(deps.temporal, journey.id, raiseChangeRequestUpdate, { ...body, raisedBy: principal(req).id }, { ended: 'The journey has ended' });
    const project = await deps.db.project.findUniqueOrThrow({ where: { deliveryJourneyId: journey.id } });
    res.status(201).json(await deps.db.changeRequest.findUniqueOrThrow({ where: { projectId_number: { projectId: project.id, number } } }));
  });

  router.post('/time-entries', requireRole('pm', 'manager'), async (req, res) => {
    const { milestoneId, ...entry } = parseOrThrow(timeEntryBody, req.body);
    const target = (db: typeof deps.db) => onMilestone(db, milestoneId);
    const recorded = await recordTimeEntry(deps.db, { entry, target, recordedBy: principal(req).id, idempotencyKey: req.header('idempotency-key') });
    res.status(recorded.created ? 201 : 200).json(recorded.entry);
  });

  router.get('/time-entries', requireRole(), async (req, res) => {
    const q = parseListQuery(req.query, timeFilter, timeSort, ['date', 'DESC']);
    const { billed, ...rest } = q.filter;
    const where: Prisma.TimeEntryWhereInput = { ...rest, ...(billed !== undefined && { invoiceId: billed ? { not: null } : null }) };
    await sendPage(res, 'time-entries', q, deps.db.timeEntry.findMany({ where, ...pageArgs(q) }), deps.db.timeEntry.count({ where }));
  });

  return router;
}
