// The console's one cache of API answers. An office tool's data changes under other users'
// hands, so answers go stale quickly and are asked again when the window comes back into focus.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

/**
 * Only a failure on the way (no network, a gateway or an API that is restarting) is asked once
 * more; any other answer (401, 403, 404, 409, a 500 …) is the answer and is shown at once.
 */
function worthRetrying(failures: number, error: unknown): boolean {
  const transient = error instanceof ApiError && [0, 502, 503, 504].includes(error.status);
  return transient && failures < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 5_000, refetchOnWindowFocus: true, retry: worthRetrying },
      mutations: { retry: false },
    },
  });
}
