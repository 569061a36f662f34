// What the filters offer: campaigns, their phases, departments and districts, read from the API.
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../api/query-keys';
import type { CampaignListItem as CampaignHeader, Department, PhaseView as CampaignPhase } from '@duban/contracts';

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
  const campaignList = useQuery(apiQuery<CampaignHeader[]>('/campaigns'));
  const departmentList = useQuery(apiQuery<Department[]>('/departments'));
  // Both lists or neither, as one answer: a failure of either leaves both empty.
  const error = campaignList.error ?? departmentList.error;
  const campaigns = error ? [] : (campaignList.data ?? []);
  const departments = error ? [] : (departmentList.data ?? []);
  const phases =
    useQuery({
      ...apiQuery<{ phases: CampaignPhase[] }>(`/campaigns/${campaignId}`),
      enabled: Boolean(campaignId),
      select: (campaign) => [...campaign.phases].sort((a, b) => a.seq - b.seq),
    }).data ?? [];

  return {
    campaigns,
    phases,
    holders: departments.filter((d) => d.kind !== 'inspection_team'),
    districts: departments.filter((d) => d.kind === 'district'),
    error,
  };
}
