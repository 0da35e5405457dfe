// The knowledge base for staff: every role reads articles and tries the suggestions customers
// will see; support, the support lead and managers write them (KNOWLEDGE_EDITORS).
import { Router } from 'express';
import { z } from 'zod';
import { Prisma } from '../../prisma/generated/client';
import { text } from '../../workflows/runtime/storable-text';
import { principal, requireRole } from '../auth/authenticate';
import { KNOWLEDGE_EDITORS, knowledgeArticle } from '../contract/records';
import { AppError, parseOrThrow } from '../errors';
import { isUuid } from '../ids';
import { listQuerySchema, parseListQuery, sendPage } from '../list-query';
import { operations } from '../openapi/operation';
import type { ApiDeps } from '../app';
import { articleCategory, articleFilter, articleSort, articleSuggestion, listArticles, SUGGESTION_LIMITS, suggestArticles } from './knowledge';

const fields = {
  title: text(200),
  body: text(20_000),
  /** null: a general article, suggested in every category. */
  category: articleCategory.nullable(),
  published: z.boolean(),
};
const newArticle = z.object({ ...fields, category: fields.category.optional(), published: fields.published.optional() }).strict();
const articleChange = z
  .object(fields)
  .partial()
  .strict()
  .refine((change) => Object.keys(change).length > 0, 'Give at least one field to change');

const suggestionQuery = z
  .object({
    /** What the customer typed; empty: no suggestions. */
    q: z.string().max(2_000),
    category: articleCategory.optional(),
    limit: z
      .string()
      .regex(/^\d{1,3}$/, 'A whole number')
      .transform(Number)
      .pipe(z.number().min(1).max(SUGGESTION_LIMITS.max))
      .optional()
      .meta({ description: `How many, at most (default ${SUGGESTION_LIMITS.default}).` }),
  })
  .strict();

const PATH = '/api/knowledge-articles';
const byId = `${PATH}/:id`;
const toArticle = [
  { to: `GET ${byId}`, id: '$response.body#/id' },
  { to: `PATCH ${byId}`, id: '$response.body#/id' },
  { to: `DELETE ${byId}`, id: '$response.body#/id' },
];

export const knowledgeOperations = operations(
  { method: 'get', path: PATH, summary: 'Knowledge-base articles (filter `q`: full-text search)', access: 'signed-in', list: true, query: listQuerySchema(articleFilter, articleSort), responses: { 200: z.array(knowledgeArticle) }, links: [{ to: `GET ${byId}`, id: '$response.body#/0/id' }] },
  { method: 'get', path: `${PATH}/suggestions`, summary: 'The published articles suggested for a text, best first, as customers see them', access: 'signed-in', query: suggestionQuery, responses: { 200: z.array(articleSuggestion) } },
  { method: 'get', path: byId, summary: 'A knowledge-base article', access: 'signed-in', responses: { 200: knowledgeArticle } },
  { method: 'post', path: PATH, summary: 'Write an article (a draft unless `published`)', access: KNOWLEDGE_EDITORS, body: newArticle, responses: { 201: knowledgeArticle }, links: toArticle },
  { method: 'patch', path: byId, summary: "Change an article's title, body, category or published flag", access: KNOWLEDGE_EDITORS, body: articleChange, responses: { 200: knowledgeArticle } },
  { method: 'delete', path: byId, summary: 'Delete an article (unpublishing keeps it); answers the deleted article', access: KNOWLEDGE_EDITORS, responses: { 200: knowledgeArticle } },
);

const notFound = (id: string) => new AppError('not_found', `No knowledge article ${id}`);
/** An update or delete of a row that is not there (P2025) is the caller's 404. */
const missingAs404 = (id: string) => (err: unknown): never => {
  throw err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2025' ? notFound(id) : err;
};

export function knowledgeRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { db } = deps;
  const mayWrite = requireRole(...KNOWLEDGE_EDITORS);

  router.get('/knowledge-articles', requireRole(), async (req, res) => {
    const list = parseListQuery(req.query, articleFilter, articleSort, ['updatedAt', 'DESC']);
    const { rows, total } = listArticles(db, list);
    await sendPage(res, 'knowledge-articles', list, rows, total);
  });

  // Before /:id, which would take "suggestions" for an id.
  router.get('/knowledge-articles/suggestions', requireRole(), async (req, res) => {
    const { q, category, limit } = parseOrThrow(suggestionQuery, req.query, ['query']);
    res.json(await suggestArticles(db, q, { category, limit }));
  });

  router.get('/knowledge-articles/:id', requireRole(), async (req, res) => {
    const article = isUuid(req.params.id) ? await db.knowledgeArticle.findUnique({ where: { id: req.params.id } }) : null;
    if (!article) throw notFound(req.params.id);
    res.json(article);
  });

  router.post('/knowledge-articles', mayWrite, async (req, res) => {
    const article = parseOrThrow(newArticle, req.body);
    const by = principal(req).id;
    res.status(201).json(await db.knowledgeArticle.create({ data: { ...article, createdBy: by, updatedBy: by } }));
  });

  router.patch('/knowledge-articles/:id', mayWrite, async (req, res) => {
    const change = parseOrThrow(articleChange, req.body);
    const id = req.params.id;
    if (!isUuid(id)) throw notFound(id);
    res.json(await db.knowledgeArticle.update({ where: { id }, data: { ...change, updatedBy: principal(req).id } }).catch(missingAs404(id)));
  });

  router.delete('/knowledge-articles/:id', mayWrite, async (req, res) => {
    const id = req.params.id;
    if (!isUuid(id)) throw notFound(id);
    // Of two deletes at once, one answers the article and the other 404.
    res.json(await db.knowledgeArticle.delete({ where: { id } }).catch(missingAs404(id)));
  });

  return router;
}
