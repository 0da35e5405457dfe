// Taking a task from its queue and giving it back: the first thing people do with a task.
import ClaimIcon from '@mui/icons-material/PanTool';
import ReleaseIcon from '@mui/icons-material/Undo';
import { Button, type ButtonProps } from '@mui/material';
import type { MouseEvent } from 'react';
import { useCommand } from '../common/useCommand';
import type { Task } from '../types';

type HoldButtonProps = { task: Pick<Task, 'id'>; onDone?: () => void } & Pick<ButtonProps, 'variant' | 'size'>;

export const ClaimButton = ({ task, onDone, variant = 'contained', size }: HoldButtonProps) => {
  const { run, pending } = useCommand();
  const claim = async (event: MouseEvent) => {
    event.stopPropagation(); // in a list row, the click is not also a row click
    if ((await run((api) => api.claimTask(task.id), 'Claimed: the task is yours')).ok) onDone?.();
  };
  return (
    <Button variant={variant} size={size} startIcon={<ClaimIcon />} disabled={pending} onClick={claim}>
      Claim
    </Button>
  );
};

export const ReleaseButton = ({ task, variant = 'outlined', size }: HoldButtonProps) => {
  const { run, pending } = useCommand();
  return (
    <Button
      variant={variant}
      size={size}
      startIcon={<ReleaseIcon />}
      disabled={pending}
      onClick={() => run((api) => api.unclaimTask(task.id), 'Released: the task is back in its queue')}
    >
      Release to queue
    </Button>
  );
};
