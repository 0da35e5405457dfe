// Time worked, as a table in a section: on a project's milestones (billed with each milestone) or
// on a support ticket (billed when it closes, outside the warranty). The caller says what each
// entry was spent on and which invoice billed it.
import TimeIcon from '@mui/icons-material/Schedule';
import { Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { DataTable } from 'react-admin';
import { timeAmount } from '../../../workflows/billing/billing-math';
import { EmptyState } from '../common/EmptyState';
import { formatMoney, Money } from '../common/money';
import { calendarDate } from '../common/RelativeTime';
import { SectionCard, sectionTableSx } from '../common/SectionCard';
import { useUserNames } from '../common/useUserNames';
import { useT } from '../i18n/useT';
import type { TimeEntry } from '../types';

const Column = DataTable.Col<TimeEntry>;

export const hoursFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

const NotYet = () => (
  <Typography variant="body2" color="text.secondary">
    {useT()('app.time.not_yet')}
  </Typography>
);

export const TimeEntriesSection = ({
  entries,
  currency,
  spentOn,
  billedOn,
  emptyHint,
  action,
}: {
  entries: TimeEntry[];
  currency: string | undefined;
  /** What the entry was spent on (a milestone), before who worked; nothing on a ticket's own page. */
  spentOn?: (entry: TimeEntry) => string;
  /** The invoice that billed a billed entry (a link to its journey). */
  billedOn: (entry: TimeEntry) => ReactNode;
  emptyHint: ReactNode;
  /** A button in the section's header (recording time). */
  action?: ReactNode;
}) => {
  const userName = useUserNames();
  const t = useT();
  const total = entries.reduce((sum, e) => sum + timeAmount(e.minutes, e.rateMinor), 0);
  const minutes = entries.reduce((sum, e) => sum + e.minutes, 0);
  return (
    <SectionCard title={entries.length ? t('app.time.title_total', { hours: hoursFormat.format(minutes / 60), amount: formatMoney(total, currency) }) : t('app.time.title')} action={action} flush>
      <DataTable
        data={entries}
        rowClick={false}
        bulkActionButtons={false}
        empty={
          <EmptyState icon={<TimeIcon />} dense title={t('app.time.none')}>
            {emptyHint}
          </EmptyState>
        }
        sx={sectionTableSx}
      >
        <Column source="date" label={t('app.time.date')} cellSx={() => ({ whiteSpace: 'nowrap' })} render={(e) => calendarDate(e.date, { utc: true })} />
        <Column
          source="description"
          label={t('app.time.work')}
          render={(e) => (
            <>
              <Typography variant="body2">{e.description}</Typography>
              <Typography variant="caption" color="text.secondary">
                {[spentOn?.(e), userName(e.userId) ?? t('app.time.someone')].filter(Boolean).join(' · ')}
              </Typography>
            </>
          )}
        />
        <Column source="minutes" label={t('app.time.hours')} align="right" render={(e) => hoursFormat.format(e.minutes / 60)} />
        <Column source="rateMinor" label={t('app.time.rate')} align="right" cellSx={() => ({ whiteSpace: 'nowrap' })} render={(e) => t('app.time.per_hour', { amount: formatMoney(e.rateMinor, currency) })} />
        <Column label={t('app.time.amount')} align="right" render={(e) => <Money minor={timeAmount(e.minutes, e.rateMinor)} currency={currency} />} />
        <Column source="invoiceId" label={t('app.time.billed_on')} render={(e) => (e.invoiceId ? billedOn(e) : <NotYet />)} />
      </DataTable>
    </SectionCard>
  );
};
