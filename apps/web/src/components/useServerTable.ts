// Lists page on the server: the table asks for one page (limit/offset) with the filters and the
// sort, and shows the API's total. Filters live in the URL, so a list can be bookmarked or shared.
import { useCallback, useMemo } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TablePaginationConfig } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import { queryKeys } from '../api/query-keys';

export interface ServerPage<T> {
  items: T[];
  total: number;
}

export function useServerTable<T, P extends ServerPage<T> = ServerPage<T>>(path: string | null, options: { pageSize?: number; fixed?: Record<string, string> } = {}) {
  const [params, setParams] = useSearchParams();
  const pageSize = Number(params.get('pageSize') ?? options.pageSize ?? 20);
  const page = Number(params.get('page') ?? 1);
  const fixedKey = JSON.stringify(options.fixed ?? {});
  const filters = useMemo(() => {
    const out: Record<string, string> = {};
    params.forEach((value, key) => {
      if (key !== 'page' && key !== 'pageSize') out[key] = value;
    });
    return { ...out, ...(JSON.parse(fixedKey) as Record<string, string>) };
  }, [params, fixedKey]);
  const query = { ...filters, limit: pageSize, offset: (page - 1) * pageSize };
  const queryClient = useQueryClient();
  const answer = useQuery({
    queryKey: queryKeys.get(path ?? '', query),
    queryFn: ({ signal }) => api.get<P>(path!, query, signal),
    enabled: path !== null,
    // The page on screen stays while the next page, filter or sort is asked.
    placeholderData: keepPreviousData,
  });
  const data = answer.data ?? null;
  const loading = answer.isFetching;
  const error = answer.error;

  const setFilters = useCallback(
    (next: Record<string, string | string[] | undefined | null>) => {
      const merged = new URLSearchParams();
      for (const [key, value] of Object.entries(next)) {
        if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
        merged.set(key, Array.isArray(value) ? value.join(',') : value);
      }
      if (params.get('pageSize')) merged.set('pageSize', params.get('pageSize')!);
      setParams(merged);
    },
    [params, setParams],
  );

  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total: data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    onChange: (nextPage, nextSize) => {
      const next = new URLSearchParams(params);
      next.set('page', String(nextSize !== pageSize ? 1 : nextPage));
      next.set('pageSize', String(nextSize));
      setParams(next);
    },
  };

  return { data, loading, error, filters, setFilters, pagination, reload: () => void queryClient.invalidateQueries({ queryKey: queryKeys.under(path ?? '') }), query };
}
