import TimeIcon from '@mui/icons-material/Schedule';
import { Typography } from '@mui/material';
import { DataTable, Link } from 'react-admin';
import { timeAmount } from '../../../../workflows/billing/billing-math';
import { EmptyState } from '../../common/EmptyState';
import { formatMoney, Money } from '../../common/money';
import { calendarDate } from '../../common/RelativeTime';
import { SectionCard, sectionTableSx } from '../../common/SectionCard';
import { useUserNames } from '../../common/useUserNames';
import { journeyPath } from '../journeyFields';
import type { Project, TimeEntry } from '../../types';

const Column = DataTable.Col<TimeEntry>;

const hours = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** The invoice that billed the entry, as a link to its billing journey. */
const Billed = ({ entry, project }: { entry: TimeEntry; project: Project }) => {
  const invoice = project.invoices.find((i) => i.id === entry.invoiceId);
  if (!entry.invoiceId) {
    return (
      <Typography variant="body2" color="text.secondary">
        not yet
      </Typography>
    );
  }
  return invoice ? <Link to={journeyPath(invoice.journeyId)}>{invoice.number}</Link> : <>billed</>;
};

/** Hours worked per milestone, billed at their rate on the invoice that covers the milestone. */
export const TimeEntriesSection = ({ project, currency }: { project: Project; currency: string | undefined }) => {
  const userName = useUserNames();
  const milestone = (id: string) => project.milestones.find((m) => m.id === id);
  return (
    <SectionCard title="Time" flush>
      <DataTable
        data={project.timeEntries}
        rowClick={false}
        bulkActionButtons={false}
        empty={
          <EmptyState icon={<TimeIcon />} dense title="No time recorded">
            Hours recorded on a milestone are billed with it.
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
                Milestone {milestone(e.milestoneId)?.position ?? '?'} · {userName(e.userId) ?? 'someone'}
              </Typography>
            </>
          )}
        />
        <Column source="minutes" label="Hours" align="right" render={(e) => hours.format(e.minutes / 60)} />
        <Column
          source="rateMinor"
          label="Rate"
          align="right"
          cellSx={() => ({ whiteSpace: 'nowrap' })}
          render={(e) => `${formatMoney(e.rateMinor, currency)}/h`}
        />
        <Column label="Amount" align="right" render={(e) => <Money minor={timeAmount(e.minutes, e.rateMinor)} currency={currency} />} />
        <Column source="invoiceId" label="Billed on" render={(e) => <Billed entry={e} project={project} />} />
      </DataTable>
    </SectionCard>
  );
};
