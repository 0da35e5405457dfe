import TaskIcon from '@mui/icons-material/Assignment';
import SignatureIcon from '@mui/icons-material/Draw';
import PaymentIcon from '@mui/icons-material/Payments';
import ApprovalIcon from '@mui/icons-material/ThumbUpAlt';
import TimerIcon from '@mui/icons-material/Timer';
import SignalIcon from '@mui/icons-material/NotificationsActive';
import ReplyIcon from '@mui/icons-material/Forum';
import { Chip, Tooltip } from '@mui/material';
import type { ReactElement } from 'react';
import { useTranslate } from 'react-admin';
import { durationSince, exactTime } from '../common/RelativeTime';
import { useUserNames } from '../common/useUserNames';
import type { Wait, WaitKind } from '../types';
import { useT } from '../i18n/useT';

export const WAIT_ICONS: Record<WaitKind, ReactElement> = {
  task: <TaskIcon />,
  signature: <SignatureIcon />,
  payment: <PaymentIcon />,
  approval: <ApprovalIcon />,
  timer: <TimerIcon />,
  signal: <SignalIcon />,
  reply: <ReplyIcon />,
};

export const isPastDeadline = (wait: Pick<Wait, 'deadline' | 'endedAt'>) =>
  !wait.endedAt && !!wait.deadline && Date.parse(wait.deadline) < Date.now();

/** Who can unblock a wait: a role or `customer` as they are, a user id as the person's name. */
export function useUnblockerLabel() {
  const userName = useUserNames();
  return (unblockedBy: string | null | undefined) => (unblockedBy ? (userName(unblockedBy) ?? unblockedBy) : undefined);
}

/** A wait's kind (`signature`) as people read it, in the UI's language. */
export function useWaitKindLabel() {
  const translate = useTranslate();
  return (kind: string) => translate(`app.waiting.kinds.${kind}`, { _: kind });
}

/** One open wait, compact: its kind, who can unblock it and for how long it has waited; red past its deadline. */
export const WaitChip = ({ wait }: { wait: Wait }) => {
  const unblocker = useUnblockerLabel();
  const kindLabel = useWaitKindLabel();
  const t = useT();
  const late = isPastDeadline(wait);
  const who = unblocker(wait.unblockedBy);
  return (
    <Tooltip
      title={wait.deadline ? t('app.common.wait_due', { description: wait.description, when: exactTime(wait.deadline) }) : wait.description}
    >
      <Chip
        size="small"
        icon={WAIT_ICONS[wait.kind]}
        label={`${kindLabel(wait.kind)}${who ? ` · ${who}` : ''} · ${durationSince(wait.since)}`}
        color={late ? 'error' : 'default'}
        variant="outlined"
      />
    </Tooltip>
  );
};
