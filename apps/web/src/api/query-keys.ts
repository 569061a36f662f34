// The key of every query the console asks is the API path it reads, split at its slashes, and
// then its query string's values: ['api', 'campaigns', '12', 'progress', { asOf }]. A change
// under a path therefore invalidates exactly the queries that read under it (keys match by
// prefix), and a mutation names what it changed in the API's own words.

type Query = Record<string, unknown>;

function segments(path: string): string[] {
  return path.split('/').filter(Boolean);
}

export const queryKeys = {
  /** The key of one GET of `path` with `query`. */
  get: (path: string, query: Query = {}): readonly unknown[] => ['api', ...segments(path), query],
  /** Every query that reads `path` or anything under it (to invalidate after a change). */
  under: (path: string): readonly unknown[] => ['api', ...segments(path)],
  /** Everything: only for sign-out, which clears the cache rather than invalidating it. */
  all: ['api'] as const,
};
