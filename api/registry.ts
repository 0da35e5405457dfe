// What each journey kind adds to the HTTP API: its staff routes (under /api) and its customer
// pages (under /customer). Adding a kind: one line here.
import type { Router } from 'express';
import type { JourneyKind } from '../workflows/kinds';
import { acquisitionCustomerPages } from './acquisition/customer-pages';
import { leadRoutes } from './acquisition/leads';
import type { ApiDeps } from './app';
import { billingCustomerPages } from './billing/customer-pages';
import { billingRoutes } from './billing/routes';
import { deliveryRoutes } from './delivery/routes';

type KindApi = { routes?: (deps: ApiDeps) => Router; customerPages?: (deps: ApiDeps) => Router };

export const kindApis: Record<JourneyKind, KindApi> = {
  acquisition: { routes: leadRoutes, customerPages: acquisitionCustomerPages },
  delivery: { routes: deliveryRoutes },
  billing: { routes: billingRoutes, customerPages: billingCustomerPages },
};
