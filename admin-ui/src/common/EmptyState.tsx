import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/**
 * What an empty list or panel says instead of a blank space: what it is, and what to do next.
 * `dense` for a section among many on a page, where several may be empty at once.
 */
export const EmptyState = ({ icon, title, dense = false, children }: { icon?: ReactNode; title: string; dense?: boolean; children?: ReactNode }) => (
  <Box sx={{ py: dense ? 2 : 5, px: 2, textAlign: 'center', color: 'text.secondary', '& .MuiSvgIcon-root': { fontSize: dense ? 28 : 40, opacity: 0.5 } }}>
    {icon}
    <Typography variant="subtitle1" color="text.primary">
      {title}
    </Typography>
    {children && <Typography variant="body2">{children}</Typography>}
  </Box>
);
