import { Box, Tooltip, Typography } from '@mui/material';
import { currentLocale, useFormatLocale } from '../i18n/i18nProvider';
import { useT } from '../i18n/useT';
import { useNow } from './useNow';

// Times and dates in the UI's language (i18n/i18nProvider.ts), unless a `locale` is given.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const relativeFormat = (locale: string) => {
  let format = relativeFormats.get(locale);
  if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return format;
};
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
export function relativeTime(iso: string, now = Date.now(), locale = currentLocale()): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  const [unit, size] = largestUnit(seconds);
  return relativeFormat(locale).format(Math.round(seconds / size), unit);
}

/** How long since `iso`, without a direction: "3 days", "5 minutes". */
export function durationSince(iso: string, now = Date.now(), locale = currentLocale()): string {
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
  const [unit, size] = largestUnit(seconds);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(Math.round(seconds / size));
}

export const exactTime = (iso: string, locale = currentLocale()) => new Date(iso).toLocaleString(locale);

/** A time relative to now, moving on every half minute, so rows drawn at different moments agree. */
const Relative = ({ date, locale }: { date: string; locale: string }) => <>{relativeTime(date, useNow(30_000), locale)}</>;

/** A relative time, with the exact local date and time on hover. */
export const RelativeTime = ({ date }: { date: string | null | undefined }) => {
  const locale = useFormatLocale();
  return date ? (
    <Tooltip title={exactTime(date, locale)}>
      <time dateTime={date}>
        <Relative date={date} locale={locale} />
      </time>
    </Tooltip>
  ) : null;
};

/** "Dec 7, 2026", in the UI's language. `utc` for calendar days stored as midnight UTC (a time entry's date), which local time would shift. */
export const calendarDate = (iso: string, { utc = false, locale = currentLocale() } = {}) =>
  new Date(iso).toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric', ...(utc && { timeZone: 'UTC' }) });

/**
 * A due date: the day, and under it how far off it is, red once `late`. Once `settled` (a paid
 * invoice, an accepted milestone) how far off it is no longer matters: the day only.
 */
export const DueDate = ({ date, late = false, settled = false }: { date: string | null | undefined; late?: boolean; settled?: boolean }) => {
  const locale = useFormatLocale();
  const t = useT();
  return date ? (
    <Box sx={{ whiteSpace: 'nowrap' }} title={exactTime(date, locale)}>
      <Typography variant="body2">{calendarDate(date, { locale })}</Typography>
      {!settled && (
        <Typography variant="caption" color={late ? 'error' : 'text.secondary'} sx={{ fontWeight: late ? 500 : undefined }}>
          {late ? t('app.common.overdue_since', { when: relativeTime(date, Date.now(), locale) }) : relativeTime(date, Date.now(), locale)}
        </Typography>
      )}
    </Box>
  ) : (
    <Typography variant="body2" color="text.secondary">
      —
    </Typography>
  );
};
