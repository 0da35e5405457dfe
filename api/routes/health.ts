// Liveness (the process answers) and readiness (PostgreSQL and Temporal both answer).
import { Router } from 'express';
import type { ApiDeps } from '../app';
import { RETRY_AFTER_SECONDS } from '../errors';
import { withTemporal } from '../journey-calls';

import { z } from 'zod';
import { operations } from '../openapi/operation';

const CHECK_TIMEOUT_MS = 3_000;
const checkResult = z.enum(['ok', 'timed out', 'unreachable']);
const readiness = z.object({ status: z.enum(['ready', 'not ready']), checks: z.object({ database: checkResult, temporal: checkResult }) });

export const healthOperations = operations(
  { method: 'get', path: '/healthz', summary: 'Liveness: the process answers', access: 'public', responses: { 200: z.object({ status: z.literal('ok') }) } },
  { method: 'get', path: '/readyz', summary: 'Readiness: PostgreSQL and Temporal both answer (503 with Retry-After otherwise)', access: 'public', responses: { 200: readiness, 503: readiness } },
);

/** 'ok', or what is wrong in words (the driver's own text goes to the log, not to the caller). */
async function check(part: string, log: ApiDeps['log'], fn: () => Promise<unknown>): Promise<'ok' | 'timed out' | 'unreachable'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS))),
    ]);
    return 'ok';
  } catch (err) {
    const timedOut = err instanceof Error && err.message === 'timed out';
    log.warn({ part, err: err instanceof Error ? err.message : String(err) }, 'readiness check failed');
    return timedOut ? 'timed out' : 'unreachable';
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  router.get('/readyz', async (_req, res) => {
    const [database, temporal] = await Promise.all([
      check('database', deps.log, () => deps.db.$queryRaw`SELECT 1`),
      // Under the API's Temporal time limit, which also ends the SDK's retries (they would run on for ~18 s).
      check('temporal', deps.log, () => withTemporal(deps.temporal, () => deps.temporal.workflowService.getSystemInfo({}), { ms: CHECK_TIMEOUT_MS - 500 })),
    ]);
    const ready = database === 'ok' && temporal === 'ok';
    if (!ready) res.set('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks: { database, temporal } });
  });
  return router;
}
