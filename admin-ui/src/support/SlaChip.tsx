import MetIcon from '@mui/icons-material/CheckCircleOutlined';
import BreachedIcon from '@mui/icons-material/ErrorOutlineOutlined';
import PausedIcon from '@mui/icons-material/PauseCircleOutlined';
import RunningIcon from '@mui/icons-material/TimerOutlined';
import WarningIcon from '@mui/icons-material/WarningAmber';
import { Chip, Stack, Tooltip, type ChipProps } from '@mui/material';
import type { ReactElement } from 'react';
import { exactTime } from '../common/RelativeTime';
import { useNow } from '../common/useNow';
import type { ClockName, ClockView, Ticket } from '../types';
import { translateNow } from '../i18n/i18nProvider';
import { clockLabel, clocksOf, readClock, shortDuration, type ClockTone } from './slaClocks';

// Filled for what needs someone now (amber, red); outlined for the rest. Each tone has its icon
// too, so the chip reads the same without colour.
const LOOK: Record<ClockTone, { color: ChipProps['color']; variant: ChipProps['variant']; icon: ReactElement }> = {
  ok: { color: 'default', variant: 'outlined', icon: <RunningIcon /> },
  warning: { color: 'warning', variant: 'filled', icon: <WarningIcon /> },
  breached: { color: 'error', variant: 'filled', icon: <BreachedIcon /> },
  paused: { color: 'default', variant: 'outlined', icon: <PausedIcon /> },
  met: { color: 'success', variant: 'outlined', icon: <MetIcon /> },
};

/** "2 h of 8 h business time used". */
export const clockUsed = (clock: ClockView) => translateNow('app.clock.used', { used: shortDuration(clock.elapsedMinutes), target: shortDuration(clock.targetMinutes) });

/** The clock's exact figures, for its tooltip. */
export function clockDetail(clock: ClockView): string {
  const used = clockUsed(clock);
  if (clock.breachedAt && !clock.stoppedAt) return translateNow('app.clock.detail_breached', { at: exactTime(clock.breachedAt), used });
  if (clock.stoppedAt)
    return clock.breachedAt
      ? translateNow('app.clock.detail_breached_met', { breached: exactTime(clock.breachedAt), at: exactTime(clock.stoppedAt), used })
      : translateNow('app.clock.detail_met', { at: exactTime(clock.stoppedAt), used });
  if (clock.dueAt) return translateNow('app.clock.detail_due', { at: exactTime(clock.dueAt), used });
  return translateNow('app.clock.detail_stopped', { used });
}

/** One clock as a chip; `named` puts the clock's name in front ("Resolution · 6 h left"). */
export const SlaChip = ({ name, clock, status, named = false }: { name: ClockName; clock: ClockView; status: string; named?: boolean }) => {
  // Counts down on screen: the journey writes the clock only when something changes.
  const reading = readClock(clock, status, useNow(15_000));
  const look = LOOK[reading.tone];
  return (
    <Tooltip title={translateNow('app.clock.tooltip', { clock: clockLabel(name), detail: clockDetail(clock) })}>
      <Chip
        size="small"
        icon={look.icon}
        color={look.color}
        variant={look.variant}
        label={named ? translateNow('app.clock.named', { clock: clockLabel(name), text: reading.text }) : reading.text}
        data-clock={name}
        data-tone={reading.tone}
        sx={{ maxWidth: '100%' }}
      />
    </Tooltip>
  );
};

/** Every clock of a ticket, named, one under the other. */
export const SlaChips = ({ ticket }: { ticket: Pick<Ticket, 'clocks' | 'status'> }) => {
  const clocks = clocksOf(ticket.clocks);
  if (clocks.length === 0) return null;
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      {clocks.map(({ name, clock }) => (
        <SlaChip key={name} name={name} clock={clock} status={ticket.status} named />
      ))}
    </Stack>
  );
};
