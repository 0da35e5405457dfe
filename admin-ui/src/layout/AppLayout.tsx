import type { ReactNode } from 'react';
import { AppBar, Layout, LoadingIndicator, TitlePortal, ToggleThemeButton } from 'react-admin';
import { NotificationBell } from '../notifications/NotificationBell';
import { GlobalSearch } from './GlobalSearch';
import { AppMenu } from './AppMenu';

const AppTopBar = () => (
  <AppBar
    toolbar={
      <>
        <GlobalSearch />
        <NotificationBell />
        {/* Light or dark: follows the system until the person picks one (kept in the browser). */}
        <ToggleThemeButton />
        <LoadingIndicator />
      </>
    }
  >
    <TitlePortal />
  </AppBar>
);

// react-admin's layout grows to its widest content (`min-width: fit-content`, and a content area
// that is a flex item): a row of tabs or a table made a phone's page scroll sideways. At minWidth 0
// the page keeps the screen's width, and what is wider scrolls in its own box.
const contentFitsScreen = { minWidth: 0, '& .RaLayout-content': { minWidth: 0 } };

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={AppTopBar} menu={AppMenu} sx={contentFitsScreen}>
    {children}
  </Layout>
);
