// Lists the compliance pages' filters choose from: districts and departments (GET /departments),
// sectors (GET /duty-matrix), inspection teams (GET /inspection-teams). Read once per page.
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Department } from '@duban/contracts';
import type { InspectionTeam } from '@duban/contracts';

export interface Reference {
  districts: Department[];
  departments: Department[];
  sectors: Array<{ key: string; label: string }>;
  teams: InspectionTeam[];
}

const EMPTY: Reference = { districts: [], departments: [], sectors: [], teams: [] };

/** What is not readable (a role without access) stays empty: the filters then offer nothing. */
export function useReference(what: { teams?: boolean } = {}): Reference {
  const [reference, setReference] = useState<Reference>(EMPTY);
  const wantTeams = what.teams ?? false;
  useEffect(() => {
    let live = true;
    void Promise.all([
      api.get<Department[]>('/departments').catch(() => [] as Department[]),
      api.get<Array<{ kind: string; key: string; label: string }>>('/duty-matrix').catch(() => []),
      wantTeams ? api.get<InspectionTeam[]>('/inspection-teams').catch(() => [] as InspectionTeam[]) : Promise.resolve([] as InspectionTeam[]),
    ]).then(([departments, matrix, teams]) => {
      if (!live) return;
      setReference({
        districts: departments.filter((d) => d.kind === 'district'),
        departments: departments.filter((d) => d.kind === 'department'),
        sectors: matrix.filter((r) => r.kind === 'sector').map((r) => ({ key: r.key, label: r.label })),
        teams,
      });
    });
    return () => {
      live = false;
    };
  }, [wantTeams]);
  return reference;
}

/** A sector's label from the matrix, or its key. */
export function sectorLabel(reference: Reference, key: string | null | undefined): string {
  if (!key) return '';
  return reference.sectors.find((s) => s.key === key)?.label ?? key;
}
