// What a router declares about each route it serves, next to its handlers: the OpenAPI document
// (api/openapi/document.ts) is built from these declarations, with the very zod schemas the
// handlers validate with, and a test fails when the app serves a route none declares.
import type { z } from 'zod';
import type { Role } from '../contract/records';

/**
 * Who may call: `public` (anyone), `signed-in` (any role), roles (one of them; admin holds every
 * role), `customer-link` (the signed token in the path), `provider` (the provider's signature).
 */
export type Access = 'public' | 'signed-in' | 'customer-link' | 'provider' | readonly Role[];

export type Operation = {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** As Express mounts it, e.g. `/api/tasks/:id`. */
  path: string;
  summary: string;
  description?: string;
  access: Access;
  query?: z.ZodObject;
  /** A react-admin list: `query` is its sort/range/filter schema, answered with Content-Range. */
  list?: true;
  body?: z.ZodType;
  /** Also takes the body as an HTML form (customer pages). */
  formBody?: true;
  /** Takes a multipart/form-data body of these fields (file uploads) instead of JSON. */
  multipart?: z.ZodObject;
  /** Headers it reads, e.g. Idempotency-Key. */
  headers?: z.ZodObject;
  /** Success statuses and what they answer as JSON (null: no body). */
  responses: Record<number, z.ZodType | null>;
  /** Answers HTML unless the caller asks for JSON (customer pages); `binary` names another media type. */
  html?: true;
  binary?: string;
  /**
   * Operations a success answer leads to (OpenAPI links, which schemathesis follows in its stateful
   * phase): `to` is `METHOD /path`, `id` a runtime expression for its `:id`, e.g. `$response.body#/0/id`.
   */
  links?: { to: string; id: string }[];
};

/** Declares a router's operations; typed, so a misspelt field does not compile. */
export const operations = (...ops: Operation[]): Operation[] => ops;
