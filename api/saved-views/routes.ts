// /api/saved-views: a person's saved views of a list (any signed-in person; API tokens are not
// people and have none). Only the owner changes or deletes a view: to anyone else it is a 404.
import { Router, type Request } from 'express';
import { z } from 'zod';
import { text } from '../../workflows/runtime/storable-text';
import type { ApiDeps } from '../app';
import { principal, requireRole } from '../auth/authenticate';
import { newSavedView, savedView, savedViewChange, savedViewQuery } from '../contract/saved-views';
import { AppError, parseOrThrow } from '../errors';
import { operations } from '../openapi/operation';
import { changeView, createView, deleteView, listViews } from './saved-views';

const PATH = '/api/saved-views';
const byId = `${PATH}/:id`;
const toView = (id: string) => [
  { to: `PATCH ${byId}`, id },
  { to: `DELETE ${byId}`, id },
];

const idempotencyHeader = z.object({
  'idempotency-key': text(200).optional().meta({ description: 'The same key again (from the same person, even at once) answers the view it made, with 200.' }),
});

export const savedViewOperations = operations(
  {
    method: 'get',
    path: PATH,
    summary: "The caller's saved views of a list, and those shared with a role they hold (`mine`: theirs to change)",
    access: 'signed-in',
    query: savedViewQuery,
    responses: { 200: z.array(savedView) },
    links: toView('$response.body#/0/id'),
  },
  {
    method: 'post',
    path: PATH,
    summary: "Save a list's filter and sort under a name, for oneself or shared with a role one holds (managers: any role)",
    description: 'A name the caller already has on that list is a 409. With an `Idempotency-Key`, a repeat answers the first one\'s view (200).',
    access: 'signed-in',
    body: newSavedView,
    headers: idempotencyHeader,
    responses: { 201: savedView, 200: savedView },
    links: toView('$response.body#/id'),
  },
  {
    method: 'patch',
    path: byId,
    summary: 'Rename a saved view, change its filter or sort, share or unshare it (its owner only: 404 for anyone else)',
    access: 'signed-in',
    body: savedViewChange,
    responses: { 200: savedView },
  },
  { method: 'delete', path: byId, summary: 'Delete a saved view (its owner only: 404 for anyone else)', access: 'signed-in', responses: { 204: null } },
);

/** Saved views belong to people: an API token has none. */
function person(req: Request) {
  const p = principal(req);
  if (p.kind !== 'user') throw new AppError('forbidden', 'Saved views are for people, not API tokens');
  return p;
}

export function savedViewRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { db } = deps;

  router.get('/saved-views', requireRole(), async (req, res) => {
    const { resource } = parseOrThrow(savedViewQuery, req.query, ['query']);
    res.json(await listViews(db, person(req), resource));
  });

  router.post('/saved-views', requireRole(), async (req, res) => {
    const p = person(req);
    const { 'idempotency-key': key } = parseOrThrow(idempotencyHeader, { 'idempotency-key': req.header('idempotency-key') }, ['header']);
    const view = parseOrThrow(newSavedView, req.body);
    const { created, view: saved } = await createView(db, p, view, key);
    res.status(created ? 201 : 200).json(saved);
  });

  router.patch('/saved-views/:id', requireRole(), async (req, res) => {
    const p = person(req);
    res.json(await changeView(db, p, req.params.id, parseOrThrow(savedViewChange, req.body)));
  });

  router.delete('/saved-views/:id', requireRole(), async (req, res) => {
    await deleteView(db, person(req), req.params.id);
    res.status(204).end();
  });

  return router;
}
