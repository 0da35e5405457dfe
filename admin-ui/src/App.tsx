import { QueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Admin, CustomRoutes, HttpError, Loading, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { authProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import { mayEditKnowledge, mayReadAnalytics, mayReadInvoices } from './auth/roles';
import customers from './customers';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n/i18nProvider';
import invoices from './invoices';
import journeys from './journeys';
import { knowledgeResource } from './knowledge';
import { AppLayout } from './layout/AppLayout';
import { darkTheme, lightTheme } from './layout/theme';
import support from './support';
import { mayWorkSupport } from './support/ticketFields';
import tasks from './tasks';
import type { Role } from './types';

// The analytics page brings the charts library: loaded when someone opens it, not with every page.
const AnalyticsPage = lazy(() => import('./analytics/AnalyticsPage').then((m) => ({ default: m.AnalyticsPage })));
import waits from './waits';

/**
 * Reads are retried (a server restarting, a dropped connection), but an answer that will not change
 * is final: a signed-out visitor sees the login page at once, not after four retries with backoff.
 */
const FINAL_STATUSES = new Set([400, 401, 403, 404]);
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: (failures, error) => failures < 3 && !(error instanceof HttpError && FINAL_STATUSES.has(error.status)) },
  },
});

// requireAuth: nothing renders until the session is confirmed, so no page flashes before the login.
// disableTelemetry: an internal tool should not call home to marmelab on load.
// Tickets and invoices are registered only for the roles the API lets read them: no menu entry, no page, for others;
// the knowledge base for everyone, its create and edit pages for its editors.
export const App = () => (
  <Admin
    title="Pivotal Flow"
    dataProvider={dataProvider}
    queryClient={queryClient}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    layout={AppLayout}
    theme={lightTheme}
    darkTheme={darkTheme}
    dashboard={Dashboard}
    requireAuth
    disableTelemetry
  >
    <Resource name="tasks" {...tasks} />
    <Resource name="journeys" {...journeys} />
    <Resource name="waits" {...waits} />
    <Resource name="customers" {...customers} />
    {(roles: Role[]) => (
      <>
        {mayWorkSupport(roles) && <Resource name="tickets" {...support} />}
        {mayReadInvoices(roles) && <Resource name="invoices" {...invoices} />}
        <Resource name="knowledge-articles" {...knowledgeResource(mayEditKnowledge(roles))} />
        {mayReadAnalytics(roles) && (
          <CustomRoutes>
            <Route
              path="/analytics"
              element={
                <Suspense fallback={<Loading />}>
                  <AnalyticsPage />
                </Suspense>
              }
            />
          </CustomRoutes>
        )}
      </>
    )}
  </Admin>
);
