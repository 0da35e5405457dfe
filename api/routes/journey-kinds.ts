// The journey kinds as declared in workflows/kinds.ts: each kind's stage map (what the journey
// page draws and analytics counts) and its task types. Read by any signed-in role.
import { Router } from 'express';
import { journeyKinds } from '../../workflows/kinds';
import type { StageMap } from '../../workflows/runtime/stages';
import { requireRole } from '../auth/authenticate';
import { AppError } from '../errors';
import { z } from 'zod';
import { journeyKind } from '../contract/records';
import { operations } from '../openapi/operation';

function describeKind(kind: string, k: { title: string; description: string; workflowTypes: readonly string[]; stages: StageMap; taskForms: object }) {
  return {
    id: kind,
    title: k.title,
    description: k.description,
    workflowTypes: k.workflowTypes,
    start: k.stages.start,
    // In declaration order: the order the journey page draws them in.
    stages: Object.entries(k.stages.stages).map(([id, s]) => ({ id, label: s.label, owner: s.owner, seedPhase: s.seedPhase, next: s.next, ends: s.ends ?? [] })),
    taskTypes: Object.keys(k.taskForms),
  };
}

const described = Object.entries(journeyKinds).map(([kind, k]) => describeKind(kind, k));

export const journeyKindOperations = operations(
  { method: 'get', path: '/api/journey-kinds', summary: "The journey kinds and their declared stage maps", access: 'signed-in', list: true, responses: { 200: z.array(journeyKind) } },
  { method: 'get', path: '/api/journey-kinds/:id', summary: "One kind's stage map", access: 'signed-in', responses: { 200: journeyKind } },
);

export function journeyKindRoutes() {
  const router = Router();
  router.use('/journey-kinds', requireRole());
  router.get('/journey-kinds', (_req, res) => {
    res.set('Content-Range', `journey-kinds 0-${described.length - 1}/${described.length}`).json(described);
  });
  router.get('/journey-kinds/:id', (req, res) => {
    const kind = described.find((k) => k.id === req.params.id);
    if (!kind) throw new AppError('not_found', `No journey kind ${req.params.id}`);
    res.json(kind);
  });
  return router;
}
