// Business time, checked against dates worked out by hand on a calendar (December 2026: the 2nd is
// a Wednesday, the 25th a Friday; Europe/Berlin is UTC+1 in winter and UTC+2 from Sunday 29 March).
import { businessHoursSchema, calendarOf, wallClock } from '../../../workflows/runtime/business-calendar';

const HOUR = 3_600_000;
const berlin = calendarOf({ timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00', holidays: ['2026-12-25'] });
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('a business calendar', () => {
  it('carries what does not fit in a day over to the next working morning', () => {
    // Wed 16:00 CET + 4 h: 1 h on Wednesday, 3 h from Thursday 09:00, so Thursday 12:00 CET.
    expect(iso(berlin.after(at('2026-12-02T15:00:00Z'), 4 * HOUR))).toBe('2026-12-03T11:00:00.000Z');
  });

  it('skips the weekend and holidays', () => {
    // Fri 16:30 CET + 2 h: 30 min on Friday, 1.5 h from Monday 09:00, so Monday 10:30 CET.
    expect(iso(berlin.after(at('2026-12-04T15:30:00Z'), 2 * HOUR))).toBe('2026-12-07T09:30:00.000Z');
    // Thu 24th 16:00 CET + 2 h: 1 h on Thursday; Friday is Christmas, then the weekend: Monday 28th 10:00 CET.
    expect(iso(berlin.after(at('2026-12-24T15:00:00Z'), 2 * HOUR))).toBe('2026-12-28T09:00:00.000Z');
  });

  it('starts counting at opening time when started outside working hours', () => {
    // Saturday 11:00 CET + 1 h: Monday 10:00 CET.
    expect(iso(berlin.after(at('2026-12-05T10:00:00Z'), HOUR))).toBe('2026-12-07T09:00:00.000Z');
    expect(iso(berlin.after(at('2026-12-05T10:00:00Z'), 0))).toBe('2026-12-05T10:00:00.000Z');
  });

  it('keeps local opening hours across a change to summer time', () => {
    // Fri 27 March 16:00 CET + 2 h: 1 h on Friday, then Monday 30 March 09:00 CEST (07:00 UTC) + 1 h.
    expect(iso(berlin.after(at('2026-03-27T15:00:00Z'), 2 * HOUR))).toBe('2026-03-30T08:00:00.000Z');
  });

  it('counts only working time between two instants', () => {
    // Wed 16:00 CET to Mon 10:30 CET: 1 + 8 + 8 + 1.5 hours.
    expect(berlin.between(at('2026-12-02T15:00:00Z'), at('2026-12-07T09:30:00Z'))).toBe(18.5 * HOUR);
    expect(berlin.between(at('2026-12-05T00:00:00Z'), at('2026-12-06T23:00:00Z'))).toBe(0);
    const newYork = calendarOf({ timeZone: 'America/New_York', workingDays: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00' });
    expect(newYork.between(at('2026-12-02T14:00:00Z'), at('2026-12-02T22:00:00Z'))).toBe(8 * HOUR);
    expect(newYork.between(at('2026-12-02T13:00:00Z'), at('2026-12-02T15:00:00Z'))).toBe(HOUR);
  });

  it('agrees with itself: the time counted up to the moment a span ends is the span', () => {
    const from = at('2026-12-03T16:45:00Z');
    for (const span of [1, 30 * 60_000, 7 * HOUR, 8 * HOUR, 41 * HOUR + 17 * 60_000]) expect(berlin.between(from, berlin.after(from, span))).toBe(span);
  });

  it('counts every millisecond without business hours', () => {
    expect(wallClock.after(1_000, 5 * HOUR)).toBe(1_000 + 5 * HOUR);
    expect(calendarOf(undefined).between(0, 3 * HOUR)).toBe(3 * HOUR);
  });

  it('refuses hours that cannot be counted in', () => {
    const valid = { timeZone: 'Europe/Berlin', workingDays: [1], opens: '09:00', closes: '17:00' };
    expect(businessHoursSchema.safeParse(valid).success).toBe(true);
    for (const bad of [
      { ...valid, timeZone: 'Mars/Olympus_Mons' },
      { ...valid, workingDays: [] },
      { ...valid, workingDays: [8] },
      { ...valid, opens: '17:00', closes: '09:00' },
      { ...valid, opens: '9am' },
      { ...valid, holidays: ['2026-13-01'] },
    ]) {
      expect(businessHoursSchema.safeParse(bad).success).toBe(false);
    }
  });
});
