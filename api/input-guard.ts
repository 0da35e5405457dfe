// The edge guard: every request's input (its path, query string and parsed JSON or form body)
// is walked once, iteratively, before any route sees it. A string that PostgreSQL cannot store
// (workflows/runtime/storable-text.ts) or a body nested deeper than any form of ours is a 400 naming
// where, so nothing unstorable reaches a journey and nothing deep enough to overflow a stack
// reaches a schema, a log line or Temporal's payload converter.
import type { RequestHandler } from 'express';
import { isStorableText, UNSTORABLE_TEXT } from '../workflows/runtime/storable-text';
import { AppError, type FieldError } from './errors';

/** Our deepest input (a quote's line items) is 3 levels; anything past this is not ours. */
export const MAX_INPUT_DEPTH = 32;

/** The first string that cannot be stored, or nesting past MAX_INPUT_DEPTH, in a parsed value. */
export function inputProblem(root: unknown, rootName = ''): FieldError | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: rootName, depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (!isStorableText(value)) return { field: path, message: UNSTORABLE_TEXT };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) return { field: path, message: `Nested deeper than ${MAX_INPUT_DEPTH} levels` };
    for (const [key, child] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (!isStorableText(key)) return { field: at, message: `Field name: ${UNSTORABLE_TEXT}` };
      stack.push({ value: child, path: at, depth: depth + 1 });
    }
  }
  return undefined;
}

/** The path as routes will see their parameters: percent-decoded, so `%00` is caught here too. */
function pathProblem(path: string): FieldError | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { field: 'path', message: 'Malformed percent-encoding' };
  }
  return isStorableText(decoded) ? undefined : { field: 'path', message: UNSTORABLE_TEXT };
}

export const inputGuard: RequestHandler = (req, _res, next) => {
  const problem = pathProblem(req.path) ?? inputProblem(req.body) ?? inputProblem(req.query, 'query');
  if (problem) throw new AppError('validation_failed', 'The request is invalid', { fields: [{ ...problem, field: problem.field || '(body)' }] });
  next();
};
