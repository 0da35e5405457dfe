// How the analytics page writes its figures.

/** A fraction (0-1) as a percentage with one decimal; a dash when nothing was counted. */
export const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Hours as people read them: hours up to two days, then days. */
export const duration = (hours: number | null | undefined) => {
  if (hours === null || hours === undefined) return '—';
  return hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(1)} d`;
};

/** Business minutes, the way the support inbox writes them. */
export const businessTime = (minutes: number | null | undefined) => {
  if (minutes === null || minutes === undefined) return '—';
  return minutes < 120 ? `${Math.round(minutes)} min` : `${(minutes / 60).toFixed(1)} business h`;
};

/** A change with its sign, for "against the previous period". */
export const signed = (n: number, unit = '') => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toLocaleString()}${unit}`;
