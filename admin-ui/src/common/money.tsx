import { Box } from '@mui/material';
import { currentLocale, useFormatLocale } from '../i18n/i18nProvider';

const formats = new Map<string, Intl.NumberFormat>();

/** The UI's language's way with amounts: "£3,000.00" in English, "3 000,00 £" in French. */
function formatFor(currency: string | undefined, locale = currentLocale()): Intl.NumberFormat {
  const key = `${locale} ${currency ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    // Without a currency (not known yet), a plain amount with the usual two decimals.
    format = new Intl.NumberFormat(locale, currency ? { style: 'currency', currency } : { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    formats.set(key, format);
  }
  return format;
}

/** Decimal places of the currency's minor unit: 2 for EUR, 0 for JPY (2 while the currency is not known yet). */
export const decimalsOf = (currency: string | undefined): number => formatFor(currency).resolvedOptions().maximumFractionDigits ?? 2;

/**
 * Integer minor units as people read them: 300000 GBP → "£3,000.00" (in the UI's language, unless
 * `locale` says). The number of decimals comes from the currency (JPY has none), so no amount is
 * off by a factor of 100.
 */
export function formatMoney(minor: number, currency: string | undefined, locale = currentLocale()): string {
  const format = formatFor(currency, locale);
  return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

/** An amount in a table or a fact: digits of equal width, so columns of money line up. */
export const Money = ({ minor, currency, strong = false }: { minor: number; currency: string | undefined; strong?: boolean }) => {
  const locale = useFormatLocale();
  return (
    <Box component="span" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', fontWeight: strong ? 600 : undefined }}>
      {formatMoney(minor, currency, locale)}
    </Box>
  );
};
