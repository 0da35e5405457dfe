import { Admin, Resource } from 'react-admin';
import { authProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import customers from './customers';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import journeys from './journeys';
import { AppLayout } from './layout/AppLayout';
import tasks from './tasks';
import waits from './waits';

// requireAuth: nothing renders until the session is confirmed, so no page flashes before the login.
// disableTelemetry: an internal tool should not call home to marmelab on load.
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
  </Admin>
);
