import { Alert, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import type { DutyState } from '../../api/types';
import type { Department } from '@duban/contracts';
import { useMe } from '../../auth/session';
import { errorText } from '../../components/api-errors';
import { useCampaignOptions } from '../../components/CampaignChoice';
import { ExportButtons } from '../../components/ExportButtons';
import { formatDateTime } from '../../components/format';
import { useApiGet } from '../../components/useApiGet';
import { useI18n } from '../../i18n/i18n';
import type { ReportList, ReportRoundView as ReportRound, ReportSummary, UpcomingReportRoundView as UpcomingReportRound } from '@duban/contracts';
import { FILABLE_STATES } from './types';
import { roundName } from './words';

const STATES: DutyState[] = ['assigned', 'acknowledged', 'in_progress', 'submitted', 'returned', 'accepted', 'cancelled'];
const FILTERS = ['campaignId', 'roundId', 'unitId', 'state'] as const;
/** The API's largest page: an export gets every report up to it. */
const EXPORT_PAGE = 500;

/**
 * Periodic reports: a department officer's are the ones their unit owes (what is still to file
 * comes first in their eyes: the state says it); the office and viewers see every unit's.
 */
export function ReportsPage() {
  const { t, label } = useI18n();
  const me = useMe();
  const officer = me.role === 'department_officer';
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const filters: Record<string, string> = {};
  for (const key of FILTERS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const list = useApiGet<ReportList>('/reports', { ...filters, page, pageSize });
  const campaigns = useCampaignOptions();
  // The rounds opened (the round filter) and those the plan will open (the list under the reports).
  const rounds = useApiGet<{ items: ReportRound[]; upcoming?: UpcomingReportRound[] }>(!officer && filters.campaignId ? `/campaigns/${filters.campaignId}/report-rounds` : null, {
    include: 'upcoming',
  });
  const units = useApiGet<Department[]>(officer ? null : '/departments');
  const setFilter = (key: (typeof FILTERS)[number], value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'campaignId') next.delete('roundId');
    next.delete('page');
    setParams(next);
  };

  return (
    <Space orientation="vertical" size="middle" className="page">
      <Typography.Title level={1} className="page-title">
        {officer ? t('reports.titleOwn') : t('reports.title')}
        {officer && me.department && <Typography.Text type="secondary"> · {me.department.name}</Typography.Text>}
      </Typography.Title>
      <Card>
        <Space orientation="vertical" className="full-width">
          <Space wrap className="toolbar">
            <Space wrap>
              <Select
                aria-label={t('common.campaign')}
                placeholder={t('common.campaign')}
                allowClear
                style={{ minWidth: 240 }}
                value={filters.campaignId}
                onChange={(v?: string) => setFilter('campaignId', v)}
                options={(campaigns.options ?? []).map((c) => ({ value: c.id, label: c.name }))}
                data-testid="reports-campaign"
              />
              {!officer && (
                <Select
                  aria-label={t('reports.round')}
                  placeholder={t('reports.round')}
                  allowClear
                  disabled={!filters.campaignId}
                  style={{ minWidth: 200 }}
                  value={filters.roundId}
                  onChange={(v?: string) => setFilter('roundId', v)}
                  options={(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: `${roundName(r.roundKey, label)}（${t('reports.dueOn', { date: r.dueDate })}）` }))}
                />
              )}
              {!officer && (
                <Select
                  aria-label={t('reports.unit')}
                  placeholder={t('reports.unit')}
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  style={{ minWidth: 200 }}
                  value={filters.unitId}
                  onChange={(v?: string) => setFilter('unitId', v)}
                  options={(units.data ?? []).filter((d) => d.kind !== 'inspection_team').map((d) => ({ value: d.id, label: d.name }))}
                />
              )}
              <Select
                aria-label={t('common.state')}
                placeholder={t('common.state')}
                allowClear
                style={{ minWidth: 140 }}
                value={filters.state}
                onChange={(v?: string) => setFilter('state', v)}
                options={STATES.map((s) => ({ value: s, label: label('reportState', s) }))}
                data-testid="reports-state"
              />
            </Space>
            <ExportButtons path="/reports" query={{ ...filters, page: 1, pageSize: EXPORT_PAGE }} name="reports" />
          </Space>
          {list.error != null && <Alert type="error" showIcon title={errorText(list.error, t)} />}
          <Table<ReportSummary>
            data-testid="reports-table"
            rowKey="id"
            size="middle"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1300 }}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (total) => t('common.total', { total }),
              onChange: (nextPage, nextSize) => {
                const next = new URLSearchParams(params);
                next.set('page', String(nextSize !== pageSize ? 1 : nextPage));
                next.set('pageSize', String(nextSize));
                setParams(next);
              },
            }}
            columns={[
              {
                title: t('reports.round'),
                key: 'round',
                width: 170,
                render: (_, r) => <Link to={`/reports/${r.id}`}>{roundName(r.roundKey, label)}</Link>,
              },
              ...(officer ? [] : [{ title: t('reports.unit'), dataIndex: 'unitName', key: 'unit', width: 160 }]),
              { title: t('common.campaign'), dataIndex: 'campaignName', key: 'campaign', width: 200, ellipsis: true },
              { title: t('reports.period'), key: 'period', width: 200, render: (_, r) => `${r.periodStart} – ${r.periodEnd}` },
              {
                title: t('reports.dueAt'),
                dataIndex: 'dueAt',
                key: 'due',
                width: 170,
                render: (at: string, r) => (
                  <Space size={4} wrap>
                    {formatDateTime(at)}
                    {officer && FILABLE_STATES.includes(r.dutyState) && new Date(at).getTime() < Date.now() && <Tag color="error">{t('reports.overdue')}</Tag>}
                  </Space>
                ),
              },
              { title: t('common.state'), dataIndex: 'dutyState', key: 'state', width: 110, render: (s: DutyState) => <ReportStateTag state={s} /> },
              {
                title: t('reports.firstFiledAt'),
                dataIndex: 'firstFiledAt',
                key: 'filed',
                width: 190,
                render: (at: string | null, r) =>
                  at ? (
                    <Space size={4} wrap>
                      {formatDateTime(at)}
                      {new Date(at) > new Date(r.dueAt) && <Tag color="warning">{t('reports.filedLate')}</Tag>}
                    </Space>
                  ) : (
                    '—'
                  ),
              },
              { title: t('reports.latestVersion'), dataIndex: 'latestVersion', key: 'version', width: 90, render: (v: number | null) => v ?? '—' },
              ...(officer
                ? []
                : [
                    {
                      title: t('reports.flagged'),
                      dataIndex: 'flagged',
                      key: 'flagged',
                      width: 120,
                      render: (f: boolean) => (f ? <Tag color="warning">{t('reports.flaggedYes')}</Tag> : ''),
                    },
                  ]),
            ]}
          />
        </Space>
      </Card>
      {!officer && filters.campaignId && (
        <Card>
          <Typography.Title level={2} className="section-title">
            {t('reports.upcoming')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('reports.upcomingHint')}</Typography.Paragraph>
          {rounds.error != null && <Alert type="error" showIcon title={errorText(rounds.error, t)} />}
          <Table<UpcomingReportRound>
            data-testid="reports-upcoming"
            rowKey="roundKey"
            size="small"
            loading={rounds.loading}
            dataSource={rounds.data?.upcoming ?? []}
            locale={{ emptyText: t('reports.upcomingNone') }}
            pagination={{ pageSize: 12, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            columns={[
              { title: t('reports.round'), key: 'round', width: 170, render: (_, r) => roundName(r.roundKey, label) },
              { title: t('reports.period'), key: 'period', width: 200, render: (_, r) => `${r.periodStart} – ${r.periodEnd}` },
              { title: t('reports.opensAt'), dataIndex: 'opensAt', key: 'opens', width: 170, render: (at: string) => formatDateTime(at) },
              { title: t('reports.dueAt'), dataIndex: 'dueAt', key: 'due', width: 170, render: (at: string) => formatDateTime(at) },
              {
                title: t('reports.owedBy'),
                key: 'owedBy',
                render: (_, r) => (
                  <Space size={4} wrap>
                    {r.owedBy.map((k) => (
                      <Tag key={k}>{label('unitKind', k)}</Tag>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}

/** A report's state is its duty's, in the words of reports (待报送, 已报送, 已退回, 已审核通过…). */
export function ReportStateTag({ state }: { state: DutyState }) {
  const { label } = useI18n();
  const colour: Record<DutyState, string> = {
    assigned: 'gold',
    acknowledged: 'gold',
    in_progress: 'processing',
    submitted: 'purple',
    returned: 'orange',
    accepted: 'green',
    cancelled: 'default',
  };
  return (
    <Tag color={colour[state]} data-state={state}>
      {label('reportState', state)}
    </Tag>
  );
}
