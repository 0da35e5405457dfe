// "Waiting on a signature for more than 3 days", "overdue tasks of the finance queue": the
// waiting-on filters, combinable with a click each, for the journey list and the waits list.
import KindIcon from '@mui/icons-material/HourglassTop';
import WhoIcon from '@mui/icons-material/Group';
import LongIcon from '@mui/icons-material/History';
import LateIcon from '@mui/icons-material/AlarmOn';
import { Card, CardContent } from '@mui/material';
import { FilterList, FilterListItem, SavedQueriesList } from 'react-admin';
import { WAIT_KINDS } from '../types';
import { WAIT_ICONS } from './waitFields';

const WAITING_FOR = ['sales', 'pm', 'finance', 'support', 'support_lead', 'success', 'manager', 'customer'];

const WAITING_LONGER_THAN = [
  { label: 'an hour', hours: 1 },
  { label: 'a day', hours: 24 },
  { label: '3 days', hours: 72 },
  { label: 'a week', hours: 168 },
  { label: '2 weeks', hours: 336 },
];

/** The sidebar's filters, named for the chips that show them where the sidebar is hidden (ActiveFilters). */
export const WAIT_FILTER_LABELS = {
  waitingOn: 'Waiting on',
  waitingFor: 'Waiting for',
  waitingLongerThanHours: 'Waiting longer than (hours)',
  waitOverdue: 'Past its deadline',
};

export const WaitFilterSidebar = () => (
  <Card sx={{ order: -1, mr: 2, mt: 2, width: 220, flexShrink: 0, display: { xs: 'none', md: 'block' }, alignSelf: 'flex-start' }}>
    <CardContent sx={{ px: 0, '&:last-child': { pb: 1 } }}>
      <SavedQueriesList />
      <FilterList label="Waiting on" icon={<KindIcon />}>
        {WAIT_KINDS.map((kind) => (
          <FilterListItem key={kind} label={kind} value={{ waitingOn: kind }} icon={WAIT_ICONS[kind]} />
        ))}
      </FilterList>
      <FilterList label="Waiting for" icon={<WhoIcon />}>
        {WAITING_FOR.map((who) => (
          <FilterListItem key={who} label={who} value={{ waitingFor: who }} />
        ))}
      </FilterList>
      <FilterList label="Waiting longer than" icon={<LongIcon />}>
        {WAITING_LONGER_THAN.map(({ label, hours }) => (
          <FilterListItem key={hours} label={label} value={{ waitingLongerThanHours: hours }} />
        ))}
      </FilterList>
      <FilterList label="Deadline" icon={<LateIcon />}>
        <FilterListItem label="past its deadline" value={{ waitOverdue: true }} />
      </FilterList>
    </CardContent>
  </Card>
);
