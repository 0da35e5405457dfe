import MilestoneIcon from '@mui/icons-material/Flag';
import { Box, Typography } from '@mui/material';
import { DataTable } from 'react-admin';
import { EmptyState } from '../../common/EmptyState';
import { Money } from '../../common/money';
import { DueDate, RelativeTime } from '../../common/RelativeTime';
import { SectionCard, sectionTableSx } from '../../common/SectionCard';
import { StatusChip } from '../../common/StatusChip';
import type { Milestone, MilestoneReview } from '../../types';

const Column = DataTable.Col<Milestone>;

const DECISIONS = {
  accepted: { label: 'accepted', color: 'success.main' },
  revisions: { label: 'revisions requested', color: 'warning.dark' },
} as const;

const isLate = (milestone: Milestone) => milestone.status !== 'ACCEPTED' && Date.parse(milestone.dueAt) < Date.now();

/** One review round: what the customer answered and said, and when it went to them and came back. */
const ReviewRound = ({ review }: { review: MilestoneReview }) => {
  const decision = review.decision ? DECISIONS[review.decision] : undefined;
  return (
    <Box sx={{ borderLeft: 2, borderColor: 'divider', pl: 1, mt: 0.5 }} data-testid={`review-round-${review.round}`}>
      <Typography variant="body2">
        Round {review.round} ·{' '}
        <Box component="span" sx={{ color: decision?.color ?? 'text.secondary', fontWeight: 500 }}>
          {decision?.label ?? 'with the customer'}
        </Box>
      </Typography>
      {review.comments && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          “{review.comments}”
        </Typography>
      )}
      <Typography variant="caption" component="div" color="text.secondary">
        submitted <RelativeTime date={review.submittedAt} />
        {review.decidedAt && (
          <>
            {' · answered '}
            <RelativeTime date={review.decidedAt} />
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
export const MilestonesSection = ({ milestones, currency }: { milestones: Milestone[]; currency: string | undefined }) => (
  <SectionCard title="Milestones" flush>
    <DataTable
      data={milestones}
      rowClick={false}
      bulkActionButtons={false}
      empty={<EmptyState icon={<MilestoneIcon />} dense title="No milestones planned yet" />}
      sx={sectionTableSx}
    >
      <Column source="position" label="#" />
      <Column source="title" label="Milestone" render={(m) => <MilestoneCell milestone={m} />} />
      <Column source="amountMinor" label="Amount" align="right" render={(m) => <Money minor={m.amountMinor} currency={currency} />} />
      <Column source="dueAt" label="Due" render={(m) => <DueDate date={m.dueAt} late={isLate(m)} settled={m.status === 'ACCEPTED'} />} />
      <Column source="status" label="Status" render={(m) => <StatusChip status={m.status} />} />
    </DataTable>
  </SectionCard>
);
