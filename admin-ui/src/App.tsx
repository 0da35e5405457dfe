import { Admin, Resource } from 'react-admin';
import customers from './customers';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import journeys from './journeys';
import tasks from './tasks';

// disableTelemetry: an internal tool should not call home to marmelab on load.
export const App = () => (
  <Admin title="Pivotal Flow" dataProvider={dataProvider} dashboard={Dashboard} disableTelemetry>
    <Resource name="journeys" {...journeys} />
    <Resource name="tasks" {...tasks} />
    <Resource name="customers" {...customers} />
  </Admin>
);
