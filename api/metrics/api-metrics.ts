// The API's Prometheus metrics (prom-client), one registry per app: the process's own (CPU, memory,
// event loop lag, GC), HTTP requests, webhook deliveries, and what PostgreSQL holds at scrape time
// (database-gauges.ts). The worker's metrics are served by the worker (WORKER_METRICS_PORT).
import type { Request, RequestHandler, Response } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import type { Receipt } from '../domain/external-events';
import { databaseGauges } from './database-gauges';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** The providers whose webhooks are mounted under /webhooks (the label never takes a raw path). */
const PROVIDERS = new Set(['stripe', 'docusign']);

export type WebhookOutcome = Receipt | 'refused' | 'failed';

declare module 'express-serve-static-core' {
  interface Locals {
    /** Where the router that matched the request is mounted ('/api', '/customer', '/webhooks'). */
    routeBase?: string;
    /** What a webhook handler did with the delivery. */
    webhookReceipt?: Receipt;
  }
}

export type ApiMetrics = ReturnType<typeof createApiMetrics>;

export function createApiMetrics(deps: { db: Db; log: Logger }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const http = new Histogram({
    name: 'pivotal_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern (never the raw path: no ids or tokens) and status, with their latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const webhooks = new Counter({
    name: 'pivotal_webhook_deliveries_total',
    help: 'Provider webhook deliveries by provider and outcome: applied, recorded, duplicate, unmatched, refused (4xx: bad signature or body), failed (5xx)',
    labelNames: ['provider', 'outcome'],
    registers,
  });
  const refreshDatabase = databaseGauges(registry, deps.db, deps.log);

  /** The matched route's pattern: its router's mount point and its own path. */
  const routeOf = (req: Request, res: Response): string => {
    const path: unknown = req.route?.path;
    if (path === undefined) return '(no route)';
    return `${res.locals.routeBase ?? ''}${typeof path === 'string' ? path : String(path)}`;
  };

  const httpRequests: RequestHandler = (req, res, next) => {
    const end = http.startTimer();
    res.once('finish', () => end({ method: METHODS.has(req.method) ? req.method : 'OTHER', route: routeOf(req, res), status: String(res.statusCode) }));
    next();
  };

  /** Mounted first under each prefix, so a route's label has its full pattern even after an error left its router. */
  const markRouteBase: RequestHandler = (req, res, next) => {
    res.locals.routeBase = req.baseUrl;
    next();
  };

  const webhookDeliveries: RequestHandler = (req, res, next) => {
    res.once('finish', () => {
      const provider = typeof req.route?.path === 'string' ? req.route.path.slice(1) : '';
      if (!PROVIDERS.has(provider)) return;
      const outcome: WebhookOutcome | undefined = res.locals.webhookReceipt ?? (res.statusCode >= 500 ? 'failed' : res.statusCode >= 400 ? 'refused' : undefined);
      if (outcome) webhooks.inc({ provider, outcome });
    });
    next();
  };

  // Scrapes run one after another: each resets and refills the database series.
  let scrapes: Promise<unknown> = Promise.resolve();
  const scrape = (): Promise<string> => {
    const text = scrapes.then(async () => {
      await refreshDatabase();
      return registry.metrics();
    });
    scrapes = text.catch(() => undefined);
    return text;
  };

  return { registry, contentType: registry.contentType, httpRequests, markRouteBase, webhookDeliveries, scrape };
}

