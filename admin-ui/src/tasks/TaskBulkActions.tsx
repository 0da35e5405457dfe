// A manager's bulk action on the inbox: reassign the selected tasks to a person, or back to their
// queues, with a reason on each journey's trail. Each task is checked on its own (a person who does
// not work a task's queue is refused for that task, and it stays selected with why).
import ReassignIcon from '@mui/icons-material/SwitchAccount';
import { Alert, Button, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { BulkReasonDialog } from '../common/BulkReasonDialog';
import { useUsers } from '../common/useUserNames';
import type { Task } from '../types';

const BACK_TO_QUEUE = '';

const ReassignDialog = ({ onClose }: { onClose: () => void }) => {
  const { data: users, isPending, error } = useUsers();
  const [assignee, setAssignee] = useState(BACK_TO_QUEUE);
  const person = users?.find((u) => u.id === assignee);
  return (
    <BulkReasonDialog<Task>
      title="Reassign"
      noun={['task', 'tasks']}
      nameOf={(task) => task.title}
      ready={!isPending && !error}
      confirm={person ? `Assign to ${person.name}` : 'Hand back to their queues'}
      done={(n) => `${n} task${n === 1 ? '' : 's'} ${person ? `assigned to ${person.name}` : 'handed back to their queues'}`}
      command={(api, id, reason) => api.assignTask(String(id), person?.id ?? null, reason)}
      onClose={onClose}
    >
      {error ? (
        <Alert severity="error">The list of people could not be loaded.</Alert>
      ) : (
        <TextField
          select
          label="Assign to"
          value={isPending ? BACK_TO_QUEUE : assignee}
          onChange={(e) => setAssignee(e.target.value)}
          disabled={isPending}
          helperText="Someone who works each task's queue, or a manager"
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value={BACK_TO_QUEUE}>
            <em>Nobody: back to their queues</em>
          </MenuItem>
          {(users ?? [])
            .filter((u) => u.active)
            .map((u) => (
              <MenuItem key={u.id} value={u.id}>
                {u.name} · {u.roles.join(', ')}
              </MenuItem>
            ))}
        </TextField>
      )}
    </BulkReasonDialog>
  );
};

export const TaskBulkActions = () => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" startIcon={<ReassignIcon />} onClick={() => setOpen(true)}>
        Reassign
      </Button>
      {open && <ReassignDialog onClose={() => setOpen(false)} />}
    </>
  );
};
