// Managers hand a task to someone who works its queue (or the queue it was escalated from), to
// another manager, or back to the queue.
import ReassignIcon from '@mui/icons-material/SwitchAccount';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { useCommand } from '../common/useCommand';
import { NOBODY, PersonSelect, usePerson } from '../common/PersonSelect';
import { useUsers } from '../common/useUserNames';
import { apiFieldErrors } from '../dataProvider';
import type { Task, User } from '../types';
import { useT } from '../i18n/useT';

/** Who the API accepts as holder: active people of the task's queue or the one it came from, and managers. */
const canHold = (task: Task) => (user: User) =>
  user.active && user.roles.some((r) => r === task.role || r === task.originalRole || r === 'manager');

const ReassignDialog = ({ task, onClose }: { task: Task; onClose: () => void }) => {
  const { isPending } = useUsers();
  const { run, pending } = useCommand();
  const [assignee, setAssignee] = useState(task.assignee ?? NOBODY);
  const [fieldError, setFieldError] = useState<string>();
  const chosen = usePerson(assignee);
  const t = useT();

  const save = async () => {
    const outcome = await run(
      (api) => api.assignTask(task.id, chosen?.id ?? null),
      chosen ? t('app.task.assigned_to', { name: chosen.name }) : t('app.task.handed_back'),
    );
    if (outcome.ok) onClose();
    else setFieldError(apiFieldErrors(outcome.error).find((f) => f.field === 'assignee')?.message);
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <DialogTitle>{t('app.task.reassign_title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{task.title}</DialogContentText>
        <PersonSelect
          label={t('app.task.assign_to')}
          value={assignee}
          onChange={(id) => {
            setAssignee(id);
            setFieldError(undefined);
          }}
          eligible={canHold(task)}
          nobody={t('app.task.nobody_back', { role: task.role })}
          helperText={t('app.task.queue_people', { role: task.originalRole ?? task.role })}
          error={fieldError}
          withRoles
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('app.common.cancel')}</Button>
        <Button variant="contained" onClick={save} disabled={pending || isPending || assignee === (task.assignee ?? NOBODY)}>
          {t('app.task.reassign')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

export const ReassignButton = ({ task }: { task: Task }) => {
  const [open, setOpen] = useState(false);
  const t = useT();
  return (
    <>
      <Button variant="outlined" startIcon={<ReassignIcon />} onClick={() => setOpen(true)}>
        {t('app.task.reassign')}
      </Button>
      {open && <ReassignDialog task={task} onClose={() => setOpen(false)} />}
    </>
  );
};
