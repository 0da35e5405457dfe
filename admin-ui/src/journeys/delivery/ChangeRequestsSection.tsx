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
import { useTNodes } from '../../i18n/interpolate';
import { useT } from '../../i18n/useT';
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
  const t = useT();
  const tx = useTNodes();
  return (
    <>
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        {change.title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
        {change.description}
      </Typography>
      <Note who={t('app.project.finance')} text={change.financeNotes} />
      <Note who={t('app.project.customer')} text={change.customerComments} />
      <Typography variant="caption" color="text.secondary">
        {tx('app.project.raised_by', { when: <RelativeTime date={change.createdAt} /> }, { name: userName(change.raisedBy) ?? t('app.project.someone') })}
      </Typography>
    </>
  );
};

/** Scope changes with their cost and delay: finance approves them, then the customer; an approved one makes a new quote version. */
export const ChangeRequestsSection = ({ changes, currency, action }: { changes: ChangeRequest[]; currency: string | undefined; action?: ReactNode }) => {
  const t = useT();
  return (
    <SectionCard title={t('app.project.changes')} flush action={action}>
      <DataTable
        data={changes}
        rowClick={false}
        bulkActionButtons={false}
        empty={
          <EmptyState icon={<ChangeIcon />} dense title={t('app.project.no_changes')}>
            {t('app.project.no_changes_hint')}
          </EmptyState>
        }
        sx={sectionTableSx}
      >
        <Column source="number" label="#" />
        <Column source="title" label={t('app.project.change')} render={(c) => <ChangeCell change={c} />} />
        <Column source="costMinor" label={t('app.project.cost')} align="right" render={(c) => <Money minor={c.costMinor} currency={currency} />} />
        <Column source="days" label={t('app.project.delay')} align="right" cellSx={() => ({ whiteSpace: 'nowrap' })} render={(c) => t('app.project.days', { smart_count: c.days })} />
        <Column source="status" label={t('app.project.status')} render={(c) => <StatusChip status={c.status} />} />
        <Column source="quoteVersion" label={t('app.project.quote')} render={(c) => (c.quoteVersion ? `v${c.quoteVersion}` : '—')} />
      </DataTable>
    </SectionCard>
  );
};
