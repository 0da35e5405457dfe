import type { ReactNode } from 'react';
import { AppBar, Layout, LoadingIndicator, TitlePortal } from 'react-admin';
import { NotificationBell } from '../notifications/NotificationBell';

const AppTopBar = () => (
  <AppBar
    toolbar={
      <>
        <NotificationBell />
        <LoadingIndicator />
      </>
    }
  >
    <TitlePortal />
  </AppBar>
);

export const AppLayout = ({ children }: { children: ReactNode }) => <Layout appBar={AppTopBar}>{children}</Layout>;
