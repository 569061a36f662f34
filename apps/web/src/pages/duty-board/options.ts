// What the filters offer: campaigns, their phases, departments and districts, read from the API.
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Department } from '../../api/types';
import type { CampaignListItem as CampaignHeader, PhaseView as CampaignPhase } from '@duban/contracts';

export interface FilterOptions {
  campaigns: CampaignHeader[];
  phases: CampaignPhase[];
  /** Units that hold duties: member departments and district governments. */
  holders: Department[];
  districts: Department[];
  /** A failure to load the lists (the filters still work by URL). */
  error: unknown;
}

export function useFilterOptions(campaignId: string | undefined): FilterOptions {
  const [campaigns, setCampaigns] = useState<CampaignHeader[]>([]);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [phases, setPhases] = useState<CampaignPhase[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([
      api.get<CampaignHeader[]>('/campaigns', undefined, controller.signal),
      api.get<Department[]>('/departments', undefined, controller.signal),
    ])
      .then(([c, d]) => {
        setCampaigns(c);
        setDepartments(d);
      })
      .catch((failure: unknown) => {
        if ((failure as Error).name !== 'AbortError') setError(failure);
      });
    return () => controller.abort();
  }, []);

  useEffect(() => {
    if (!campaignId) {
      setPhases([]);
      return;
    }
    const controller = new AbortController();
    api
      .get<{ phases: CampaignPhase[] }>(`/campaigns/${campaignId}`, undefined, controller.signal)
      .then((campaign) => setPhases([...campaign.phases].sort((a, b) => a.seq - b.seq)))
      .catch((failure: unknown) => {
        if ((failure as Error).name !== 'AbortError') setPhases([]);
      });
    return () => controller.abort();
  }, [campaignId]);

  return {
    campaigns,
    phases,
    holders: departments.filter((d) => d.kind !== 'inspection_team'),
    districts: departments.filter((d) => d.kind === 'district'),
    error,
  };
}
