// Human tasks: the inbox list and completion.
import { Router } from 'express';
import { z } from 'zod';
import { AppError, parseOrThrow } from '../errors';
import { isUuid } from '../ids';
import { parseListQuery, sendPage } from '../list-query';
import { completeTask } from '../domain/complete-task';
import type { ApiDeps } from '../app';

const completeBody = z
  .object({
    completedBy: z.string().trim().min(1).max(200).default('operator'),
    result: z.record(z.string(), z.unknown()),
  })
  .strict();

const taskFilter = z.object({
  status: z.enum(['OPEN', 'COMPLETED', 'CANCELLED']),
  role: z.string(),
  assignee: z.string(),
  journeyId: z.string(),
  type: z.string(),
});

export function taskRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.get('/tasks', async (req, res) => {
    const q = parseListQuery(req.query, taskFilter, ['dueAt', 'createdAt', 'status', 'type'], ['dueAt', 'ASC']);
    const where = q.filter;
    const [rows, total] = await Promise.all([
      deps.db.task.findMany({ where, orderBy: [q.orderBy, { id: 'asc' }], skip: q.skip, take: q.take }),
      deps.db.task.count({ where }),
    ]);
    sendPage(res, 'tasks', rows, q.skip, total);
  });

  router.get('/tasks/:id', async (req, res) => {
    const task = isUuid(req.params.id) ? await deps.db.task.findUnique({ where: { id: req.params.id } }) : null;
    if (!task) throw new AppError('not_found', `No task ${req.params.id}`);
    res.json(task);
  });

  router.post('/tasks/:id/complete', async (req, res) => {
    const body = parseOrThrow(completeBody, req.body);
    const done = await completeTask(deps, { taskId: req.params.id, ...body });
    res.json({ ...done, status: 'COMPLETED' });
  });

  return router;
}
