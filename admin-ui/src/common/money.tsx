import { Box } from '@mui/material';

const formats = new Map<string, Intl.NumberFormat>();

function formatFor(currency: string | undefined): Intl.NumberFormat {
  const key = currency ?? '';
  let format = formats.get(key);
  if (!format) {
    // Without a currency (not known yet), a plain amount with the usual two decimals.
    format = new Intl.NumberFormat(undefined, currency ? { style: 'currency', currency } : { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    formats.set(key, format);
  }
  return format;
}

/** Decimal places of the currency's minor unit: 2 for EUR, 0 for JPY (2 while the currency is not known yet). */
export const decimalsOf = (currency: string | undefined): number => formatFor(currency).resolvedOptions().maximumFractionDigits ?? 2;

/**
 * Integer minor units as people read them: 300000 GBP → "£3,000.00". The number of decimals
 * comes from the currency (JPY has none), so no amount is off by a factor of 100.
 */
export function formatMoney(minor: number, currency: string | undefined): string {
  const format = formatFor(currency);
  return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

/** An amount in a table or a fact: digits of equal width, so columns of money line up. */
export const Money = ({ minor, currency, strong = false }: { minor: number; currency: string | undefined; strong?: boolean }) => (
  <Box component="span" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', fontWeight: strong ? 600 : undefined }}>
    {formatMoney(minor, currency)}
  </Box>
);
