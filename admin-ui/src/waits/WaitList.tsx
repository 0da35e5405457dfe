// The waiting-on index itself: every open wait of every journey, longest waiting first.
import WaitIcon from '@mui/icons-material/HourglassTop';
import { Chip, Stack, Typography } from '@mui/material';
import { DataTable, useListContext, type RowClickFunction } from 'react-admin';
import { List } from '../common/List';
import { EmptyState } from '../common/EmptyState';
import { humanize } from '../common/humanize';
import { ListLoadError } from '../common/LoadError';
import { durationSince, exactTime, relativeTime } from '../common/RelativeTime';
import { CompactList, ResponsiveList } from '../common/ResponsiveList';
import { RowLink } from '../common/RowLink';
import { journeyPath } from '../journeys/journeyFields';
import { useT } from '../i18n/useT';
import type { OpenWait } from '../types';
import { isPastDeadline, useUnblockerLabel, WAIT_ICONS } from './waitFields';
import { WAIT_FILTER_LABELS, WaitFilterSidebar } from './WaitFilterSidebar';

const Column = DataTable.Col<OpenWait>;

const NoWaits = () => {
  const filtered = Object.keys(useListContext().filterValues).length > 0;
  const t = useT();
  return (
    <EmptyState icon={<WaitIcon />} title={filtered ? t('app.empty_list.refined', { noun: t('app.empty_list.nouns.waits') }) : t('app.empty_list.no_waits')}>
      {filtered ? t('app.empty_list.clear_a_filter') : t('app.empty_list.waits_hint')}
    </EmptyState>
  );
};

const DeadlineChip = ({ wait }: { wait: OpenWait }) =>
  wait.deadline ? (
    <Chip
      size="small"
      title={exactTime(wait.deadline)}
      label={relativeTime(wait.deadline)}
      color={isPastDeadline(wait) ? 'error' : 'default'}
      variant={isPastDeadline(wait) ? 'filled' : 'outlined'}
    />
  ) : (
    <Typography variant="body2" color="text.secondary">
      none
    </Typography>
  );

const WaitDescription = ({ wait }: { wait: OpenWait }) => (
  <Stack direction="row" spacing={1} sx={{ alignItems: 'center', '& .MuiSvgIcon-root': { color: 'text.secondary' } }}>
    {WAIT_ICONS[wait.kind]}
    <RowLink to={journeyPath(wait.journeyId)}>{wait.description}</RowLink>
  </Stack>
);

const journeyOf = (wait: OpenWait) => `${humanize(wait.journey.kind)} · ${wait.journey.stage}`;

const WaitJourney = ({ wait }: { wait: OpenWait }) => (
  <>
    <Typography variant="body2">{wait.journey.customer.companyName}</Typography>
    <Typography variant="caption" color="text.secondary">
      {journeyOf(wait)}
    </Typography>
  </>
);

const UnblockedBy = ({ wait }: { wait: OpenWait }) => <>{useUnblockerLabel()(wait.unblockedBy) ?? '—'}</>;

// A wait's page is its journey's.
const openJourney: RowClickFunction<OpenWait> = (_id, _resource, wait) => journeyPath(wait.journeyId);

/** On a phone: what it waits on, whose journey, for whom, how long, and its deadline. */
const WaitCards = () => (
  <CompactList<OpenWait>
    to={(wait) => journeyPath(wait.journeyId)}
    primary={(wait) => wait.description}
    tertiary={(wait) => durationSince(wait.since)}
    secondary={(wait) => (
      <>
        {wait.journey.customer.companyName} · {journeyOf(wait)} · for <UnblockedBy wait={wait} />
      </>
    )}
    chips={(wait) => (wait.deadline ? <DeadlineChip wait={wait} /> : null)}
    empty={<NoWaits />}
  />
);

export const WaitList = () => (
  <List
    sort={{ field: 'since', order: 'ASC' }}
    perPage={25}
    exporter={false}
    aside={<WaitFilterSidebar />}
    empty={false}
    error={<ListLoadError />}
    queryOptions={{ refetchInterval: 30_000 }}
  >
    <ResponsiveList phone={<WaitCards />} hiddenFilters={WAIT_FILTER_LABELS}>
      <DataTable rowClick={openJourney} bulkActionButtons={false} empty={<NoWaits />}>
        <Column source="kind" render={(wait) => <WaitDescription wait={wait} />} />
        <Column source="journey.customer.companyName" label="app.lists.customer" disableSort render={(wait) => <WaitJourney wait={wait} />} />
        <Column source="unblockedBy" disableSort render={(wait) => <UnblockedBy wait={wait} />} />
        <Column source="since" render={(wait) => durationSince(wait.since)} />
        <Column source="deadline" render={(wait) => <DeadlineChip wait={wait} />} />
      </DataTable>
    </ResponsiveList>
  </List>
);
