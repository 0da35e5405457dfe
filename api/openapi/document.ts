// The OpenAPI 3.1 document, built from the operations every router declares (api/operations.ts)
// with zod-openapi: request schemas are the handlers' own zod schemas, responses the records of
// api/contract. Every operation carries its roles (`x-roles` and the description), the error
// shape, and for lists the react-admin contract.
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { apiError } from '../contract/records';
import type { Access, Operation } from './operation';

const ERRORS: Record<number, string> = {
  400: 'The request is invalid: `error.fields` names each bad field.',
  401: 'No valid session or API token (`WWW-Authenticate: Bearer`).',
  403: 'The caller lacks the roles this needs.',
  404: 'No such record (or not one the caller may see).',
  409: 'The record is not in a state that allows this.',
  413: 'The body is too large.',
  415: 'The body is in an unsupported media type or encoding.',
  431: 'The request line and headers are over 16 KB (answered by the HTTP server, before the route).',
  503: 'PostgreSQL or Temporal is not answering: retry after `Retry-After` seconds.',
};

function accessText(access: Access): string {
  if (access === 'public') return 'Public: no login.';
  if (access === 'signed-in') return 'Any signed-in role.';
  if (access === 'customer-link') return "The customer's signed link (the token in the path); no login.";
  if (access === 'provider') return "The provider's signature over the raw body; no login.";
  return `Roles: ${access.join(', ')} (admin holds every role).`;
}

const staff = (access: Access) => access === 'signed-in' || Array.isArray(access);

function errorStatuses(op: Operation): number[] {
  const statuses = [400, 404, 431, 503];
  if (staff(op.access)) statuses.push(401);
  if (Array.isArray(op.access)) statuses.push(403);
  if (op.body) statuses.push(409, 413, 415);
  return statuses.sort();
}

const errorContent = { 'application/json': { schema: apiError } };

/** `get /api/tasks/:id` → `getApiTasksId`: unique, as method and path are. */
const operationId = (method: string, path: string) => `${method.toLowerCase()}${path.replace(/[^a-zA-Z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`;

function links(op: Operation) {
  if (!op.links) return undefined;
  return Object.fromEntries(
    op.links.map(({ to, id }) => {
      const [method, path] = to.split(' ') as [string, string];
      const target = operationId(method, path);
      return [target, { operationId: target, parameters: { id } }];
    }),
  );
}

function responses(op: Operation): ZodOpenApiResponsesObject {
  const out: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, schema] of Object.entries(op.responses)) {
    const content: Record<string, { schema: z.ZodType }> = {};
    if (schema) content['application/json'] = { schema };
    if (op.html) content['text/html'] = { schema: z.string() };
    if (op.binary) content[op.binary] = { schema: z.string().meta({ format: 'binary' }) };
    out[status] = {
      description: op.list ? 'One page of rows' : 'Done',
      ...(op.links && Number(status) < 300 && { links: links(op) }),
      ...(Object.keys(content).length && { content }),
      ...(op.list && {
        headers: z.object({
          'Content-Range': z
            .string()
            .regex(/^[a-z-]+ \d+-\d+\/\d+$/)
            .meta({ description: '`<resource> <first>-<last>/<total>`: which rows these are, of how many (react-admin reads the total).' }),
        }),
      }),
    };
  }
  for (const status of errorStatuses(op)) out[String(status)] = { description: ERRORS[status]!, content: errorContent };
  out.default = { description: 'Any other failure, in the same error shape.', content: errorContent };
  return out as ZodOpenApiResponsesObject;
}

/** `/api/tasks/:id` → `/api/tasks/{id}`, with its path parameters. */
function openApiPath(path: string): { path: string; params: string[] } {
  const params: string[] = [];
  const converted = path.replace(/:(\w+)/g, (_m, name: string) => {
    params.push(name);
    return `{${name}}`;
  });
  return { path: converted, params };
}

