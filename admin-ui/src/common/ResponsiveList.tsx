// A list's records as a table on wider screens and, on a phone, as a compact list: one block a
// record (react-admin's SimpleList pattern), each a real link to the page its table row opens, so
// nothing is wider than the screen. Above either, on narrow screens, the filters that are on.
import { Box, List as MuiList, ListItem, ListItemButton, Skeleton, Stack, Typography, useMediaQuery, type SxProps, type Theme } from '@mui/material';
import type { ReactElement, ReactNode } from 'react';
import { LinkBase, RecordContextProvider, useCreatePath, useListContext, useResourceContext, type RaRecord } from 'react-admin';
import { ActiveFilters, type ActiveFiltersProps } from './ActiveFilters';

/** Below MUI's `sm` breakpoint (600 px): a phone held upright. */
export const useIsPhone = () => useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));

export type CompactListProps<R extends RaRecord> = {
  /** Where a record leads: its show page unless said otherwise. */
  to?: (record: R) => string;
  /** The record's name: what the table's first column says. */
  primary: (record: R) => ReactNode;
  /** At the right of the name: an amount, a time. */
  tertiary?: (record: R) => ReactNode;
  /** Under the name: what else the table's row tells in words. */
  secondary?: (record: R) => ReactNode;
  /** Under that: the row's chips (status, due, waits). */
  chips?: (record: R) => ReactNode;
  rowSx?: (record: R) => SxProps<Theme>;
  empty: ReactNode;
};

const CompactRow = <R extends RaRecord>({ record, to, primary, tertiary, secondary, chips, rowSx }: Omit<CompactListProps<R>, 'empty'> & { record: R }) => {
  const resource = useResourceContext();
  const createPath = useCreatePath();
  const path = to ? to(record) : createPath({ resource, id: record.id, type: 'show' });
  const chipRow = chips?.(record);
  return (
    <ListItem disablePadding divider>
      <ListItemButton component={LinkBase} to={path} sx={{ alignItems: 'flex-start', py: 1.25, ...rowSx?.(record) } as SxProps<Theme>}>
        <Box sx={{ minWidth: 0, flex: 1 }}>
          <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
            <Typography variant="body2" sx={{ fontWeight: 500, overflowWrap: 'anywhere', minWidth: 0 }}>
              {primary(record)}
            </Typography>
            {tertiary && (
              <Typography variant="body2" component="div" sx={{ flexShrink: 0, textAlign: 'right' }}>
                {tertiary(record)}
              </Typography>
            )}
          </Stack>
          {secondary && (
            <Typography variant="caption" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
              {secondary(record)}
            </Typography>
          )}
          {chipRow && (
            <Stack direction="row" spacing={0.5} useFlexGap sx={{ mt: 0.75, flexWrap: 'wrap', alignItems: 'center', '& .MuiChip-root': { maxWidth: '100%' } }}>
              {chipRow}
            </Stack>
          )}
        </Box>
      </ListItemButton>
    </ListItem>
  );
};

/** The list's page of records, one compact block each. */
export const CompactList = <R extends RaRecord>({ empty, ...row }: CompactListProps<R>) => {
  const { data, isPending } = useListContext<R>();
  if (isPending) {
    return (
      <Stack spacing={1} sx={{ p: 2 }} aria-busy="true">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} variant="rounded" height={56} />
        ))}
      </Stack>
    );
  }
  if (!data?.length) return <>{empty}</>;
  return (
    <MuiList disablePadding data-testid="compact-list">
      {data.map((record) => (
        <RecordContextProvider key={record.id} value={record}>
          <CompactRow record={record} {...row} />
        </RecordContextProvider>
      ))}
    </MuiList>
  );
};

/**
 * The table (`children`) or, on a phone, the compact list (`phone`); on narrow screens, above
 * them, the filters that are on and a button to clear them (ActiveFilters).
 */
export const ResponsiveList = ({ phone, children, ...filters }: { phone: ReactElement; children: ReactElement } & ActiveFiltersProps) => (
  <>
    <ActiveFilters {...filters} />
    {useIsPhone() ? phone : children}
  </>
);
