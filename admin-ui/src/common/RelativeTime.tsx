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

/** "3 hours ago", "in 2 days". */
export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  const [unit, size] = UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? ['second', 1];
  return format.format(Math.round(seconds / size), unit);
}

/** A relative time, with the exact local date and time on hover. */
export const RelativeTime = ({ date }: { date: string | null | undefined }) =>
  date ? (
    <Tooltip title={new Date(date).toLocaleString()}>
      <time dateTime={date}>{relativeTime(date)}</time>
    </Tooltip>
  ) : null;
