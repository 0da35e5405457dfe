// A manager's bulk actions on the inbox: reassign the selected tasks to a person, or back to their
// queues, or move their due date, with a reason on each journey's trail. Each task is checked on
// its own (a person who does not work a task's queue, or a ticket on its SLA clock, is refused for
// that task, and it stays selected with why).
import DueIcon from '@mui/icons-material/EditCalendar';
import ReassignIcon from '@mui/icons-material/SwitchAccount';
import { Button } from '@mui/material';
import { useState } from 'react';
import { BulkReasonDialog } from '../common/BulkReasonDialog';
import { exactTime } from '../common/RelativeTime';
import { NOBODY, PersonSelect, usePerson } from '../common/PersonSelect';
import { useUsers } from '../common/useUserNames';
import { useT } from '../i18n/useT';
import type { Task } from '../types';
import { DueDateField, dueDateProblem, dueInstant, nextWorkingDayAt5 } from './DueDateField';

const ReassignDialog = ({ onClose }: { onClose: () => void }) => {
  const { isPending, error } = useUsers();
  const [assignee, setAssignee] = useState(NOBODY);
  const person = usePerson(assignee);
  const t = useT();
  return (
    <BulkReasonDialog<Task>
      title={t('app.task.reassign')}
      count={(n) => t('app.task_bulk.count', { smart_count: n })}
      nameOf={(task) => task.title}
      ready={!isPending && !error}
      confirm={person ? t('app.task_bulk.assign_to', { name: person.name }) : t('app.task_bulk.hand_back')}
      done={(n) => (person ? t('app.task_bulk.assigned', { smart_count: n, name: person.name }) : t('app.task_bulk.handed_back', { smart_count: n }))}
      command={(api, id, reason) => api.assignTask(String(id), person?.id ?? null, reason)}
      maxReason={500}
      onClose={onClose}
    >
      <PersonSelect
        label={t('app.task.assign_to')}
        value={assignee}
        onChange={setAssignee}
        eligible={(u) => u.active}
        nobody={t('app.task_bulk.nobody')}
        helperText={t('app.task_bulk.assignee_hint')}
        withRoles
      />
    </BulkReasonDialog>
  );
};

const DueDialog = ({ onClose }: { onClose: () => void }) => {
  const [due, setDue] = useState(nextWorkingDayAt5);
  const t = useT();
  return (
    <BulkReasonDialog<Task>
      title={t('app.due.change')}
      count={(n) => t('app.task_bulk.count', { smart_count: n })}
      nameOf={(task) => task.title}
      ready={!dueDateProblem(due)}
      confirm={t('app.due.change')}
      done={(n) => t('app.due.done', { smart_count: n, when: exactTime(dueInstant(due)) })}
      command={(api, id, reason) => api.changeTaskDue(String(id), dueInstant(due), reason)}
      maxReason={500}
      onClose={onClose}
    >
      <DueDateField value={due} onChange={setDue} />
    </BulkReasonDialog>
  );
};

export const TaskBulkActions = () => {
  const [open, setOpen] = useState<'reassign' | 'due'>();
  const t = useT();
  return (
    <>
      <Button size="small" startIcon={<ReassignIcon />} onClick={() => setOpen('reassign')}>
        {t('app.task.reassign')}
      </Button>
      <Button size="small" startIcon={<DueIcon />} onClick={() => setOpen('due')}>
        {t('app.due.change')}
      </Button>
      {open === 'reassign' && <ReassignDialog onClose={() => setOpen(undefined)} />}
      {open === 'due' && <DueDialog onClose={() => setOpen(undefined)} />}
    </>
  );
};
