// The key of every query the console asks is the API path it reads, split at its slashes, and
// then its query string's values: ['api', 'campaigns', '12', 'progress', { asOf }]. A change
// under a path therefore invalidates exactly the queries that read under it (keys match by
// prefix), and a mutation names what it changed in the API's own paths.
import { queryOptions, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { api } from './client';

type Query = NonNullable<Parameters<typeof api.get>[1]>;

function segments(path: string): string[] {
  return path.split('/').filter(Boolean);
}

const under = (path: string): QueryKey => ['api', ...segments(path)];

export const queryKeys = {
  /** The key of one GET of `path` with `query`. */
  get: (path: string, query: Query = {}): QueryKey => ['api', ...segments(path), query],
  /** A page's one read of a record with its parts (a duty, its timeline, evidence and comments). */
  record: (path: string): QueryKey => ['api', ...segments(path), { record: true }],
  /** Every query that reads `path` or anything under it (to invalidate after a change). */
  under,
  /** What a duty action changes: the duty, and the lists, boards and progress it counts in. */
  dutyChanged: (id: string): QueryKey[] => [under(`/duties/${id}`), under('/inbox'), under('/overview'), under('/campaigns')],
  /** What a phase's launch changes: the campaign and its phases, and the duties it created in every list. */
  phaseLaunched: (): QueryKey[] => [under('/campaigns'), under('/duties'), under('/inbox'), under('/overview')],
  /** What a bulk duty action changes: the duties, and the lists, boards and progress they count in. */
  dutiesChanged: (): QueryKey[] => [under('/duties'), under('/inbox'), under('/overview'), under('/campaigns')],
  /** What a report's filing changes: the reports and their lists, and the duty it submits with everything that counts it. */
  reportFiled: (dutyId: string): QueryKey[] => [under('/reports'), under(`/duties/${dutyId}`), under('/inbox'), under('/overview'), under('/campaigns')],
  /** What a compliance case's step changes: the case, the case list, and its unit's history. */
  caseChanged: (): QueryKey[] => [under('/compliance-cases'), under('/units')],
  /** What an enforcement action changes: the inspection case and its list, its compliance case, its unit. */
  inspectionChanged: (): QueryKey[] => [under('/inspection-cases'), under('/compliance-cases'), under('/units')],
  /** What a decision on an exposure proposal changes: the proposals, the public list, the case. */
  exposureDecided: (): QueryKey[] => [under('/exposure-proposals'), under('/exposure-list'), under('/compliance-cases')],
  /** What an assessment's run, recomputation, review or finalisation changes: the assessment, and its campaign's (the campaign's assessment and log). */
  assessmentChanged: (campaignId: string): QueryKey[] => [under('/assessments'), under(`/campaigns/${campaignId}`)],
  /** What a circular's draft, revision or publication changes: the circular, and its campaign's (the campaign's circulars and log). */
  circularChanged: (campaignId: string): QueryKey[] => [under('/circulars'), under(`/campaigns/${campaignId}`)],
  /** What a saved calendar year changes: the year and its revisions, and the report rounds still to open (scheduled on working days). */
  calendarChanged: (): QueryKey[] => [under('/calendar'), under('/campaigns')],
  /** Everything: only for sign-out, which clears the cache rather than invalidating it. */
  all: ['api'] as const,
};

/** Asks again every query under the keys (those on screen now, the others when next shown). */
export async function invalidate(queryClient: QueryClient, keys: QueryKey[]): Promise<void> {
  await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** One GET as a query: its key from the path and query, cancelled when no one waits for it. */
export function apiQuery<T>(path: string, query?: Query) {
  return queryOptions({ queryKey: queryKeys.get(path, query), queryFn: ({ signal }) => api.get<T>(path, query, signal) });
}