/**
 * A list's `sort`, `range` and `filter` are JSON in the query: described as parameters with JSON
 * content, the schema being what the handler parses the JSON with (so clients, and schemathesis,
 * send valid lists rather than arbitrary strings).
 */
function jsonQueryParameters(query: z.ZodObject): ZodOpenApiOperationObject['parameters'] {
  // JSON Schema objects, which zod-openapi's parameter type (a zod schema or its own SchemaObject) does not name.
  return Object.entries(query.shape).map(([name, schema]) => {
    const inner = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
    const decoded = inner instanceof z.ZodPipe && inner.in instanceof z.ZodPipe ? inner.out : inner;
    const jsonSchema: Record<string, unknown> = z.toJSONSchema(decoded as z.ZodType, { io: 'input' });
    delete jsonSchema.$schema;
    return { in: 'query' as const, name, required: !(schema instanceof z.ZodOptional), description: LIST_PARAMS[name], content: { 'application/json': { schema: jsonSchema } } };
  }) as ZodOpenApiOperationObject['parameters'];
}

const LIST_PARAMS: Record<string, string> = {
  sort: '`["field","ASC"|"DESC"]`: the field, of those allowed.',
  range: '`[first,last]`: rows first to last, counted from 0 (at most 200).',
  filter: 'Only rows matching every condition given.',
};

function operationObject(op: Operation, params: string[]): ZodOpenApiOperationObject {
  const pathSchema = params.length ? z.object(Object.fromEntries(params.map((p) => [p, z.string().min(1)]))) : undefined;
  const bodyContent: Record<string, { schema: z.ZodType }> = {};
  if (op.body) bodyContent['application/json'] = { schema: op.body };
  if (op.body && op.formBody) bodyContent['application/x-www-form-urlencoded'] = { schema: op.body };
  if (op.multipart) bodyContent['multipart/form-data'] = { schema: op.multipart };
  const roles = Array.isArray(op.access) ? [...op.access] : [];
  return {
    operationId: operationId(op.method, op.path),
    summary: op.summary,
    description: [op.description, accessText(op.access), op.list && LIST_CONTRACT, op.html && HTML_OR_JSON].filter(Boolean).join('\n\n'),
    tags: [op.path.split('/')[op.path.startsWith('/api/') ? 2 : 1]!],
    ...(staff(op.access) && { security: [{ bearer: [] }, { session: [] }] }),
    ...((pathSchema || (op.query && !op.list) || op.headers) && {
      requestParams: { ...(pathSchema && { path: pathSchema }), ...(op.query && !op.list && { query: op.query }), ...(op.headers && { header: op.headers }) },
    }),
    ...(op.list && op.query && { parameters: jsonQueryParameters(op.query) }),
    ...((op.body || op.multipart) && { requestBody: { required: true, content: bodyContent } }),
    responses: responses(op),
    'x-access': Array.isArray(op.access) ? 'roles' : op.access,
    'x-roles': roles,
  };
}

const LIST_CONTRACT =
  'A react-admin list: `sort` is `["field","ASC"|"DESC"]`, `range` is `[first,last]` (at most 200 rows), `filter` is an object of the filters below, each a JSON string in the query; the answer is an array with `Content-Range`.';
const HTML_OR_JSON = 'Answers an HTML page, or JSON when the request asks for it (`Accept: application/json`).';

export function buildOpenApiDocument(ops: readonly Operation[], version: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const op of ops) {
    const { path, params } = openApiPath(op.path);
    paths[path] = { ...paths[path], [op.method]: operationObject(op, params) };
  }
  return createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'Pivotal Flow API',
        version,
        description:
          'Customer journeys as durable Temporal workflows. Staff routes take a session (`pf_session` cookie, from `POST /api/auth/login`) or a Bearer token (a session token or an API token). Every error answers `{"error":{"code","message","fields"?}}`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A session token (POST /api/auth/login) or an API token (POST /api/api-tokens).' },
          session: { type: 'apiKey', in: 'cookie', name: 'pf_session' },
        },
      },
      paths,
    },
    { reused: 'ref' },
  );
}
