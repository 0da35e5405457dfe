// The ticket's three SLA clocks in full: each with its state, when it is due (or met, or breached)
// and the business time used of its target.
import { Stack, Typography } from '@mui/material';
import { RelativeTime } from '../common/RelativeTime';
import { SectionCard } from '../common/SectionCard';
import { useTNodes } from '../i18n/interpolate';
import { useT } from '../i18n/useT';
import type { ClockName, ClockView, Ticket } from '../types';
import { clockUsed, SlaChip } from './SlaChip';
import { CLOCK_LABELS, clockLabel, readClock, shortDuration } from './slaClocks';

const When = ({ clock, status }: { clock: ClockView; status: string }) => {
  const reading = readClock(clock, status);
  const t = useT();
  const tx = useTNodes();
  if (clock.stoppedAt) return <>{tx('app.clock.met_at', { when: <RelativeTime date={clock.stoppedAt} /> })}</>;
  if (clock.breachedAt) return <>{tx('app.clock.breached_at', { when: <RelativeTime date={clock.breachedAt} /> })}</>;
  if (clock.dueAt)
    return (
      <>
        {reading.leftMinutes !== undefined
          ? tx('app.clock.due_at_left', { when: <RelativeTime date={clock.dueAt} /> }, { left: shortDuration(reading.leftMinutes) })
          : tx('app.clock.due_at', { when: <RelativeTime date={clock.dueAt} /> })}
      </>
    );
  return <>{t('app.clock.stopped')}</>;
};

const ClockRow = ({ name, clock, status }: { name: ClockName; clock: ClockView | undefined; status: string }) => {
  const t = useT();
  return (
    <Stack spacing={0.5} data-testid={`clock-${name}`}>
      <Stack direction="row" useFlexGap sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 0.5 }}>
        <Typography variant="subtitle2">{clockLabel(name)}</Typography>
        {clock && <SlaChip name={name} clock={clock} status={status} />}
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {clock ? (
          <>
            <When clock={clock} status={status} />
            <br />
            {clockUsed(clock)}
          </>
        ) : name === 'nextResponse' ? (
          t('app.clock.next_starts')
        ) : (
          t('app.clock.not_started')
        )}
      </Typography>
    </Stack>
  );
};

export const TicketClocks = ({ ticket }: { ticket: Pick<Ticket, 'clocks' | 'status'> }) => (
  <SectionCard title={useT()('app.clock.title')}>
    <Stack spacing={2}>
      {(Object.keys(CLOCK_LABELS) as ClockName[]).map((name) => (
        <ClockRow key={name} name={name} clock={ticket.clocks[name]} status={ticket.status} />
      ))}
    </Stack>
  </SectionCard>
);
