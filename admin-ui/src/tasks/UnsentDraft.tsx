// Answers typed into a task that was completed (or cancelled) by someone else before they were
// sent: shown beside what happened, to copy, until the person discards them.
import { useState } from 'react';
import { ObjectFacts } from '../common/ObjectFacts';
import { relativeTime } from '../common/RelativeTime';
import { UnsentAlert } from '../common/UnsentAlert';
import { useUserNames } from '../common/useUserNames';
import type { TaskDetail } from '../types';
import { clearDraft, loadDraft } from './taskDrafts';

const asText = (draft: Record<string, unknown>) =>
  Object.entries(draft)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('\n');

export const UnsentDraft = ({ task }: { task: TaskDetail }) => {
  const userName = useUserNames();
  const [draft, setDraft] = useState(() => loadDraft(task.id));
  if (!draft) return null;
  const what =
    task.status === 'COMPLETED'
      ? `${userName(task.completedBy) ?? 'Someone else'} completed this task ${task.completedAt ? relativeTime(task.completedAt) : ''}`
      : task.status === 'CANCELLED'
        ? `This task was cancelled${task.cancelReason ? `: ${task.cancelReason}` : ''}`
        : 'Someone else holds this task now';
  return (
    <UnsentAlert
      title="Your answers were not sent"
      copyText={asText(draft)}
      testId="unsent-draft"
      onDiscard={() => {
        clearDraft(task.id);
        setDraft(undefined);
      }}
    >
      {what}. What you typed is kept here to copy.
      <ObjectFacts value={draft} />
    </UnsentAlert>
  );
};
