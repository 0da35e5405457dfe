import { useGetList } from 'react-admin';
import type { User } from '../types';

/**
 * Everyone's name by user id, for ids the API returns bare (completedBy, an assignment's target).
 * The API has no lookup by ids, but the whole staff list is one small page, fetched once a while.
 */
export function useUsers() {
  return useGetList<User>(
    'users',
    { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } },
    { staleTime: 5 * 60_000 },
  );
}

export function useUserNames(): (id: string | null | undefined) => string | undefined {
  const { data } = useUsers();
  return (id) => (id ? data?.find((u) => u.id === id)?.name : undefined);
}
