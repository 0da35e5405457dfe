import MilestoneIcon from '@mui/icons-material/Flag';
import { Box, Typography } from '@mui/material';
import { DataTable } from 'react-admin';
import { EmptyState } from '../../common/EmptyState';
import { Money } from '../../common/money';
import { DueDate, RelativeTime } from '../../common/RelativeTime';
import { SectionCard, sectionTableSx } from '../../common/SectionCard';
import { StatusChip } from '../../common/StatusChip';
import { useTNodes } from '../../i18n/interpolate';
import { useT } from '../../i18n/useT';
import type { Milestone, MilestoneReview } from '../../types';

const Column = DataTable.Col<Milestone>;

const DECISIONS = {
  accepted: { label: 'app.project.accepted', color: 'success.main' },
  revisions: { label: 'app.project.revisions', color: 'warning.dark' },
} as const;

const isLate = (milestone: Milestone) => milestone.status !== 'ACCEPTED' && Date.parse(milestone.dueAt) < Date.now();

/** One review round: what the customer answered and said, and when it went to them and came back. */
const ReviewRound = ({ review }: { review: MilestoneReview }) => {
  const decision = review.decision ? DECISIONS[review.decision] : undefined;
  const t = useT();
  const tx = useTNodes();
  return (
    <Box sx={{ borderLeft: 2, borderColor: 'divider', pl: 1, mt: 0.5 }} data-testid={`review-round-${review.round}`}>
      <Typography variant="body2">
        {t('app.project.round', { round: review.round })} ·{' '}
        <Box component="span" sx={{ color: decision?.color ?? 'text.secondary', fontWeight: 500 }}>
          {t(decision?.label ?? 'app.project.with_customer')}
        </Box>
      </Typography>
      {review.comments && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          “{review.comments}”
        </Typography>
      )}
      <Typography variant="caption" component="div" color="text.secondary">
        {tx('app.project.submitted', { when: <RelativeTime date={review.submittedAt} /> })}
        {review.decidedAt && (
          <>
            {' · '}
            {tx('app.project.answered', { when: <RelativeTime date={review.decidedAt} /> })}
          </>
        )}
      </Typography>
    </Box>
  );
};

const MilestoneCell = ({ milestone }: { milestone: Milestone }) => (
  <>
    <Typography variant="body2" sx={{ fontWeight: 500 }}>
      {milestone.title}
    </Typography>
    {milestone.reviews.map((review) => (
      <ReviewRound key={review.id} review={review} />
    ))}
  </>
);

/** The project's milestones in order, each with its review rounds with the customer. */
export const MilestonesSection = ({ milestones, currency }: { milestones: Milestone[]; currency: string | undefined }) => {
  const t = useT();
  return (
    <SectionCard title={t('app.project.milestones')} flush>
      <DataTable
        data={milestones}
        rowClick={false}
        bulkActionButtons={false}
        empty={<EmptyState icon={<MilestoneIcon />} dense title={t('app.project.no_milestones')} />}
        sx={sectionTableSx}
      >
        <Column source="position" label="#" />
        <Column source="title" label={t('app.project.milestone')} render={(m) => <MilestoneCell milestone={m} />} />
        <Column source="amountMinor" label={t('app.project.amount')} align="right" render={(m) => <Money minor={m.amountMinor} currency={currency} />} />
        <Column source="dueAt" label={t('app.project.due')} render={(m) => <DueDate date={m.dueAt} late={isLate(m)} settled={m.status === 'ACCEPTED'} />} />
        <Column source="status" label={t('app.project.status')} render={(m) => <StatusChip status={m.status} />} />
      </DataTable>
    </SectionCard>
  );
};
