import CommentIcon from '@mui/icons-material/ChatBubbleOutlineOutlined';
import { Avatar, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { v4 as uuidv4 } from 'uuid';
import { EmptyState } from '../common/EmptyState';
import { RelativeTime } from '../common/RelativeTime';
import { SectionCard } from '../common/SectionCard';
import { useCommand } from '../common/useCommand';
import type { TaskComment, TaskDetail } from '../types';
import { useT } from '../i18n/useT';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((w) => w.charAt(0))
    .join('')
    .slice(0, 2)
    .toUpperCase();

const CommentItem = ({ comment }: { comment: TaskComment }) => (
  <Stack direction="row" spacing={1.5}>
    <Avatar sx={{ width: 32, height: 32, fontSize: 14 }}>{initials(comment.author.name)}</Avatar>
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="body2">
        <strong>{comment.author.name}</strong>{' '}
        <Typography component="span" variant="caption" color="text.secondary">
          <RelativeTime date={comment.createdAt} />
        </Typography>
      </Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {comment.body}
      </Typography>
    </Box>
  </Stack>
);

const AddCommentForm = ({ taskId }: { taskId: string }) => {
  const { run, pending } = useCommand();
  const [body, setBody] = useState('');
  // One id per draft: sending the same draft twice (a double click, a retry) stores it once.
  const [draftId, setDraftId] = useState(() => uuidv4());

  const t = useT();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await run((api) => api.commentOnTask(taskId, { id: draftId, body: body.trim() }))).ok) {
      setBody('');
      setDraftId(uuidv4());
    }
  };

  return (
    <Box component="form" onSubmit={submit}>
      <TextField
        label={t('app.task.add_comment')}
        name="comment"
        multiline
        minRows={2}
        fullWidth
        value={body}
        onChange={(e) => setBody(e.target.value)}
      />
      <Box sx={{ mt: 1, textAlign: 'right' }}>
        <Button type="submit" variant="contained" size="small" disabled={pending || !body.trim()}>
          {t('app.task.comment')}
        </Button>
      </Box>
    </Box>
  );
};

export const TaskComments = ({ task }: { task: TaskDetail }) => {
  const t = useT();
  return (
    <SectionCard title={t('app.task.comments')}>
      <Stack spacing={2}>
        {task.comments.length === 0 ? (
          <EmptyState icon={<CommentIcon />} title={t('app.task.comments_empty')}>
            {task.actions.comment ? t('app.task.comments_hint') : undefined}
          </EmptyState>
        ) : (
          task.comments.map((comment) => <CommentItem key={comment.id} comment={comment} />)
        )}
        {task.actions.comment && <AddCommentForm taskId={task.id} />}
      </Stack>
    </SectionCard>
  );
};
