// A ticket's SLA: first-response, next-response and resolution targets per priority, in business
// minutes of the support calendar; a warning at 75% of a target, the breach at 100%, and the
// escalation chain after it. Pure: the journey keeps its clocks with it (workflow.ts), and the
// API reads the views the journey wrote.
import { z } from 'zod';
import type { Calendar } from '../runtime/business-calendar';
import { SlaClock, type ClockState } from '../runtime/sla-clock';
import type { ClockView } from './clock-view';

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export { CLOCK_NAMES, type ClockName, type ClockView } from './clock-view';

const minutes = z.number().int().positive().max(60 * 24 * 365);
const targets = z.strictObject({ firstResponse: minutes, nextResponse: minutes, resolution: minutes });
export type SlaTargets = z.infer<typeof targets>;

/** Business minutes per clock, per priority. */
export const slaPolicySchema = z.strictObject({ urgent: targets, high: targets, normal: targets, low: targets });
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  urgent: { firstResponse: 60, nextResponse: 2 * 60, resolution: 8 * 60 },
  high: { firstResponse: 4 * 60, nextResponse: 8 * 60, resolution: 16 * 60 },
  normal: { firstResponse: 8 * 60, nextResponse: 16 * 60, resolution: 40 * 60 },
  low: { firstResponse: 16 * 60, nextResponse: 24 * 60, resolution: 80 * 60 },
};

/** The share of a target at which its holder is warned. */
export const WARNING_SHARE = 0.75;

/** After the breach (100%, to the support lead), who is told next and at what share of the target. */
export const ESCALATION_CHAIN = [
  { share: 1, role: 'support_lead' },
  { share: 1.5, role: 'manager' },
] as const;

/** One clock of a ticket as the journey keeps it (plain data: it travels across continue-as-new). */
export type TicketClock = {
  state: ClockState;
  targetMs: number;
  /** When it stopped for good (its response given, the ticket closed): its counted time is final. */
  stoppedAt?: number;
  warnedAt?: number;
  breachedAt?: number;
  /** Steps of ESCALATION_CHAIN taken. */
  escalated: number;
};


export const newClock = (targetMinutes: number, at: number): TicketClock => ({ state: SlaClock.started(at), targetMs: targetMinutes * 60_000, escalated: 0 });

const toMinutes = (ms: number) => Math.round(ms / 60_000);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** A clock's view at `now` on `calendar`. */
export function viewOf(c: TicketClock, calendar: Calendar, now: number): ClockView {
  const clock = new SlaClock(c.state, calendar, () => false);
  const elapsed = c.stoppedAt === undefined ? clock.elapsed(now) : c.state.countedMs;
  const running = c.stoppedAt === undefined && !clock.paused;
  return {
    state: c.breachedAt !== undefined ? 'breached' : c.stoppedAt !== undefined ? 'met' : running ? 'running' : 'paused',
    targetMinutes: toMinutes(c.targetMs),
    elapsedMinutes: toMinutes(elapsed),
    remainingMinutes: toMinutes(c.targetMs - elapsed),
    dueAt: running ? iso(clock.reachesAt(c.targetMs)) : undefined,
    breachedAt: iso(c.breachedAt),
    stoppedAt: iso(c.stoppedAt),
  };
}

/** What is due on a running clock next: its warning, its breach, or the next escalation step, with when. */
export function nextMoment(c: TicketClock, calendar: Calendar): { at: number; moment: 'warning' | 'breach' | 'escalation' } | undefined {
  if (c.stoppedAt !== undefined) return undefined;
  const clock = new SlaClock(c.state, calendar, () => false);
  const step = ESCALATION_CHAIN[c.escalated];
  const [share, moment] =
    c.warnedAt === undefined ? [WARNING_SHARE, 'warning' as const] : c.breachedAt === undefined ? [1, 'breach' as const] : step ? [step.share, 'escalation' as const] : [];
  if (share === undefined || moment === undefined) return undefined;
  const at = clock.reachesAt(c.targetMs * share);
  return at === undefined ? undefined : { at, moment };
}
