// The react-admin simple-REST list contract: ?sort=["field","ASC"]&range=[0,24]&filter={...},
// answered with a Content-Range header. Sort fields and filters are whitelisted per resource.
import type { Response } from 'express';
import { z } from 'zod';
import { parseOrThrow } from './errors';

const MAX_PAGE = 200;

function jsonParam<S extends z.ZodType>(schema: S) {
  return z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'Must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

export function listQuerySchema<F extends z.ZodObject, S extends string>(filter: F, sortable: readonly [S, ...S[]]) {
  return z.object({
    sort: jsonParam(z.tuple([z.enum(sortable), z.enum(['ASC', 'DESC'])])).optional(),
    range: jsonParam(
      z
        .tuple([z.number().int().min(0), z.number().int().min(0)])
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
