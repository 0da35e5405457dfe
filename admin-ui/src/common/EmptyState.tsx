import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** What an empty list or panel says instead of a blank space: what it is, and what to do next. */
export const EmptyState = ({ icon, title, children }: { icon?: ReactNode; title: string; children?: ReactNode }) => (
  <Box sx={{ py: 5, px: 2, textAlign: 'center', color: 'text.secondary', '& .MuiSvgIcon-root': { fontSize: 40, opacity: 0.5 } }}>
    {icon}
    <Typography variant="subtitle1" color="text.primary">
      {title}
    </Typography>
    {children && <Typography variant="body2">{children}</Typography>}
  </Box>
);
