import AnalyticsIcon from '@mui/icons-material/Insights';
import { Menu } from 'react-admin';
import { useIsManager } from '../auth/roles';
import { useT } from '../i18n/useT';

/** The resources' entries, and for managers (and admins) the analytics page. */
export const AppMenu = () => {
  const isManager = useIsManager();
  const t = useT();
  return (
    <Menu>
      <Menu.ResourceItems />
      {isManager && <Menu.Item to="/analytics" primaryText={t('app.menu.analytics')} leftIcon={<AnalyticsIcon />} />}
    </Menu>
  );
};
