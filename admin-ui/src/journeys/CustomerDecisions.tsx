import { Typography } from '@mui/material';
import { DataTable } from 'react-admin';
import { humanize } from '../common/humanize';
import { RelativeTime } from '../common/RelativeTime';
import { SectionCard, sectionTableSx } from '../common/SectionCard';
import { StatusChip } from '../common/StatusChip';
import { useTNodes } from '../i18n/interpolate';
import { useT } from '../i18n/useT';
import type { CustomerDecision } from '../types';

const Column = DataTable.Col<CustomerDecision>;

// "milestone:2:round:1" → "Milestone 2 round 1": which round of what, under the title.
const subjectLabel = (subject: string) => humanize(subject.replaceAll(':', ' '));

// The status names a decision; the free text shows as the quote below: the rest of the answer (a rating, a choice) in a line.
const SHOWN_ELSEWHERE = new Set(['decision', 'comments', 'comment', 'reasons']);
const answerLine = (answer: CustomerDecision['answer']) =>
  Object.entries(answer ?? {})
    .filter(([key]) => !SHOWN_ELSEWHERE.has(key))
    .map(([key, value]) => `${humanize(key)}: ${String(value)}`)
    .join(' · ');

const DecisionCell = ({ decision }: { decision: CustomerDecision }) => {
  const tx = useTNodes();
  return (
    <>
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        {decision.title}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {subjectLabel(decision.subject)}
        {decision.form === 'accept-or-change' ? '' : ` · ${humanize(decision.form).toLowerCase()}`} · {tx('app.decisions.asked', { when: <RelativeTime date={decision.createdAt} /> })}
      </Typography>
      {answerLine(decision.answer) && <Typography variant="body2">{answerLine(decision.answer)}</Typography>}
      {decision.comments && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', borderLeft: 2, borderColor: 'divider', pl: 1, mt: 0.5 }}>
          “{decision.comments}”
        </Typography>
      )}
    </>
  );
};

/** What the journey asked the customer through their signed links, and what they answered. */
export const CustomerDecisions = ({ decisions }: { decisions: CustomerDecision[] }) => {
  const t = useT();
  return (
    <SectionCard title={t('app.decisions.title')} flush>
      <DataTable data={decisions} rowClick={false} bulkActionButtons={false} sx={sectionTableSx}>
        <Column source="title" label={t('app.decisions.decision')} render={(d) => <DecisionCell decision={d} />} />
        <Column source="status" label={t('app.decisions.status')} render={(d) => <StatusChip status={d.status} />} />
        <Column source="decidedAt" label={t('app.decisions.answered')} cellSx={() => ({ whiteSpace: 'nowrap' })} render={(d) => (d.decidedAt ? <RelativeTime date={d.decidedAt} /> : '—')} />
      </DataTable>
    </SectionCard>
  );
};
