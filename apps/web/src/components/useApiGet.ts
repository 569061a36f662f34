import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { queryKeys } from '../api/query-keys';

type Query = Parameters<typeof api.get>[1];

/**
 * One GET that follows its path and query (null: nothing to ask yet); a new answer replaces the
 * old. `reload` (after a change) asks again every cached answer under the same path.
 */
export function useApiGet<T>(path: string | null, query?: Query) {
  const queryClient = useQueryClient();
  const answer = useQuery({
    queryKey: queryKeys.get(path ?? '', query ?? {}),
    queryFn: ({ signal }) => api.get<T>(path!, query, signal),
    enabled: path !== null,
    // The last answer stays on screen while the next path or query is asked, as a table does.
    placeholderData: keepPreviousData,
  });
  const data = path === null || answer.isError ? null : (answer.data ?? null);
  return { data, error: answer.error, loading: answer.isFetching, reload: () => void queryClient.invalidateQueries({ queryKey: queryKeys.under(path ?? '') }) };
}
