// An SLA clock: counts time toward targets on a calendar (business hours, or every millisecond),
// and stops counting while `pausedNow()` holds, e.g. while the journey waits on the customer.
// Its state is plain data, so a journey that continues as new carries it. Workflow code: time is
// the workflow's clock, and the waits are Temporal conditions and timers.
import { condition } from '@temporalio/workflow';
import type { Calendar } from './business-calendar';

export type ClockState = {
  /** Time counted before the current running stretch. */
  countedMs: number;
  /** When the current running stretch began (workflow ms); absent while paused. */
  runningSince?: number;
  /** How many times it has paused or resumed: keys the records of each. */
  changes: number;
};

/** Waits until `ready` holds (true) or `timeoutMs` passes (false); a runtime wraps Temporal's condition to mark itself at rest. */
export type ConditionWait = (ready: () => boolean, timeoutMs?: number) => Promise<boolean>;

const conditionWait: ConditionWait = (ready, timeoutMs) => (timeoutMs === undefined ? condition(ready).then(() => true) : condition(ready, timeoutMs));

export class SlaClock {
  static started(at: number = Date.now()): ClockState {
    return { countedMs: 0, runningSince: at, changes: 0 };
  }

  constructor(
    readonly state: ClockState,
    private readonly calendar: Calendar,
    private readonly pausedNow: () => boolean,
  ) {}

  get paused(): boolean {
    return this.state.runningSince === undefined;
  }

  /** Time counted so far. */
  elapsed(now: number = Date.now()): number {
    const { countedMs, runningSince } = this.state;
    return countedMs + (runningSince === undefined ? 0 : this.calendar.between(runningSince, now));
  }

  /** When the clock will have counted `targetMs` if it keeps running; undefined while paused. */
  reachesAt(targetMs: number): number | undefined {
    const { countedMs, runningSince } = this.state;
    if (runningSince === undefined) return undefined;
    return this.calendar.after(runningSince, targetMs - countedMs);
  }

  /** Pauses or resumes to match `pausedNow()`; true when that changed it. */
  sync(now: number = Date.now()): boolean {
    const pause = this.pausedNow();
    if (pause === this.paused) return false;
    if (pause) this.state.countedMs = this.elapsed(now);
    this.state.runningSince = pause ? undefined : now;
    this.state.changes++;
    return true;
  }

  /**
   * Resolves true once the clock has counted `targetMs`, or false as soon as `done()` holds.
   * Pauses and resumes as `pausedNow()` changes, awaiting `onChange` after each (to record it).
   */
  async until(targetMs: number, done: () => boolean, onChange: () => Promise<void>, wait: ConditionWait = conditionWait): Promise<boolean> {
    for (;;) {
      if (this.sync()) await onChange();
      if (done()) return false;
      const at = Number.isFinite(targetMs) ? this.reachesAt(targetMs) : undefined;
      if (at !== undefined && at <= Date.now()) return true;
      const changed = () => done() || this.pausedNow() !== this.paused;
      await (at === undefined ? wait(changed) : wait(changed, at - Date.now()));
    }
  }
}
