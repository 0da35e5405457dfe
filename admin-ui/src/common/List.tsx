// A page's list (react-admin's <List>) whose changes start from the list's address as it is now.
//
// react-admin reduces each change (sort, filter, page) from the query of the list's last render,
// and writes the result to the address. Between a change reaching the address and the page
// rendering it, that query is stale: a sort clicked then (a tab chosen a moment before, on a slow
// phone or a busy machine) wrote the old filter back, and the tab's filter was lost. Here every
// change first catches up with the address, in the same tick, so react-admin folds them into one.
import { useMemo, type ReactNode } from 'react';
import { ListBase, ListContextProvider, ListView, Loading, useListContext, type ListControllerResult, type ListProps, type RaRecord } from 'react-admin';
import { useLocation } from 'react-router-dom';

type AddressParams = { filter?: object; displayedFilters?: object; sort?: string; order?: 'ASC' | 'DESC'; page?: number; perPage?: number };

const parsed = (json: string | null): object | undefined => {
  if (json === null) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
};

const count = (text: string | null) => (text !== null && /^\d+$/.test(text) ? Number(text) : undefined);

/** The list params in the address now (the hash router's query), when it is this list's page. */
const paramsInAddress = (pathname: string): AddressParams | null => {
  const hash = window.location.hash.replace(/^#/, '');
  const at = hash.indexOf('?');
  if (at < 0 || hash.slice(0, at) !== pathname) return null;
  const query = new URLSearchParams(hash.slice(at + 1));
  const order = query.get('order');
  return {
    filter: parsed(query.get('filter')),
    displayedFilters: parsed(query.get('displayedFilters')),
    sort: query.get('sort') ?? undefined,
    order: order === 'ASC' || order === 'DESC' ? order : undefined,
    page: count(query.get('page')),
    perPage: count(query.get('perPage')),
  };
};

// Both sides come from the same JSON, keys in the same order; a false difference only repeats a filter.
const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

/** Replays onto the render's list what the address has and the render has not caught up with. */
const catchUp = (list: ListControllerResult, pathname: string) => {
  const now = paramsInAddress(pathname);
  if (!now) return;
  if (now.filter && !same(now.filter, list.filterValues)) list.setFilters(now.filter, now.displayedFilters ?? list.displayedFilters);
  if (now.sort && now.order && (now.sort !== list.sort.field || now.order !== list.sort.order)) list.setSort({ field: now.sort, order: now.order });
  if (now.perPage && now.perPage !== list.perPage) list.setPerPage(now.perPage);
  if (now.page && now.page !== list.page) list.setPage(now.page);
};

const FromAddress = ({ children }: { children: ReactNode }) => {
  const list = useListContext();
  const { pathname } = useLocation();
  const value = useMemo<ListControllerResult>(() => {
    const fromAddress =
      <A extends unknown[]>(change: (...args: A) => void) =>
      (...args: A) => {
        catchUp(list, pathname);
        change(...args);
      };
    return {
      ...list,
      setFilters: (filter, displayedFilters, debounce) =>
        // A debounced change (typing in a filter box) runs later, from react-admin's own closure.
        debounce ? list.setFilters(filter, displayedFilters, debounce) : fromAddress(list.setFilters)(filter, displayedFilters),
      setSort: fromAddress(list.setSort),
      setPage: fromAddress(list.setPage),
      setPerPage: fromAddress(list.setPerPage),
      showFilter: fromAddress(list.showFilter),
      hideFilter: fromAddress(list.hideFilter),
    };
  }, [list, pathname]);
  return <ListContextProvider value={value}>{children}</ListContextProvider>;
};

/** react-admin's <List>, for a page whose list lives in the address. */
export const List = <R extends RaRecord>({
  debounce,
  exporter,
  filter,
  filterDefaultValues,
  perPage = 10,
  queryOptions,
  resource,
  sort,
  storeKey,
  ...view
}: ListProps<R>) => (
  <ListBase<R>
    debounce={debounce}
    exporter={exporter}
    filter={filter}
    filterDefaultValues={filterDefaultValues}
    perPage={perPage}
    queryOptions={queryOptions}
    resource={resource}
    sort={sort}
    storeKey={storeKey}
    authLoading={<Loading />}
    // As react-admin's <List>: its view shows being offline.
    offline={false}
  >
    <FromAddress>
      <ListView<R> {...view} />
    </FromAddress>
  </ListBase>
);
