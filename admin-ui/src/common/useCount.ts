import { useGetList } from 'react-admin';

// The API sorts only by whitelisted fields, and react-admin's default ("id") is not one of them.
const SORTABLE_BY: Record<string, string> = {
  tasks: 'dueAt',
  journeys: 'startedAt',
  waits: 'since',
  customers: 'createdAt',
  notifications: 'createdAt',
  invoices: 'dueAt',
  tickets: 'nextBreachAt',
};

/** How many records match a filter (one row fetched, the total read from Content-Range). */
export function useCount(resource: string, filter: object, refetchInterval?: number) {
  const { total, isPending, error } = useGetList(
    resource,
    { filter, sort: { field: SORTABLE_BY[resource] ?? 'createdAt', order: 'ASC' }, pagination: { page: 1, perPage: 1 } },
    { refetchInterval },
  );
  return { total, isPending, error };
}
