// The ticket's three SLA clocks in full: each with its state, when it is due (or met, or breached)
// and the business time used of its target.
import { Stack, Typography } from '@mui/material';
import { RelativeTime } from '../common/RelativeTime';
import { SectionCard } from '../common/SectionCard';
import type { ClockName, ClockView, Ticket } from '../types';
import { clockUsed, SlaChip } from './SlaChip';
import { CLOCK_LABELS, readClock, shortDuration } from './slaClocks';

const When = ({ clock, status }: { clock: ClockView; status: string }) => {
  const reading = readClock(clock, status);
  if (clock.stoppedAt) return <>Met <RelativeTime date={clock.stoppedAt} /></>;
  if (clock.breachedAt) return <>Breached <RelativeTime date={clock.breachedAt} /></>;
  if (clock.dueAt) return <>Due <RelativeTime date={clock.dueAt} />{reading.leftMinutes !== undefined && ` · ${shortDuration(reading.leftMinutes)} of business time left`}</>;
  return <>Stopped while the ticket waits</>;
};

const ClockRow = ({ name, clock, status }: { name: ClockName; clock: ClockView | undefined; status: string }) => (
  <Stack spacing={0.5} data-testid={`clock-${name}`}>
    <Stack direction="row" useFlexGap sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 0.5 }}>
      <Typography variant="subtitle2">{CLOCK_LABELS[name]}</Typography>
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
        'Starts when the customer writes back after the first response'
      ) : (
        'Not started'
      )}
    </Typography>
  </Stack>
);

export const TicketClocks = ({ ticket }: { ticket: Pick<Ticket, 'clocks' | 'status'> }) => (
  <SectionCard title="SLA">
    <Stack spacing={2}>
      {(Object.keys(CLOCK_LABELS) as ClockName[]).map((name) => (
        <ClockRow key={name} name={name} clock={ticket.clocks[name]} status={ticket.status} />
      ))}
    </Stack>
  </SectionCard>
);
