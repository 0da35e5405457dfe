// Managers hand a task to someone who works its queue (or the queue it was escalated from), to
// another manager, or back to the queue.
import ReassignIcon from '@mui/icons-material/SwitchAccount';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useCommand } from '../common/useCommand';
import { useUsers } from '../common/useUserNames';
import { apiFieldErrors } from '../dataProvider';
import type { Task, User } from '../types';

const BACK_TO_QUEUE = '';

/** Who the API accepts as holder: active people of the task's queue or the one it came from, and managers. */
const canHold = (task: Task) => (user: User) =>
  user.active && user.roles.some((r) => r === task.role || r === task.originalRole || r === 'manager');

const ReassignDialog = ({ task, onClose }: { task: Task; onClose: () => void }) => {
  const { data: users, isPending, error: usersError } = useUsers();
  const { run, pending } = useCommand();
  const [assignee, setAssignee] = useState(task.assignee ?? BACK_TO_QUEUE);
  const [fieldError, setFieldError] = useState<string>();
  const candidates = (users ?? []).filter(canHold(task));

  const save = async () => {
    const chosen = candidates.find((u) => u.id === assignee);
    const outcome = await run(
      (api) => api.assignTask(task.id, chosen?.id ?? null),
      chosen ? `Assigned to ${chosen.name}` : 'Handed back to the queue',
    );
    if (outcome.ok) onClose();
    else setFieldError(apiFieldErrors(outcome.error).find((f) => f.field === 'assignee')?.message);
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <DialogTitle>Reassign task</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{task.title}</DialogContentText>
        {usersError ? (
          <Alert severity="error">The list of people could not be loaded.</Alert>
        ) : (
          <TextField
            select
            fullWidth
            label="Assign to"
            value={isPending ? BACK_TO_QUEUE : assignee}
            onChange={(e) => {
              setAssignee(e.target.value);
              setFieldError(undefined);
            }}
            error={!!fieldError}
            helperText={fieldError ?? `People of the ${task.originalRole ?? task.role} queue, and managers`}
            disabled={isPending}
            // "Nobody" is a choice too: show it rather than an empty box.
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            <MenuItem value={BACK_TO_QUEUE}>
              <em>Nobody: back to the {task.role} queue</em>
            </MenuItem>
            {candidates.map((user) => (
              <MenuItem key={user.id} value={user.id}>
                {user.name} · {user.roles.join(', ')}
              </MenuItem>
            ))}
          </TextField>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={save} disabled={pending || isPending || assignee === (task.assignee ?? BACK_TO_QUEUE)}>
          Reassign
        </Button>
      </DialogActions>
    </Dialog>
  );
};

export const ReassignButton = ({ task }: { task: Task }) => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outlined" startIcon={<ReassignIcon />} onClick={() => setOpen(true)}>
        Reassign
      </Button>
      {open && <ReassignDialog task={task} onClose={() => setOpen(false)} />}
    </>
  );
};
