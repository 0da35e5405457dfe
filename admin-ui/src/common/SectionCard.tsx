import { Card, CardContent, CardHeader } from '@mui/material';
import type { ReactNode } from 'react';

/** A titled card: one section of a page. Tables go edge to edge (`flush`); other content is padded. */
export const SectionCard = ({
  title,
  action,
  flush = false,
  children,
}: {
  title: ReactNode;
  action?: ReactNode;
  flush?: boolean;
  children: ReactNode;
}) => (
  <Card>
    {/* On a phone the actions go under the title rather than past the screen's edge. */}
    <CardHeader title={title} action={action} slotProps={{ title: { variant: 'h6', component: 'h2' } }} sx={{ pb: 1, flexWrap: 'wrap', rowGap: 1, '& .MuiCardHeader-action': { m: 0 } }} />
    {flush ? children : <CardContent sx={{ pt: 0 }}>{children}</CardContent>}
  </Card>
);

/**
 * For a DataTable in a flush SectionCard: cells of several lines align at the top; columns sit
 * closer than in a full-page list (the edges keep the card's padding), so tables of figures fit
 * half a page; one still too wide for the screen scrolls sideways instead of being cut off.
 */
export const sectionTableSx = {
  '& td': { verticalAlign: 'top' },
  '& .MuiTableCell-root': { px: 1 },
  '& .MuiTableCell-root:first-of-type': { pl: 2 },
  '& .MuiTableCell-root:last-of-type': { pr: 2 },
  '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
};
