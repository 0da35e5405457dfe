// Money in a generated form: typed and shown in the currency chosen in the same form (its
// `currency` field), stored in the integer minor units the API takes. Lists of lines with a
// quantity and a price show each line's total and the sum as they are typed.
import { InputAdornment, Typography } from '@mui/material';
import { NumberInput, useSimpleFormIteratorItem, type NumberInputProps } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { decimalsOf, formatMoney } from '../common/money';
import { useT } from '../i18n/useT';
import type { Field } from './jsonSchema';

const useFormCurrency = () => useWatch({ name: 'currency' }) as string | undefined;

export const MoneyInput = (props: NumberInputProps & { source: string }) => {
  const currency = useFormCurrency();
  const scale = 10 ** decimalsOf(currency);
  return (
    <NumberInput
      {...props}
      step={1 / scale}
      format={(minor: unknown) => (typeof minor === 'number' ? minor / scale : '')}
      parse={(typed: string) => (typed === '' || typed === null ? null : Math.round(Number(typed) * scale))}
      slotProps={{ input: { startAdornment: <InputAdornment position="start">{currency ?? ''}</InputAdornment> } }}
    />
  );
};

type Line = Record<string, unknown>;

/** The money field priced per unit of a list's `quantity`, if its items have both. */
export const pricedLine = (fields: Field[]) => (fields.some((f) => f.name === 'quantity') ? fields.find((f) => f.kind === 'money')?.name : undefined);

const lineTotal = (line: Line | undefined, price: string) =>
  typeof line?.quantity === 'number' && typeof line[price] === 'number' ? line.quantity * (line[price] as number) : undefined;

/** One line's quantity × price, beside its inputs. */
export const LineTotal = ({ list, price }: { list: string; price: string }) => {
  const { index } = useSimpleFormIteratorItem();
  const line = useWatch({ name: `${list}.${index}` }) as Line | undefined;
  const currency = useFormCurrency();
  const t = useT();
  const total = lineTotal(line, price);
  return (
    <Typography variant="body2" sx={{ alignSelf: 'center', minWidth: 110, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }} aria-label={t('app.form.line_total')}>
      {total === undefined ? '—' : formatMoney(total, currency)}
    </Typography>
  );
};

/** The sum of the list's lines, under it. */
export const ListTotal = ({ list, price }: { list: string; price: string }) => {
  const lines = (useWatch({ name: list }) as Line[] | undefined) ?? [];
  const currency = useFormCurrency();
  const total = lines.reduce((sum, line) => sum + (lineTotal(line, price) ?? 0), 0);
  return (
    <Typography variant="subtitle1" sx={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums', mb: 2 }} data-testid="list-total">
      Total {formatMoney(total, currency)}
    </Typography>
  );
};
