import type { ReactNode } from 'react';
import { Loading, Show, type ShowProps } from 'react-admin';
import { LoadError } from './LoadError';

type RefetchInterval = number | false | ((query: { state: { data?: unknown } }) => number | false);

/**
 * A record's page: loads in place, and says why in place when it cannot (no toast on top, no jump
 * to the list). Polled every `refetchInterval`, for records that change while people look at them.
 */
export const ShowPage = ({
  refetchInterval,
  children,
  ...props
}: Pick<ShowProps, 'title' | 'actions'> & { refetchInterval?: RefetchInterval; children: ReactNode }) => (
  <Show
    component="div"
    loading={<Loading />}
    error={<LoadError />}
    queryOptions={{ refetchInterval, onError: () => undefined }}
    // The card is a flex item: without this a wide table inside (in its own scrolling box) would widen the page on a phone.
    sx={{ '& .RaShow-card': { minWidth: 0 } }}
    {...props}
  >
    {children}
  </Show>
);
