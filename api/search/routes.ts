// GET /api/search: the app bar's search box, for every signed-in person (each group holds only
// what they may read).
import { Router } from 'express';
import { z } from 'zod';
import { principal, requireRole } from '../auth/authenticate';
import { searchResults } from '../contract/search';
import { parseOrThrow } from '../errors';
import { operations } from '../openapi/operation';
import { text } from '../../workflows/runtime/storable-text';
import type { ApiDeps } from '../app';
import { globalSearch, MAX_WORDS, wordsOf } from './global-search';

const searchQuery = z
  .object({
    q: text(100)
      .refine((q) => q.length >= 2, 'Type at least two characters')
      .refine((q) => wordsOf(q).length <= MAX_WORDS, `At most ${MAX_WORDS} words`)
      .meta({ description: `Words to find (each must appear, at most ${MAX_WORDS}): part of a name, an email, a company, an invoice or ticket number, a task title, a journey id.` }),
  })
  .strict();

export const searchOperations = operations({
  method: 'get',
  path: '/api/search',
  summary: 'Find customers, journeys, tasks, invoices and tickets by what a person types',
  description: 'The best five of each kind, grouped; records matching themselves come before those of a matching customer. Invoices and tickets only for those who may read them.',
  access: 'signed-in',
  query: searchQuery,
  responses: { 200: searchResults },
});

export function searchRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.get('/search', requireRole(), async (req, res) => {
    const { q } = parseOrThrow(searchQuery, req.query, ['query']);
    res.json(await globalSearch(deps.db, principal(req), q));
  });
  return router;
}
