// The OpenAPI document (GET /api/openapi.json) and its interactive reference (GET /api/docs):
// Swagger UI from the swagger-ui-dist package, served from node_modules by this API, so the page
// loads nothing from elsewhere.
import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { z } from 'zod';
import { buildOpenApiDocument } from '../openapi/document';
import { operations, type Operation } from '../openapi/operation';
import { PROJECT_ROOT } from '../../platform/project-root';
import { compressStatic } from '../compress-static';

const SWAGGER_UI = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const DOCS_PAGE = path.join(PROJECT_ROOT, 'api', 'openapi', 'docs');
const VERSION: string = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).version;

export const docsOperations = operations(
  { method: 'get', path: '/api/openapi.json', summary: 'This document', access: 'public', responses: { 200: z.looseObject({ openapi: z.literal('3.1.0') }) } },
  { method: 'get', path: '/api/docs', summary: 'The interactive API reference (Swagger UI)', access: 'public', binary: 'text/html', responses: { 200: null } },
);

export function openApiRoutes(ops: readonly Operation[]): Router {
  const router = Router();
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  router.get('/openapi.json', (_req, res) => {
    document ??= buildOpenApiDocument(ops, VERSION);
    res.json(document);
  });
  router.get('/docs', (_req, res) => res.sendFile(path.join(DOCS_PAGE, 'index.html')));
  router.use('/docs', compressStatic, express.static(DOCS_PAGE, { index: false }), express.static(SWAGGER_UI, { index: false }));
  return router;
}
