// The HTTP face of Pivotal Flow: JSON API under /api, health probes, and the built admin UI.
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import express, { type Express, type Request } from 'express';
import { pinoHttp } from 'pino-http';
import type { Config } from '../platform/config';
import { redactCustomerLinks } from '../platform/customer-links';
import { REQUEST_ID_HTTP_HEADER, requestContext, requestIdFrom } from '../platform/request-context';
import type { Db } from '../platform/db';
import type { Logger } from '../platform/logger';
import { searchRoutes } from './search/routes';
import { savedViewRoutes } from './saved-views/routes';
import { analyticsRoutes } from './analytics/routes';
import type { AuthEvents } from './auth/auth-events';
import { createAuthenticator } from './auth/authenticate';
import { customerPageBodies } from './customer-pages';
import { AppError, errorHandler } from './errors';
import { inputGuard } from './input-guard';
import { createApiMetrics } from './metrics/api-metrics';
import { customerLinkLimit } from './rate-limits';
import { securityHeaders } from './security-headers';
import { knowledgeRoutes } from './support/knowledge-routes';
import { kindApis } from './registry';
import { authRoutes } from './routes/auth';
import { customerRoutes } from './routes/customers';
import { emailRoutes } from './routes/emails';
import { externalEventRoutes } from './routes/external-events';
import { healthRoutes } from './routes/health';
import { customerDecisionPages } from './routes/customer-decisions';
import { journeyKindRoutes } from './routes/journey-kinds';
import { journeyRoutes } from './routes/journeys';
import { metricsRoutes } from './routes/metrics';
import { notificationRoutes } from './routes/notifications';
import { openApiRoutes } from './routes/openapi';
import { allOperations } from './operations';
import { taskRoutes } from './routes/tasks';
import { docuSignWebhook } from './webhooks/docusign';
import { stripeWebhook } from './webhooks/stripe';
import { userRoutes } from './routes/users';
import { PROJECT_ROOT } from '../platform/project-root';
import { compressStatic } from './compress-static';

/**
 * `authEvents`: this process hears other API processes' logouts and revocations (auth/auth-events.ts).
 * `adminUiDir`: the built admin UI (ADMIN_UI_DIST unless a test gives its own).
 */
export type ApiDeps = { db: Db; temporal: Client; config: Config; log: Logger; authEvents?: AuthEvents; adminUiDir?: string };

export const ADMIN_UI_DIST = path.join(PROJECT_ROOT, 'admin-ui', 'dist');

/** Unknown paths and methods under the JSON prefixes answer in the JSON error shape, not Express's HTML. */
const noRoute = (req: Request): never => {
  throw new AppError('not_found', `No route ${req.method} ${req.baseUrl}${req.path}`);
};

export function createApp(deps: ApiDeps): Express {
  for (const warning of deps.config.warnings) deps.log.warn(`CONFIGURATION PROBLEM (refused in production): ${warning}`);
  const app = express();
  app.disable('x-powered-by');
  // Which proxies' X-Forwarded-For/-Proto to believe: the client's IP (rate limits) and TLS (HSTS, secure cookies).
  app.set('trust proxy', deps.config.http.trustProxy);
  app.use(securityHeaders());
  // Every request runs with its id (the caller's X-Request-Id when it is a sane one), echoed in the
  // answer; log lines written while handling it, and the journeys' lines it causes, carry it.
  app.use((req, res, next) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    req.id = requestId;
    res.set(REQUEST_ID_HTTP_HEADER, requestId);
    requestContext.run({ requestId }, next);
  });
  app.use(
    pinoHttp({
      logger: deps.log,
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
      // Customer links carry their token in the path: log the path without it.
      serializers: { req: (req) => ({ ...req, url: req.url && redactCustomerLinks(req.url) }) },
    }),
  );
  const metrics = createApiMetrics(deps);
  app.use(metrics.httpRequests);
  app.use(healthRoutes(deps), metricsRoutes(deps.config, metrics));
  // Webhooks read their bodies raw (signatures are over the exact bytes), so they come before any JSON parser.
  app.use('/webhooks', metrics.markRouteBase, metrics.webhookDeliveries, stripeWebhook(deps), docuSignWebhook(deps), noRoute);

  const auth = createAuthenticator({ db: deps.db, secret: deps.config.auth.secret, events: deps.authEvents });
  const api = express.Router();
  api.use(metrics.markRouteBase, express.json({ limit: '100kb' }), inputGuard, auth.middleware);
  // The contact form and login are public; every other route names the roles it needs.
  const kinds = Object.values(kindApis);
  api.use(
    openApiRoutes(allOperations),
    authRoutes(deps, auth),
    taskRoutes(deps),
    journeyRoutes(deps),
    customerRoutes(deps),
    userRoutes(deps, auth),
    notificationRoutes(deps),
    emailRoutes(deps),
    externalEventRoutes(deps),
    journeyKindRoutes(),
    knowledgeRoutes(deps),
    analyticsRoutes(deps),
    searchRoutes(deps),
    savedViewRoutes(deps),
    ...kinds.flatMap((k) => (k.routes ? [k.routes(deps)] : [])),
  );
  app.use('/api', api, noRoute);
  // Customer links need no login; a staff credential sent along is resolved only to record who acted.
  app.use('/customer', metrics.markRouteBase, ...customerPageBodies, customerLinkLimit(deps), auth.middleware, customerDecisionPages(deps), ...kinds.flatMap((k) => (k.customerPages ? [k.customerPages(deps)] : [])), noRoute);

  // The admin UI is a single-page app: assets as files, every other path its index.html. Looked for
  // per request, so a UI built after the API started is served without a restart, and until then
  // a person is told what is missing rather than shown a bare 404.
  const uiDir = deps.adminUiDir ?? ADMIN_UI_DIST;
  const uiIndex = path.join(uiDir, 'index.html');
  if (!fs.existsSync(uiIndex)) deps.log.warn(`the admin UI is not built (${uiDir}): its pages answer 503 until \`npm run ui:build\``);
  app.use(compressStatic, express.static(uiDir, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!api\/|customer\/|webhooks\/).*/, compressStatic, (_req, res) => {
    if (!fs.existsSync(uiIndex)) throw new AppError('unavailable', 'The admin UI is not built yet: run `npm run ui:build`, then reload.');
    res.sendFile(uiIndex);
  });

  app.use(errorHandler(deps.log));
  return app;
}
