// Business time: the working hours of a calendar (time zone, working days, opening hours,
// holidays), so SLA clocks count what a helpdesk promises ("4 business hours") rather than wall
// time. Pure and deterministic (the workflow's own clock and Intl's time-zone data), so workflows
// use it directly; the API uses it to show when a clock will run out.
import { z } from 'zod';

/** Counts time: between two instants, and the instant a span of counted time ends at. */
export interface Calendar {
  /** Counted milliseconds in [fromMs, toMs). */
  between(fromMs: number, toMs: number): number;
  /** The instant by which `ms` counted milliseconds have passed, counting from `fromMs`. */
  after(fromMs: number, ms: number): number;
}

/** Every millisecond counts. */
export const wallClock: Calendar = {
  between: (fromMs, toMs) => Math.max(0, toMs - fromMs),
  after: (fromMs, ms) => fromMs + Math.max(0, ms),
};

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time of day, HH:MM');
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date, YYYY-MM-DD');
const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

function knownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const businessHoursSchema = z
  .object({
    /** An IANA time zone: the hours and the holidays are local to it. */
    timeZone: z.string().max(64).refine(knownTimeZone, 'an IANA time zone, such as Europe/Berlin'),
    /** ISO weekdays, 1 (Monday) to 7 (Sunday). */
    workingDays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    opens: hhmm,
    closes: hhmm,
    /** Local dates with no working hours. */
    holidays: z.array(isoDate).max(1000).default([]),
  })
  .refine((h) => minutesOf(h.opens) < minutesOf(h.closes), { message: 'closes must be after opens', path: ['closes'] });
export type BusinessHours = z.input<typeof businessHoursSchema>;

/** Years of days a span may look ahead for working time before the calendar is taken to have none. */
const MAX_DAYS_AHEAD = 3660;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar counting only `hours`; the wall clock without them. */
export function calendarOf(hours?: BusinessHours): Calendar {
  if (!hours) return wallClock;
  const h = businessHoursSchema.parse(hours);
  const days = new Set(h.workingDays);
  const holidays = new Set(h.holidays);
  const opens = minutesOf(h.opens);
  const closes = minutesOf(h.closes);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: h.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  /** The zone's local wall time at `ms`, as if it were UTC. */
  const local = (ms: number) => {
    const p = Object.fromEntries(parts.formatToParts(ms).map((x) => [x.type, Number(x.value)]));
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  };
  const offset = (ms: number) => local(ms) - Math.floor(ms / 1000) * 1000;
  /** The instant of a local wall time (`day` is local midnight as if UTC); in a DST gap, the instant just after it. */
  const instant = (day: number, minutes: number) => {
    const wall = day + minutes * 60_000;
    const guess = wall - offset(wall);
    return wall - offset(guess);
  };
  /** The working interval of the local day starting at `day` (midnight as if UTC), if it has one. */
  const workingHours = (day: number): [number, number] | undefined => {
    const date = new Date(day);
    const weekday = date.getUTCDay() || 7;
    if (!days.has(weekday) || holidays.has(date.toISOString().slice(0, 10))) return undefined;
    return [instant(day, opens), instant(day, closes)];
  };
  const dayOf = (ms: number) => Math.floor(local(ms) / DAY_MS) * DAY_MS;

  return {
    between(fromMs, toMs) {
      let counted = 0;
      for (let day = dayOf(fromMs); fromMs < toMs && day <= dayOf(toMs); day += DAY_MS) {
        const open = workingHours(day);
        if (open) counted += Math.max(0, Math.min(open[1], toMs) - Math.max(open[0], fromMs));
      }
      return counted;
    },
    after(fromMs, ms) {
      if (ms <= 0) return fromMs;
      let left = ms;
      const first = dayOf(fromMs);
      for (let day = first; day < first + MAX_DAYS_AHEAD * DAY_MS; day += DAY_MS) {
        const open = workingHours(day);
        if (!open) continue;
        const start = Math.max(open[0], fromMs);
        const available = open[1] - start;
        if (available <= 0) continue;
        if (left <= available) return start + left;
        left -= available;
      }
      throw new Error(`No working time in ${MAX_DAYS_AHEAD} days of ${h.timeZone} business hours`);
    },
  };
}
