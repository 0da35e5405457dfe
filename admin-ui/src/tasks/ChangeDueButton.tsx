// Managers move one task's due date from its page; the journey moves the reminder and escalation
// with it. A ticket on its SLA clock is refused by the journey, and the person is told why.
import DueIcon from '@mui/icons-material/EditCalendar';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { useState } from 'react';
import { ReasonField, tooLong } from '../common/ReasonField';
import { useCommand } from '../common/useCommand';
import { apiFieldErrors } from '../dataProvider';
import { useT } from '../i18n/useT';
import type { Task } from '../types';
import { DueDateField, dueDateProblem, dueInstant, nextWorkingDayAt5 } from './DueDateField';

const MAX_REASON = 500;

const ChangeDueDialog = ({ task, onClose }: { task: Task; onClose: () => void }) => {
  const { run, pending } = useCommand();
  const [due, setDue] = useState(nextWorkingDayAt5);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const t = useT();

  const save = async () => {
    const outcome = await run((api) => api.changeTaskDue(task.id, dueInstant(due), reason.trim() || undefined), t('app.due.changed'));
    if (outcome.ok) onClose();
    else setFieldError(apiFieldErrors(outcome.error).find((f) => f.field === 'dueAt')?.message);
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <DialogTitle>{t('app.due.change')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{task.title}</DialogContentText>
        <Stack spacing={2}>
          <DueDateField
            value={due}
            onChange={(v) => {
              setDue(v);
              setFieldError(undefined);
            }}
            error={fieldError}
          />
          <ReasonField required={false} value={reason} onChange={setReason} max={MAX_REASON} helperText={t('app.due.reason_hint')} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('app.common.cancel')}</Button>
        <Button variant="contained" onClick={save} disabled={pending || !!dueDateProblem(due) || !!tooLong(reason, MAX_REASON)}>
          {t('app.due.change')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

export const ChangeDueButton = ({ task }: { task: Task }) => {
  const [open, setOpen] = useState(false);
  const t = useT();
  return (
    <>
      <Button variant="outlined" startIcon={<DueIcon />} onClick={() => setOpen(true)}>
        {t('app.due.change')}
      </Button>
      {open && <ChangeDueDialog task={task} onClose={() => setOpen(false)} />}
    </>
  );
};
