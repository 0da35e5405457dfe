import ChangeIcon from '@mui/icons-material/PublishedWithChanges';
import { Box, Typography } from '@mui/material';
import { DataTable } from 'react-admin';
import { EmptyState } from '../../common/EmptyState';
import { Money } from '../../common/money';
import { RelativeTime } from '../../common/RelativeTime';
import { SectionCard, sectionTableSx } from '../../common/SectionCard';
import { StatusChip } from '../../common/StatusChip';
import { useUserNames } from '../../common/useUserNames';
import type { ReactNode } from 'react';
import type { ChangeRequest } from '../../types';

const Column = DataTable.Col<ChangeRequest>;

/** Who said what about it: finance's notes, then the customer's comments. */
const Note = ({ who, text }: { who: string; text: string | null }) =>
  text ? (
    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>
      <Box component="span" sx={{ color: 'text.secondary' }}>
        {who}:
      </Box>{' '}
      {text}
    </Typography>
  ) : null;

const ChangeCell = ({ change }: { change: ChangeRequest }) => {
  const userName = useUserNames();
  return (
    <>
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        {change.title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
        {change.description}
      </Typography>
      <Note who="Finance" text={change.financeNotes} />
      <Note who="Customer" text={change.customerComments} />
      <Typography variant="caption" color="text.secondary">
        Raised by {userName(change.raisedBy) ?? 'someone'} <RelativeTime date={change.createdAt} />
      </Typography>
    </>
  );
};

/** Scope changes with their cost and delay: finance approves them, then the customer; an approved one makes a new quote version. */
export const ChangeRequestsSection = ({ changes, currency, action }: { changes: ChangeRequest[]; currency: string | undefined; action?: ReactNode }) => (
  <SectionCard title="Change requests" flush action={action}>
    <DataTable
      data={changes}
      rowClick={false}
      bulkActionButtons={false}
      empty={
        <EmptyState icon={<ChangeIcon />} dense title="No change requests">
          Project managers raise them when the scope moves.
        </EmptyState>
      }
      sx={sectionTableSx}
    >
      <Column source="number" label="#" />
      <Column source="title" label="Change" render={(c) => <ChangeCell change={c} />} />
      <Column source="costMinor" label="Cost" align="right" render={(c) => <Money minor={c.costMinor} currency={currency} />} />
      <Column source="days" label="Delay" align="right" cellSx={() => ({ whiteSpace: 'nowrap' })} render={(c) => `${c.days} day${c.days === 1 ? '' : 's'}`} />
      <Column source="status" label="Status" render={(c) => <StatusChip status={c.status} />} />
      <Column source="quoteVersion" label="Quote" render={(c) => (c.quoteVersion ? `v${c.quoteVersion}` : '—')} />
    </DataTable>
  </SectionCard>
);
