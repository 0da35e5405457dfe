// Taking a task from its queue and giving it back: the first thing people do with a task. On the
// task's page, focus goes on from one to the other (taskFocus.tsx).
import ClaimIcon from '@mui/icons-material/PanTool';
import ReleaseIcon from '@mui/icons-material/Undo';
import { Button, type ButtonProps } from '@mui/material';
import { useRef, type MouseEvent } from 'react';
import { useCommand } from '../common/useCommand';
import type { Task } from '../types';
import { useFocusAfter, useRequestFocus } from './taskFocus';
import { useT } from '../i18n/useT';

type HoldButtonProps = { task: Pick<Task, 'id'>; onDone?: () => void } & Pick<ButtonProps, 'variant' | 'size'>;

export const ClaimButton = ({ task, onDone, variant = 'contained', size }: HoldButtonProps) => {
  const { run, pending } = useCommand();
  const requestFocus = useRequestFocus();
  const button = useRef<HTMLButtonElement>(null);
  const t = useT();
  useFocusAfter('released', button);
  const claim = async (event: MouseEvent) => {
    event.stopPropagation(); // in a list row, the click is not also a row click
    if ((await run((api) => api.claimTask(task.id), t('app.task.claimed'))).ok) {
      requestFocus('claimed');
      onDone?.();
    }
  };
  return (
    <Button ref={button} variant={variant} size={size} startIcon={<ClaimIcon />} disabled={pending} onClick={claim}>
      {t('app.task.claim')}
    </Button>
  );
};

/** `formShown`: the page has a form to complete the task, whose first field takes focus after a claim instead. */
export const ReleaseButton = ({ task, variant = 'outlined', size, formShown = false }: HoldButtonProps & { formShown?: boolean }) => {
  const { run, pending } = useCommand();
  const requestFocus = useRequestFocus();
  const button = useRef<HTMLButtonElement>(null);
  const t = useT();
  useFocusAfter('claimed', button, { when: !formShown });
  const release = async () => {
    if ((await run((api) => api.unclaimTask(task.id), t('app.task.released'))).ok) requestFocus('released');
  };
  return (
    <Button ref={button} variant={variant} size={size} startIcon={<ReleaseIcon />} disabled={pending} onClick={release}>
      {t('app.task.release')}
    </Button>
  );
};
