// On a narrow screen a list's sidebar of filters is hidden (WaitFilterSidebar shows from `md` up),
// and a filter chosen there, or arriving in a link, would narrow the list with nothing to say so.
// Here, below `md`: a chip for each such filter that is on (its ✕ removes it), and one button that
// clears every filter refining the list, the tab kept.
import ClearIcon from '@mui/icons-material/FilterListOff';
import { Button, Chip, Stack, useMediaQuery, type Theme } from '@mui/material';
import { useListContext } from 'react-admin';
import { humanize } from './humanize';
import type { ListView, ListViews } from './listViews';
import { useT } from '../i18n/useT';

export type ActiveFiltersProps = {
  /** Filters with no input of their own on a narrow screen, by key: what their chips say. */
  hiddenFilters?: Record<string, string>;
  /** The list's tabs: the filter that picks a tab is not cleared. */
  views?: ListViews<ListView>;
};

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

const describe = (label: string, value: unknown) => (value === true ? label : `${label}: ${typeof value === 'string' ? humanize(value) : String(value)}`);

export const ActiveFilters = ({ hiddenFilters = {}, views }: ActiveFiltersProps) => {
  const narrow = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const t = useT();
  if (!narrow) return null;
  const refining = Object.keys(views ? views.refinements(filterValues) : filterValues).filter((key) => isSet(filterValues[key]));
  if (refining.length === 0) return null;
  const without = (keys: string[]) => Object.fromEntries(Object.entries(filterValues).filter(([key]) => !keys.includes(key)));
  const shown = Object.fromEntries(Object.entries(displayedFilters).filter(([key]) => !refining.includes(key)));
  const hidden = refining.filter((key) => key in hiddenFilters);
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      role="group"
      aria-label={t('app.lists.filters_on')}
      data-testid="active-filters"
      sx={{ px: 1, py: 1, flexWrap: 'wrap', alignItems: 'center', borderBottom: 1, borderColor: 'divider' }}
    >
      {hidden.map((key) => {
        const text = describe(hiddenFilters[key]!, filterValues[key]);
        return (
          <Chip
            key={key}
            size="small"
            color="primary"
            variant="outlined"
            label={text}
            onDelete={() => setFilters(without([key]), displayedFilters)}
          />
        );
      })}
      <Button size="small" startIcon={<ClearIcon />} onClick={() => setFilters(without(refining), shown)}>
        {t('app.lists.clear_filters', { smart_count: refining.length })}
      </Button>
    </Stack>
  );
};
