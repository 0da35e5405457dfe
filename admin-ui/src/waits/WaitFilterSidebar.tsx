// "Waiting on a signature for more than 3 days", "overdue tasks of the finance queue": the
// waiting-on filters, combinable with a click each, for the journey list and the waits list.
import KindIcon from '@mui/icons-material/HourglassTop';
import WhoIcon from '@mui/icons-material/Group';
import LongIcon from '@mui/icons-material/History';
import LateIcon from '@mui/icons-material/AlarmOn';
import { Card, CardContent } from '@mui/material';
import { FilterList, FilterListItem, SavedQueriesList } from 'react-admin';
import { useRoleLabel } from '../common/useRoleLabel';
import { translateNow } from '../i18n/i18nProvider';
import { useT } from '../i18n/useT';
import { WAIT_KINDS } from '../types';
import { WAIT_ICONS, useWaitKindLabel } from './waitFields';

const WAITING_FOR = ['sales', 'pm', 'finance', 'support', 'support_lead', 'success', 'manager', 'customer'] as const;

/** Each choice in its unit's words: "an hour", "3 days". */
const WAITING_LONGER_THAN = [
  { unit: 'hours', count: 1, hours: 1 },
  { unit: 'days', count: 1, hours: 24 },
  { unit: 'days', count: 3, hours: 72 },
  { unit: 'weeks', count: 1, hours: 168 },
  { unit: 'weeks', count: 2, hours: 336 },
] as const;

/**
 * The sidebar's filters, named for the chips that show them where the sidebar is hidden (ActiveFilters).
 * Getters, read as the chips are drawn: in the UI's language of the moment.
 */
export const WAIT_FILTER_LABELS = {
  get waitingOn() {
    return translateNow('app.waits_sidebar.waiting_on');
  },
  get waitingFor() {
    return translateNow('app.waits_sidebar.waiting_for');
  },
  get waitingLongerThanHours() {
    return translateNow('app.waits_sidebar.longer_than_hours');
  },
  get waitOverdue() {
    return translateNow('app.waits_sidebar.past_deadline_chip');
  },
};

export const WaitFilterSidebar = () => {
  const t = useT();
  const kindLabel = useWaitKindLabel();
  const roleLabel = useRoleLabel();
  return (
    <Card sx={{ order: -1, mr: 2, mt: 2, width: 220, flexShrink: 0, display: { xs: 'none', md: 'block' }, alignSelf: 'flex-start' }}>
      <CardContent sx={{ px: 0, '&:last-child': { pb: 1 } }}>
        <SavedQueriesList />
        <FilterList label={t('app.waits_sidebar.waiting_on')} icon={<KindIcon />}>
          {WAIT_KINDS.map((kind) => (
            <FilterListItem key={kind} label={kindLabel(kind)} value={{ waitingOn: kind }} icon={WAIT_ICONS[kind]} />
          ))}
        </FilterList>
        <FilterList label={t('app.waits_sidebar.waiting_for')} icon={<WhoIcon />}>
          {WAITING_FOR.map((who) => (
            <FilterListItem key={who} label={roleLabel(who)} value={{ waitingFor: who }} />
          ))}
        </FilterList>
        <FilterList label={t('app.waits_sidebar.longer_than')} icon={<LongIcon />}>
          {WAITING_LONGER_THAN.map(({ unit, count, hours }) => (
            <FilterListItem key={hours} label={t(`app.waits_sidebar.durations.${unit}`, { smart_count: count })} value={{ waitingLongerThanHours: hours }} />
          ))}
        </FilterList>
        <FilterList label={t('app.waits_sidebar.deadline')} icon={<LateIcon />}>
          <FilterListItem label={t('app.waits_sidebar.past_deadline')} value={{ waitOverdue: true }} />
        </FilterList>
      </CardContent>
    </Card>
  );
};
