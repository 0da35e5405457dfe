import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';

/** `wrap`: a column of words (reasons) that wraps instead of widening the table. */
export type Column<R> = { label: string; cell: (row: R) => ReactNode; numeric?: boolean; wrap?: boolean };

/** A compact table of figures that scrolls sideways on a phone instead of widening the page. */
export function FigureTable<R>({ rows, columns, rowKey, empty }: { rows: R[]; columns: Column<R>[]; rowKey: (row: R) => string; empty?: string }) {
  const t = useT();
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" sx={{ '& td, & th': { whiteSpace: 'nowrap' }, '& .MuiTableCell-alignRight': { fontVariantNumeric: 'tabular-nums' } }}>
        <TableHead>
          <TableRow>
            {columns.map((c, i) => (
              <TableCell key={i} align={c.numeric ? 'right' : 'left'}>
                {c.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.length ? (
            rows.map((row) => (
              <TableRow key={rowKey(row)}>
                {columns.map((c, i) => (
                  <TableCell key={i} align={c.numeric ? 'right' : 'left'} sx={c.wrap ? { whiteSpace: 'normal !important', minWidth: 180 } : undefined}>
                    {c.cell(row)}
                  </TableCell>
                ))}
              </TableRow>
            ))
          ) : (
            <TableRow>
              <TableCell colSpan={columns.length} sx={{ color: 'text.secondary' }}>
                {empty ?? t('app.analytics.nothing_in_period')}
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </Box>
  );
}
