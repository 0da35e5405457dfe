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
import type { TimeEntry } from '../types';

const Column = DataTable.Col<TimeEntry>;

export const hoursFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

const NotYet = () => (
  <Typography variant="body2" color="text.secondary">
    not yet
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
  const total = entries.reduce((sum, e) => sum + timeAmount(e.minutes, e.rateMinor), 0);
  const minutes = entries.reduce((sum, e) => sum + e.minutes, 0);
  return (
    <SectionCard title={entries.length ? `Time · ${hoursFormat.format(minutes / 60)} h, ${formatMoney(total, currency)}` : 'Time'} action={action} flush>
      <DataTable
        data={entries}
        rowClick={false}
        bulkActionButtons={false}
        empty={
          <EmptyState icon={<TimeIcon />} dense title="No time recorded">
            {emptyHint}
          </EmptyState>
        }
        sx={sectionTableSx}
      >
        <Column source="date" label="Date" cellSx={() => ({ whiteSpace: 'nowrap' })} render={(e) => calendarDate(e.date, { utc: true })} />
        <Column
          source="description"
          label="Work"
          render={(e) => (
            <>
              <Typography variant="body2">{e.description}</Typography>
              <Typography variant="caption" color="text.secondary">
                {[spentOn?.(e), userName(e.userId) ?? 'someone'].filter(Boolean).join(' · ')}
              </Typography>
            </>
          )}
        />
        <Column source="minutes" label="Hours" align="right" render={(e) => hoursFormat.format(e.minutes / 60)} />
        <Column source="rateMinor" label="Rate" align="right" cellSx={() => ({ whiteSpace: 'nowrap' })} render={(e) => `${formatMoney(e.rateMinor, currency)}/h`} />
        <Column label="Amount" align="right" render={(e) => <Money minor={timeAmount(e.minutes, e.rateMinor)} currency={currency} />} />
        <Column source="invoiceId" label="Billed on" render={(e) => (e.invoiceId ? billedOn(e) : <NotYet />)} />
      </DataTable>
    </SectionCard>
  );
};
