import { Card, CardActionArea, CardContent, Skeleton, Stack, Typography } from '@mui/material';
import type { ReactElement } from 'react';
import { Link } from 'react-admin';
import { listLink } from '../common/listLink';
import { useT } from '../i18n/useT';
import { useCount } from '../common/useCount';

type CountCardProps = {
  /** Names the count for tests, in any language. */
  id: string;
  title: string;
  icon: ReactElement;
  resource: string;
  filter: object;
  /** Counts above zero are bad news (overdue, escalated): shown in red. */
  alarming?: boolean;
};

/** How many records a list holds, as a card that opens that list. */
export const CountCard = ({ id, title, icon, resource, filter, alarming = false }: CountCardProps) => {
  const { total, isPending, error } = useCount(resource, filter, 30_000);
  const red = alarming && !!total;
  const t = useT();
  return (
    <Card sx={{ flex: 1, minWidth: 200 }}>
      <CardActionArea component={Link} to={listLink(resource, filter)} sx={{ height: '100%' }}>
        <CardContent>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', color: red ? 'error.main' : 'text.secondary' }}>
            {icon}
            <Typography>{title}</Typography>
          </Stack>
          <Typography variant="h3" component="p" color={red || error ? 'error' : undefined} data-testid={`count-${id}`}>
            {isPending ? <Skeleton width={60} /> : error ? '—' : total}
          </Typography>
          {Boolean(error) && <Typography color="error">{t('app.dashboard.could_not_load')}</Typography>}
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
