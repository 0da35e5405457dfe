// How the analytics page writes its figures, in the UI's language (read while drawing, so a change
// of language draws them again): "60.0%" and "1.5 h" in English, "60,0 %" and "1,5 h" in French.
import { currentLocale, translateNow } from '../i18n/i18nProvider';

/** A number with exactly `digits` decimals. */
export const decimal = (n: number, digits: number) => new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);

/** A fraction (0-1) as a percentage with one decimal; a dash when nothing was counted. */
export const percent = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '—' : new Intl.NumberFormat(currentLocale(), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate);

/** Hours as people read them: hours up to two days, then days. */
export const duration = (hours: number | null | undefined) => {
  if (hours === null || hours === undefined) return '—';
  return hours < 48 ? translateNow('app.clock.hours', { n: decimal(hours, 1) }) : translateNow('app.clock.days', { n: decimal(hours / 24, 1) });
};

/** Business minutes, the way the support inbox writes them. */
export const businessTime = (minutes: number | null | undefined) => {
  if (minutes === null || minutes === undefined) return '—';
  return minutes < 120 ? translateNow('app.clock.minutes', { n: decimal(minutes, 0) }) : translateNow('app.analytics.business_hours', { n: decimal(minutes / 60, 1) });
};

/** A change with its sign, for "against the previous period". */
export const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toLocaleString(currentLocale())}`;
