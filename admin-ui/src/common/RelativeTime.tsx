import { Box, Tooltip, Typography } from '@mui/material';
import { useNow } from './useNow';

const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

const largestUnit = (seconds: number) => UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? (['second', 1] as const);

/** "3 hours ago", "in 2 days". */
export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  const [unit, size] = largestUnit(seconds);
  return format.format(Math.round(seconds / size), unit);
}

/** How long since `iso`, without a direction: "3 days", "5 minutes". */
export function durationSince(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
  const [unit, size] = largestUnit(seconds);
  const n = Math.round(seconds / size);
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

export const exactTime = (iso: string) => new Date(iso).toLocaleString();

/** A time relative to now, moving on every half minute, so rows drawn at different moments agree. */
const Relative = ({ date }: { date: string }) => <>{relativeTime(date, useNow(30_000))}</>;

/** A relative time, with the exact local date and time on hover. */
export const RelativeTime = ({ date }: { date: string | null | undefined }) =>
  date ? (
    <Tooltip title={exactTime(date)}>
      <time dateTime={date}>
        <Relative date={date} />
      </time>
    </Tooltip>
  ) : null;

/** "Dec 7, 2026", in the reader's locale. `utc` for calendar days stored as midnight UTC (a time entry's date), which local time would shift. */
export const calendarDate = (iso: string, { utc = false } = {}) =>
  new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric', ...(utc && { timeZone: 'UTC' }) });

/**
 * A due date: the day, and under it how far off it is, red once `late`. Once `settled` (a paid
 * invoice, an accepted milestone) how far off it is no longer matters: the day only.
 */
export const DueDate = ({ date, late = false, settled = false }: { date: string | null | undefined; late?: boolean; settled?: boolean }) =>
  date ? (
    <Box sx={{ whiteSpace: 'nowrap' }} title={exactTime(date)}>
      <Typography variant="body2">{calendarDate(date)}</Typography>
      {!settled && (
        <Typography variant="caption" color={late ? 'error' : 'text.secondary'} sx={{ fontWeight: late ? 500 : undefined }}>
          {late ? `overdue · ${relativeTime(date)}` : relativeTime(date)}
        </Typography>
      )}
    </Box>
  ) : (
    <Typography variant="body2" color="text.secondary">
      —
    </Typography>
  );
