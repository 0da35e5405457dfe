// Answers typed into a task that was completed (or cancelled) by someone else before they were
// sent: shown beside what happened, to copy, until the person discards them.
import { useState } from 'react';
import { ObjectFacts } from '../common/ObjectFacts';
import { relativeTime } from '../common/RelativeTime';
import { UnsentAlert } from '../common/UnsentAlert';
import { useUserNames } from '../common/useUserNames';
import type { TaskDetail } from '../types';
import { clearDraft, loadDraft } from './taskDrafts';
import { useT } from '../i18n/useT';

const asText = (draft: Record<string, unknown>) =>
  Object.entries(draft)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('\n');

export const UnsentDraft = ({ task }: { task: TaskDetail }) => {
  const userName = useUserNames();
  const [draft, setDraft] = useState(() => loadDraft(task.id));
  const t = useT();
  if (!draft) return null;
  const what =
    task.status === 'COMPLETED'
      ? t('app.task.unsent_completed', { name: userName(task.completedBy) ?? t('app.task.someone_else'), when: task.completedAt ? relativeTime(task.completedAt) : '' })
      : task.status === 'CANCELLED'
        ? task.cancelReason
          ? t('app.task.unsent_cancelled_because', { reason: task.cancelReason })
          : t('app.task.unsent_cancelled')
        : t('app.task.unsent_held');
  return (
    <UnsentAlert
      title={t('app.task.unsent_title')}
      copyText={asText(draft)}
      testId="unsent-draft"
      onDiscard={() => {
        clearDraft(task.id);
        setDraft(undefined);
      }}
    >
      {what}. {t('app.task.unsent_kept')}
      <ObjectFacts value={draft} />
    </UnsentAlert>
  );
};
