import { Box } from '@mui/material';
import type { ReactNode } from 'react';

/** Labelled values (RecordField) laid out in as many columns as fit; one on a phone, long values (emails) wrapping. */
export const FactGrid = ({ children }: { children: ReactNode }) => (
  <Box
    sx={{
      display: 'grid',
      gridTemplateColumns: 'repeat(auto-fill, minmax(min(200px, 100%), 1fr))',
      gap: 2,
      '& .RaRecordField-value': { typography: 'body2', overflowWrap: 'anywhere' },
    }}
  >
    {children}
  </Box>
);

/** For a RecordField holding long text: spans the whole grid and keeps its line breaks. */
export const wide = { gridColumn: '1 / -1', '& .RaRecordField-value': { whiteSpace: 'pre-wrap' } };
