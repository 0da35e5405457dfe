// How a ticket's SLA clock reads at a glance: what it says, and a tone a person takes in without
// reading it (amber from 75% of its target used, red once breached). The journey writes a clock's
// view when something changes (a reply, a warning, a breach), so between writes a running clock's
// business minutes left are estimated: never more than the view said, nor than the time left
// until it is due.
import { translateNow } from '../i18n/i18nProvider';
import type { ClockName, ClockView, TicketStatus } from '../types';

/** The clocks in their order, each by its key under app.sla.clocks (clockLabel). */
export const CLOCK_LABELS: Record<ClockName, `app.sla.clocks.${ClockName}`> = {
  firstResponse: 'app.sla.clocks.firstResponse',
  nextResponse: 'app.sla.clocks.nextResponse',
  resolution: 'app.sla.clocks.resolution',
};

/** "First response", in the UI's language. */
export const clockLabel = (name: ClockName) => translateNow(CLOCK_LABELS[name]);

/** The share of a target at which the journey warns the clock's holder (workflows/support/sla.ts). */
const WARNING_SHARE = 0.75;

export type ClockTone = 'ok' | 'warning' | 'breached' | 'paused' | 'met';

export type ClockReading = {
  tone: ClockTone;
  /** The chip's words: "2 h 10 min left", "breached 2 h ago", "paused · waiting on customer", "met". */
  text: string;
  /** Business minutes left now (running clocks only). */
  leftMinutes?: number;
};

/** "45 min", "2 h 10 min", "3 d". */
export function shortDuration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return translateNow('app.clock.minutes', { n: m });
  if (m < 48 * 60) {
    const h = Math.floor(m / 60);
    const rest = m % 60;
    return rest ? translateNow('app.clock.hours_minutes', { h, m: rest }) : translateNow('app.clock.hours', { n: h });
  }
  return translateNow('app.clock.days', { n: Math.round(m / (24 * 60)) });
}

const minutesBetween = (from: number, to: number) => (to - from) / 60_000;

export function readClock(clock: ClockView, status: TicketStatus | string, now = Date.now()): ClockReading {
  if (clock.state === 'breached') {
    // Answered after its breach: over, but it was late.
    if (clock.stoppedAt) return { tone: 'breached', text: translateNow('app.clock.met_late') };
    const text = clock.breachedAt
      ? translateNow('app.clock.breached_ago', { duration: shortDuration(minutesBetween(Date.parse(clock.breachedAt), now)) })
      : translateNow('app.clock.breached');
    return { tone: 'breached', text };
  }
  if (clock.state === 'met') return { tone: 'met', text: translateNow('app.clock.met') };
  if (clock.state === 'paused') return { tone: 'paused', text: translateNow(status === 'resolved' ? 'app.clock.paused_resolved' : 'app.clock.paused_waiting') };
  const untilDue = clock.dueAt ? minutesBetween(now, Date.parse(clock.dueAt)) : clock.remainingMinutes;
  const left = Math.min(clock.remainingMinutes, untilDue);
  // Due, and the journey has not yet written the breach down: it is a breach all the same.
  if (left <= 0) return { tone: 'breached', text: translateNow('app.clock.breaching_now'), leftMinutes: 0 };
  const used = 1 - left / clock.targetMinutes;
  return { tone: used >= WARNING_SHARE ? 'warning' : 'ok', text: translateNow('app.clock.left', { duration: shortDuration(left) }), leftMinutes: left };
}

/** The ticket's clocks in their order, those it has (next response starts with the customer's first reply). */
export const clocksOf = (clocks: Partial<Record<ClockName, ClockView>>) =>
  (Object.keys(CLOCK_LABELS) as ClockName[]).flatMap((name) => (clocks[name] ? [{ name, clock: clocks[name] }] : []));
