import { useEffect, useState } from 'react';
import { api } from '../api/client';

type Query = Parameters<typeof api.get>[1];

/** One GET that follows its path and query (null: nothing to ask yet); a new answer replaces the old. */
export function useApiGet<T>(path: string | null, query?: Query) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(query ?? {});
  useEffect(() => {
    if (!path) {
      setData(null);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    api
      .get<T>(path, JSON.parse(key) as Query, controller.signal)
      .then((answer) => {
        setData(answer);
        setError(null);
      })
      .catch((failure: unknown) => {
        if ((failure as Error).name === 'AbortError') return;
        setData(null);
        setError(failure);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, key, version]);
  return { data, error, loading, reload: () => setVersion((v) => v + 1) };
}
