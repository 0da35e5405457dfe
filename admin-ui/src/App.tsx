import { Admin, Resource } from 'react-admin';
import { authProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import { mayReadInvoices } from './auth/roles';
import customers from './customers';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import invoices from './invoices';
import journeys from './journeys';
import { AppLayout } from './layout/AppLayout';
import tasks from './tasks';
import type { Role } from './types';
import waits from './waits';

// requireAuth: nothing renders until the session is confirmed, so no page flashes before the login.
// disableTelemetry: an internal tool should not call home to marmelab on load.
// Invoices are registered only for the roles the API lets read them: no menu entry, no page, for others.
export const App = () => (
  <Admin
    title="Pivotal Flow"
    dataProvider={dataProvider}
    authProvider={authProvider}
    loginPage={LoginPage}
    layout={AppLayout}
    dashboard={Dashboard}
    requireAuth
    disableTelemetry
  >
    <Resource name="tasks" {...tasks} />
    <Resource name="journeys" {...journeys} />
    <Resource name="waits" {...waits} />
    <Resource name="customers" {...customers} />
    {(roles: Role[]) => (mayReadInvoices(roles) ? <Resource name="invoices" {...invoices} /> : null)}
  </Admin>
);
