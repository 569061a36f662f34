// Lists the compliance pages' filters choose from: districts and departments (GET /departments),
// sectors (GET /duty-matrix), inspection teams (GET /inspection-teams). Read once per page.
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../api/query-keys';
import type { Department, InspectionTeam } from '@duban/contracts';

export interface Reference {
  districts: Department[];
  departments: Department[];
  sectors: Array<{ key: string; label: string }>;
  teams: InspectionTeam[];
}

/** What is not readable (a role without access) stays empty: the filters then offer nothing. */
export function useReference(what: { teams?: boolean } = {}): Reference {
  const departments = useQuery(apiQuery<Department[]>('/departments')).data ?? [];
  const matrix = useQuery(apiQuery<Array<{ kind: string; key: string; label: string }>>('/duty-matrix')).data ?? [];
  const teams = useQuery({ ...apiQuery<InspectionTeam[]>('/inspection-teams'), enabled: what.teams ?? false }).data;
  return {
    districts: departments.filter((d) => d.kind === 'district'),
    departments: departments.filter((d) => d.kind === 'department'),
    sectors: matrix.filter((r) => r.kind === 'sector').map((r) => ({ key: r.key, label: r.label })),
    teams: (what.teams && teams) || [],
  };
}

/** A sector's label from the matrix, or its key. */
export function sectorLabel(reference: Reference, key: string | null | undefined): string {
  if (!key) return '';
  return reference.sectors.find((s) => s.key === key)?.label ?? key;
}
