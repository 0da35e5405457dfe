// Answers typed into a task that was completed (or cancelled) by someone else before they were
// sent: shown beside what happened, to copy, until the person discards them.
import CopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, AlertTitle, Button, Stack } from '@mui/material';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { ObjectFacts } from '../common/ObjectFacts';
import { relativeTime } from '../common/RelativeTime';
import { useUserNames } from '../common/useUserNames';
import type { TaskDetail } from '../types';
import { clearDraft, loadDraft } from './taskDrafts';

const asText = (draft: Record<string, unknown>) =>
  Object.entries(draft)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('\n');

export const UnsentDraft = ({ task }: { task: TaskDetail }) => {
  const userName = useUserNames();
  const notify = useNotify();
  const [draft, setDraft] = useState(() => loadDraft(task.id));
  if (!draft) return null;
  const what =
    task.status === 'COMPLETED'
      ? `${userName(task.completedBy) ?? 'Someone else'} completed this task ${task.completedAt ? relativeTime(task.completedAt) : ''}`
      : task.status === 'CANCELLED'
        ? `This task was cancelled${task.cancelReason ? `: ${task.cancelReason}` : ''}`
        : 'Someone else holds this task now';
  const copy = async () => {
    await navigator.clipboard.writeText(asText(draft)).then(
      () => notify('Copied', { type: 'info' }),
      () => notify('Your browser did not allow copying: select the text instead', { type: 'warning' }),
    );
  };
  return (
    <Alert severity="warning" data-testid="unsent-draft">
      <AlertTitle>Your answers were not sent</AlertTitle>
      {what}. What you typed is kept here to copy.
      <ObjectFacts value={draft} />
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Button size="small" startIcon={<CopyIcon />} onClick={copy}>
          Copy
        </Button>
        <Button
          size="small"
          color="inherit"
          onClick={() => {
            clearDraft(task.id);
            setDraft(undefined);
          }}
        >
          Discard
        </Button>
      </Stack>
    </Alert>
  );
};
