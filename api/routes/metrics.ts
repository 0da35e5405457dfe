// GET /metrics (Prometheus text format). Open in development and test; elsewhere only with
// `Authorization: Bearer <METRICS_TOKEN>`, and without a token configured production serves none.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { Config } from '../../platform/config';
import { AppError } from '../errors';
import type { ApiMetrics } from '../metrics/api-metrics';
import { operations } from '../openapi/operation';

export const metricsOperations = operations({
  method: 'get',
  path: '/metrics',
  summary: 'Prometheus metrics (text format)',
  description: 'Open in development and test. Elsewhere it needs `Authorization: Bearer <METRICS_TOKEN>`, and production without a token serves none (404).',
  access: 'public',
  binary: 'text/plain',
  responses: { 200: null },
});

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares digests, so neither the token's length nor its prefix leaks through timing. */
const tokenMatches = (header: string | undefined, token: string) => {
  const presented = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token));
};

export function metricsRoutes(config: Config, metrics: ApiMetrics): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    const { token, served } = config.metrics;
    if (!served) throw new AppError('not_found', 'Metrics are not served: set METRICS_TOKEN to serve them in production');
    if (token && !tokenMatches(req.header('authorization'), token)) {
      res.set('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new AppError('unauthenticated', 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>');
    }
    res.set('Content-Type', metrics.contentType).set('Cache-Control', 'no-store').send(await metrics.scrape());
  });
  return router;
}
