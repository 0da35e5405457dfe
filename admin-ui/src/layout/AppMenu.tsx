import AnalyticsIcon from '@mui/icons-material/Insights';
import { Menu } from 'react-admin';
import { useIsManager } from '../auth/roles';

/** The resources' entries, and for managers (and admins) the analytics page. */
export const AppMenu = () => {
  const isManager = useIsManager();
  return (
    <Menu>
      <Menu.ResourceItems />
      {isManager && <Menu.Item to="/analytics" primaryText="Analytics" leftIcon={<AnalyticsIcon />} />}
    </Menu>
  );
};
