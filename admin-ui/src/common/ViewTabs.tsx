import { Badge, Stack, Tab, Tabs } from '@mui/material';
import type { ReactNode } from 'react';
import { useListContext } from 'react-admin';
import { EmptyState } from './EmptyState';
import type { ListView, ListViews } from './listViews';
import { currentSavedView, SavedViewActions, SavedViewTab, savedTabValue, useSavedViews } from './SavedViews';
import { useCount } from './useCount';
import type { Catalogue } from '../i18n/en';
import { useT } from '../i18n/useT';

const ViewTab = ({ view, refinements, refreshMs, ...tabProps }: { view: ListView; refinements: object; refreshMs?: number; value: string }) => {
  const { resource } = useListContext();
  const { total } = useCount(resource, { ...refinements, ...view.filter }, refreshMs);
  const t = useT();
  return (
    <Tab
      {...tabProps}
      label={
        <Badge badgeContent={total} color="primary" max={999} showZero sx={{ '& .MuiBadge-badge': { right: -14 } }}>
          {t(view.label)}
        </Badge>
      }
      sx={{ pr: 4 }}
    />
  );
};

/**
 * A list's tabs, each with how many records it holds under the current refinements, then the
 * person's saved views and those shared with them (common/SavedViews.tsx); `children` go on the
 * right, before "Save view".
 */
export const ViewTabs = <V extends ListView>({
  views,
  shown = views.all,
  refreshMs,
  children,
}: {
  views: ListViews<V>;
  /** The tabs this person gets, when some are not for everyone. */
  shown?: V[];
  refreshMs?: number;
  children?: ReactNode;
}) => {
  const { filterValues, displayedFilters, setFilters, sort, setSort, resource } = useListContext();
  const saved = useSavedViews(resource);
  const selected = views.current(filterValues);
  const savedOn = currentSavedView(saved, filterValues, sort);
  const refinements = views.refinements(filterValues);
  const select = (id: string) => {
    const view = shown.find((v) => v.id === id);
    if (view) setFilters({ ...refinements, ...view.filter }, displayedFilters);
    // A saved view is the whole filter (its filters' inputs shown) and its sort.
    const mine = saved.find((v) => savedTabValue(v) === id);
    if (mine) {
      setFilters(mine.filter, { ...displayedFilters, ...Object.fromEntries(Object.keys(mine.filter).map((key) => [key, true])) });
      if (mine.sort) setSort(mine.sort);
    }
  };
  const value = savedOn ? savedTabValue(savedOn) : selected && shown.includes(selected) ? selected.id : false;
  return (
    <Stack
      direction="row"
      useFlexGap
      sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', borderBottom: 1, borderColor: 'divider', px: 1 }}
    >
      {/* Scrollable: on a phone the tabs slide sideways instead of widening the page. Their row's
          width must not count as the list's own (a flex item grows to it): contained, they take
          the room there is; at least 16rem of it, so on a phone the actions wrap below them. */}
      <Tabs
        value={value}
        onChange={(_e, id: string) => select(id)}
        variant="scrollable"
        scrollButtons={false}
        sx={{ flex: '1 1 16rem', minWidth: 0, maxWidth: '100%', contain: 'inline-size' }}
      >
        {shown.map((view) => (
          <ViewTab key={view.id} value={view.id} view={view} refinements={refinements} refreshMs={refreshMs} />
        ))}
        {saved.map((view) => (
          <SavedViewTab key={view.id} value={savedTabValue(view)} view={view} refreshMs={refreshMs} />
        ))}
      </Tabs>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        {children}
        <SavedViewActions current={savedOn} />
      </Stack>
    </Stack>
  );
};

/** What an empty tab says: its own words, or that the refinements hide everything. */
export const ViewEmpty = <V extends ListView>({ views, icon, noun }: { views: ListViews<V>; icon: ReactNode; noun: keyof Catalogue['app']['empty_list']['nouns'] }) => {
  const { filterValues } = useListContext();
  const t = useT();
  const view = views.current(filterValues);
  const refined = Object.keys(views.refinements(filterValues)).length > 0;
  const things = { noun: t(`app.empty_list.nouns.${noun}`) };
  return (
    <EmptyState icon={icon} title={refined ? t('app.empty_list.refined', things) : view ? t(view.empty.title) : t('app.empty_list.none', things)}>
      {refined ? t('app.empty_list.clear_a_filter') : view && t(view.empty.hint)}
    </EmptyState>
  );
};
