import { Box, type Theme } from '@mui/material';
import type { ReactNode } from 'react';
import { AppBar, Layout, LoadingIndicator, LocalesMenuButton, TitlePortal, ToggleThemeButton, useGetIdentity, UserMenu } from 'react-admin';
import { useT } from '../i18n/useT';
import { NotificationBell } from '../notifications/NotificationBell';
import { GlobalSearch } from './GlobalSearch';
import { AppMenu } from './AppMenu';

/** The account menu, named for whom it is: its button shows the person's name, which its label must contain. */
const AccountMenu = () => {
  const { identity } = useGetIdentity();
  const t = useT();
  return <UserMenu label={identity?.fullName ?? t('app.bar.account')} />;
};

/**
 * On a phone the language button is its icon alone, narrow, so the page's title keeps its room: its
 * name (the language) stays for screen readers.
 */
const iconOnlyOnPhone = (theme: Theme) => ({
  [theme.breakpoints.down('sm')]: {
    '& .MuiButton-root': { fontSize: 0, minWidth: 0, px: 0.5 },
    '& .MuiButton-startIcon': { m: 0 },
    '& .MuiButton-endIcon': { display: 'none' },
  },
});

/** On a phone the bar's icon buttons sit a little closer (36 px targets), so "Pivotal Flow" is not cut short. */
const closerOnPhone = (theme: Theme) => ({ [theme.breakpoints.down('sm')]: { '& .MuiIconButton-root': { p: 0.75 } } });

const AppTopBar = () => {
  const t = useT();
  return (
    <AppBar
      sx={closerOnPhone}
      userMenu={<AccountMenu />}
      toolbar={
        <>
          <GlobalSearch />
          <NotificationBell />
          {/* Light or dark: follows the system until the person picks one (kept in the browser). */}
          <ToggleThemeButton />
          {/* English or French: follows the browser until the person picks one (kept in the browser). */}
          <Box component="span" sx={iconOnlyOnPhone}>
            <LocalesMenuButton />
          </Box>
          {/* Its spinner, while anything loads, is named for screen readers (its props go to the spinner). */}
          <LoadingIndicator aria-label={t('app.bar.loading')} />
        </>
      }
    >
      <TitlePortal />
    </AppBar>
  );
};

// react-admin's layout grows to its widest content (`min-width: fit-content`, and a content area
// that is a flex item): a row of tabs or a table made a phone's page scroll sideways. At minWidth 0
// the page keeps the screen's width, and what is wider scrolls in its own box.
// A list's main box is a flex item too, and a table's wrapper did not scroll: with rows, the
// inbox's table made a phone's page 835 px wide at 390.
const contentFitsScreen = { minWidth: 0, '& .RaLayout-content, & .RaList-main': { minWidth: 0 }, '& .RaDataTable-tableWrapper': { overflowX: 'auto' } };

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={AppTopBar} menu={AppMenu} sx={contentFitsScreen}>
    {children}
  </Layout>
);
