// What each journey kind adds to the HTTP API: its staff routes (under /api) and its customer
// pages (under /customer), and the operations both declare for the OpenAPI document. Adding a kind: one line here.
import { Router } from 'express';
import type { JourneyKind } from '../workflows/kinds';
import { acquisitionCustomerPageOperations, acquisitionCustomerPages } from './acquisition/customer-pages';
import { acquisitionOperations, acquisitionRoutes } from './acquisition/routes';
import type { ApiDeps } from './app';
import { billingCustomerPageOperations, billingCustomerPages } from './billing/customer-pages';
import { billingOperations, billingRoutes } from './billing/routes';
import { deliveryOperations, deliveryRoutes } from './delivery/routes';
import type { Operation } from './openapi/operation';
import { accountReportOperations, accountReportPageOperations, accountReportPages, accountReportRoutes } from './retention/account-reports';
import { referralPageOperations, referralPages } from './retention/referral-pages';
import { retentionOperations, retentionRoutes } from './retention/routes';
import { supportCustomerPageOperations, supportCustomerPages } from './support/customer-pages';
import { supportOperations, supportRoutes } from './support/routes';

type KindApi = { routes?: (deps: ApiDeps) => Router; customerPages?: (deps: ApiDeps) => Router; operations: Operation[] };

export const kindApis: Record<JourneyKind, KindApi> = {
  acquisition: { routes: acquisitionRoutes, customerPages: acquisitionCustomerPages, operations: [...acquisitionOperations, ...acquisitionCustomerPageOperations] },
  delivery: { routes: deliveryRoutes, operations: deliveryOperations },
  billing: { routes: billingRoutes, customerPages: billingCustomerPages, operations: [...billingOperations, ...billingCustomerPageOperations] },
  support: { routes: supportRoutes, customerPages: supportCustomerPages, operations: [...supportOperations, ...supportCustomerPageOperations] },
  retention: {
    routes: (deps) => Router().use(retentionRoutes(deps), accountReportRoutes(deps)),
    customerPages: (deps) => Router().use(accountReportPages(deps), referralPages(deps)),
    operations: [...retentionOperations, ...accountReportOperations, ...accountReportPageOperations, ...referralPageOperations],
  },
};
