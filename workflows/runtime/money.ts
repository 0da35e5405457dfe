// Money as people read and type it, from the integer minor units code keeps: the number of decimals
// comes from the currency (JPY has none, BHD three), never an assumed 100. Pure, for workflows,
// activities, the API's customer pages and the tests alike.

/** Decimal places of `currency`'s minor unit (ISO 4217, as Intl knows it). */
export function decimalsOf(currency: string): number {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** 1234567 USD → "$12,345.67"; 1234567 JPY → "¥1,234,567". */
export function formatMoney(minor: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(minor / 10 ** decimalsOf(currency));
}

/** "12,345.67" in USD → 1234567 (minor units): digits, optional thousands commas, at most the currency's decimals. */
export function minorFromAmount(typed: string, currency: string): number | undefined {
  const decimals = decimalsOf(currency);
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(typed.trim());
  if (!m || (m[2] ?? '').length > decimals) return undefined;
  const minor = Number(m[1]!.replaceAll(',', '') + (m[2] ?? '').padEnd(decimals, '0'));
  return Number.isSafeInteger(minor) ? minor : undefined;
}
