// Every operation the HTTP API serves, as its routers declare them: what the OpenAPI document is
// built from. A router added to the app without its operations here fails test/api/openapi.test.ts.
import { analyticsOperations } from './analytics/routes';
import type { Operation } from './openapi/operation';
import { kindApis } from './registry';
import { authOperations } from './routes/auth';
import { customerDecisionOperations } from './routes/customer-decisions';
import { customerOperations } from './routes/customers';
import { emailOperations } from './routes/emails';
import { externalEventOperations } from './routes/external-events';
import { healthOperations } from './routes/health';
import { journeyKindOperations } from './routes/journey-kinds';
import { journeyOperations } from './routes/journeys';
import { metricsOperations } from './routes/metrics';
import { notificationOperations } from './routes/notifications';
import { docsOperations } from './routes/openapi';
import { searchOperations } from './search/routes';
import { savedViewOperations } from './saved-views/routes';
import { taskOperations } from './routes/tasks';
import { userOperations } from './routes/users';
import { knowledgeOperations } from './support/knowledge-routes';
import { docuSignWebhookOperations } from './webhooks/docusign';
import { stripeWebhookOperations } from './webhooks/stripe';

export const allOperations: readonly Operation[] = [
  ...healthOperations,
  ...metricsOperations,
  ...docsOperations,
  ...authOperations,
  ...taskOperations,
  ...journeyOperations,
  ...customerOperations,
  ...userOperations,
  ...notificationOperations,
  ...emailOperations,
  ...externalEventOperations,
  ...journeyKindOperations,
  ...knowledgeOperations,
  ...analyticsOperations,
  ...searchOperations,
  ...savedViewOperations,
  ...customerDecisionOperations,
  ...Object.values(kindApis).flatMap((k) => k.operations),
  ...stripeWebhookOperations,
  ...docuSignWebhookOperations,
];
