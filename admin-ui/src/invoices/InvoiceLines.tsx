import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatMoney, Money } from '../common/money';
import { useT } from '../i18n/useT';
import type { InvoiceFields } from '../types';
import { useInvoiceKindLabel } from './invoiceKinds';

/**
 * An invoice as the customer reads it: its lines (work, credits, fees), the tax on the work and
 * the total. The tax row names the amount it was charged on, so the column adds up to the total.
 */
export const InvoiceLines = ({ invoice }: { invoice: InvoiceFields }) => {
  const t = useT();
  const kindLabel = useInvoiceKindLabel();
  return (
    <Table size="small" sx={{ '& td, & th': { verticalAlign: 'top' } }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 130 }}>{t('app.invoice.line')}</TableCell>
          <TableCell>{t('app.invoice.description')}</TableCell>
          <TableCell align="right">{t('app.invoice.amount')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {invoice.lines.map((line) => (
          <TableRow key={line.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{kindLabel(line.kind)}</TableCell>
            <TableCell>{line.description}</TableCell>
            <TableCell align="right">
              <Money minor={line.amountMinor} currency={invoice.currency} />
            </TableCell>
          </TableRow>
        ))}
        {invoice.taxMinor !== 0 && (
          <TableRow>
            <TableCell>{t('app.invoice.tax')}</TableCell>
            <TableCell>{t('app.invoice.tax_of', { rate: invoice.taxRateBps / 100, amount: formatMoney(invoice.subtotalMinor, invoice.currency) })}</TableCell>
            <TableCell align="right">
              <Money minor={invoice.taxMinor} currency={invoice.currency} />
            </TableCell>
          </TableRow>
        )}
        <TableRow sx={{ '& td': { borderBottom: 0 } }}>
          <TableCell colSpan={2}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {t('app.invoice.total')}
            </Typography>
          </TableCell>
          <TableCell align="right">
            <Money minor={invoice.totalMinor} currency={invoice.currency} strong />
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
};
