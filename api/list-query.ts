// The react-admin simple-REST list contract: ?sort=["field","ASC"]&range=[0,24]&filter={...},
// answered with a Content-Range header. Sort fields and filters are whitelisted per resource.
import type { Response } from 'express';
import { z } from 'zod';
import { parseOrThrow } from './errors';
import { inputProblem } from './input-guard';

const MAX_PAGE = 200;
/** Past this an offset is no page anyone reads, and more than PostgreSQL's OFFSET takes as an int. */
const MAX_OFFSET = 2_000_000_000;

function jsonParam<S extends z.ZodType>(schema: S) {
  return z
    .string()
    .transform((s, ctx) => {
      let value: unknown;
      try {
        value = JSON.parse(s);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'Must be JSON' });
        return z.NEVER;
      }
      // JSON escapes (\u0000) only become characters here, past the edge guard's look at the query.
      const problem = inputProblem(value);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: problem.field ? `${problem.field}: ${problem.message}` : problem.message });
        return z.NEVER;
      }
      return value;
    })
    .pipe(schema);
}

export function listQuerySchema<F extends z.ZodObject, S extends string>(filter: F, sortable: readonly [S, ...S[]]) {
  return z.object({
    sort: jsonParam(z.tuple([z.enum(sortable), z.enum(['ASC', 'DESC'])])).optional(),
    range: jsonParam(
      z
        .tuple([z.number().int().min(0).max(MAX_OFFSET), z.number().int().min(0).max(MAX_OFFSET)])
        .refine(([a, b]) => b >= a && b - a < MAX_PAGE, `At most ${MAX_PAGE} rows per page`),
    ).optional(),
    filter: jsonParam(filter.partial().strict()).optional(),
  });
}

export type ListParams<F, S extends string> = {
  filter: Partial<F>;
  orderBy: { [K in S]?: 'asc' | 'desc' };
  skip: number;
  take: number;
};

export function parseListQuery<F extends z.ZodObject, S extends string>(
  query: unknown,
  filter: F,
  sortable: readonly [S, ...S[]],
  defaultSort: [S, 'ASC' | 'DESC'],
): ListParams<z.infer<F>, S> {
  const q = parseOrThrow(listQuerySchema(filter, sortable), query, ['query']);
  const [field, dir] = (q.sort ?? defaultSort) as [S, 'ASC' | 'DESC'];
  const [start, end] = q.range ?? [0, 24];
  return {
    filter: (q.filter ?? {}) as Partial<z.infer<F>>,
    orderBy: { [field]: dir === 'ASC' ? 'asc' : 'desc' } as { [K in S]?: 'asc' | 'desc' },
    skip: start,
    take: end - start + 1,
  };
}

/** Prisma paging arguments: the requested order (ties broken by id, so pages never overlap). */
export function pageArgs<S extends string>(q: ListParams<unknown, S>) {
  return { orderBy: [q.orderBy, { id: 'asc' as const }], skip: q.skip, take: q.take };
}

/** Runs the page and total queries together and answers with rows and a Content-Range header. */
export async function sendPage(
  res: Response,
  resource: string,
  q: { skip: number },
  rowsQuery: PromiseLike<unknown[]>,
  totalQuery: PromiseLike<number>,
) {
  const [rows, total] = await Promise.all([rowsQuery, totalQuery]);
  const end = rows.length ? q.skip + rows.length - 1 : q.skip;
  res.set('Content-Range', `${resource} ${q.skip}-${end}/${total}`).json(rows);
}

/** The same list unpaged, for an export: the first `max` rows and one more, so the caller can tell there were more. */
export function parseExportQuery<F extends z.ZodObject, S extends string>(
  query: Record<string, unknown>,
  filter: F,
  sortable: readonly [S, ...S[]],
  defaultSort: [S, 'ASC' | 'DESC'],
  max: number,
): ListParams<z.infer<F>, S> {
  const unpaged = Object.fromEntries(Object.entries(query).filter(([key]) => key !== 'range'));
  return { ...parseListQuery(unpaged, filter, sortable, defaultSort), skip: 0, take: max + 1 };
}
