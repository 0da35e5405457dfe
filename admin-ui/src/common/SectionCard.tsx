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
    <CardHeader title={title} action={action} slotProps={{ title: { variant: 'h6', component: 'h2' } }} sx={{ pb: 1 }} />
    {flush ? children : <CardContent sx={{ pt: 0 }}>{children}</CardContent>}
  </Card>
);
