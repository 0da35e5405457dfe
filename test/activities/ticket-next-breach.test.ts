// What the support inbox sorts by: the nearest breach among a ticket's clocks still running, a
// breached one that still runs included (with its breach, in the past, so it comes first).
import { nextBreachOf } from '../../activities/support/tickets';

const clock = (state: 'running' | 'paused' | 'met' | 'breached', dueAt?: string) => ({ state, targetMinutes: 60, elapsedMinutes: 0, remainingMinutes: 60, dueAt });

it('takes the earliest due time of the clocks that run, breached ones included', () => {
  expect(
    nextBreachOf({ firstResponse: clock('breached', '2026-12-01T10:00:00.000Z'), resolution: clock('running', '2026-12-03T10:00:00.000Z') }),
  ).toEqual(new Date('2026-12-01T10:00:00.000Z'));
  expect(nextBreachOf({ firstResponse: clock('met'), resolution: clock('running', '2026-12-03T10:00:00.000Z') })).toEqual(new Date('2026-12-03T10:00:00.000Z'));
});

it('has none while every clock is paused or stopped', () => {
  expect(nextBreachOf({ firstResponse: clock('met'), resolution: clock('paused') })).toBeNull();
  expect(nextBreachOf({ firstResponse: clock('breached') })).toBeNull();
  expect(nextBreachOf({})).toBeNull();
});
