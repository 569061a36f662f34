// The campaign a page shows, kept in the URL (?campaignId=) so the view can be bookmarked or
// shared. The office and viewers choose among every campaign (GET /campaigns); a department
// officer may not list campaigns, so they choose among those their unit owes reports in.
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { apiQuery } from '../api/query-keys';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { errorText } from './api-errors';

export interface CampaignOption {
  id: string;
  name: string;
  period?: { start: string; end: string };
  status?: string;
}

interface CampaignHeader {
  id: string;
  name: string;
  period: { start: string; end: string };
  status: string;
}

interface ReportsAnswer {
  items: Array<{ campaignId: string; campaignName: string }>;
}

export function useCampaignOptions() {
  const me = useMe();
  const lists = me.role === 'office' || me.role === 'viewer';
  const owes = me.role === 'department_officer';
  const campaigns = useQuery({
    ...apiQuery<CampaignHeader[]>('/campaigns'),
    enabled: lists,
    select: (found): CampaignOption[] => found.map((c) => ({ id: c.id, name: c.name, period: c.period, status: c.status })),
  });
  const reported = useQuery({
    ...apiQuery<ReportsAnswer>('/reports', { pageSize: 500 }),
    enabled: owes,
    select: (reports): CampaignOption[] => {
      const seen = new Map<string, CampaignOption>();
      for (const r of reports.items) if (!seen.has(r.campaignId)) seen.set(r.campaignId, { id: r.campaignId, name: r.campaignName });
      return [...seen.values()];
    },
  });
  const answer = lists ? campaigns : owes ? reported : null;
  // null while asked; a failure offers nothing and says why; other roles are offered nothing.
  const options = !answer || answer.isError ? [] : (answer.data ?? null);
  const error = answer?.error ?? null;
  return { options, error };
}

/** The chosen campaign (from the URL; the first one offered when none is named yet). */
export function useCampaignChoice() {
  const { options, error } = useCampaignOptions();
  const [params, setParams] = useSearchParams();
  const named = params.get('campaignId');
  useEffect(() => {
    if (!named && options && options.length > 0) {
      const next = new URLSearchParams(params);
      next.set('campaignId', options[0].id);
      setParams(next, { replace: true });
    }
  }, [named, options, params, setParams]);
  const choose = (id: string) => {
    const next = new URLSearchParams();
    next.set('campaignId', id);
    setParams(next);
  };
  const campaignId = named ?? null;
  const campaign = options?.find((o) => o.id === campaignId) ?? null;
  return { options, error, campaignId, campaign, choose };
}

export function CampaignSelect({ choice }: { choice: ReturnType<typeof useCampaignChoice> }) {
  const { t } = useI18n();
  return (
    <Select
      aria-label={t('common.campaign')}
      data-testid="campaign-select"
      className="campaign-select"
      loading={choice.options === null}
      placeholder={choice.error ? errorText(choice.error, t) : t('campaignChoice.placeholder')}
      status={choice.error ? 'error' : undefined}
      value={choice.campaignId ?? undefined}
      onChange={(id: string) => choice.choose(id)}
      showSearch
      optionFilterProp="label"
      notFoundContent={t('campaignChoice.none')}
      options={(choice.options ?? []).map((c) => ({ value: c.id, label: c.period ? `${c.name}（${c.period.start} – ${c.period.end}）` : c.name }))}
      style={{ minWidth: 280, maxWidth: '100%' }}
    />
  );
}
