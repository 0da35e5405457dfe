import { useGetList } from 'react-admin';
import type { TaskType } from '../types';

/** Every task type with its form's JSON Schema (GET /api/task-types): fetched once a while, shared by all pages. */
export const useTaskTypes = () =>
  useGetList<TaskType>('task-types', { pagination: { page: 1, perPage: 100 } }, { staleTime: 10 * 60_000 });

export function useTaskTypeSchema(type: string) {
  const { data, isPending, error } = useTaskTypes();
  return { schema: data?.find((t) => t.id === type)?.schema, isPending, error };
}
