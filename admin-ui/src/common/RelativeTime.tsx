import { Tooltip } from '@mui/material';

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

/** A relative time, with the exact local date and time on hover. */
export const RelativeTime = ({ date }: { date: string | null | undefined }) =>
  date ? (
    <Tooltip title={exactTime(date)}>
      <time dateTime={date}>{relativeTime(date)}</time>
    </Tooltip>
  ) : null;
