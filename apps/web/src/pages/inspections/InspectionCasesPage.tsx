import { Badge, Card, Checkbox, Segmented, Select, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { ExportButtons } from '../../components/ExportButtons';
import { ServerTable } from '../../components/ServerTable';
import { formatDate } from '../../components/format';
import { useServerTable } from '../../components/useServerTable';
import { FilterSelect } from '../../components/FilterSelect';
import { useI18n } from '../../i18n/i18n';
import { sectorLabel, useReference } from '../compliance/reference';
import { ExposureTag, FindingTag, InspectionStatusTag } from '../compliance/tags';
import type { InspectionCaseList, InspectionCaseSummary } from '@duban/contracts';

/** The inspectors' inbox: their team's inspection cases (the office and viewers: every team's). */
export function InspectionCasesPage() {
  const { t, label } = useI18n();
  const { hasRole } = useSession();
  const seesAll = hasRole('office', 'viewer');
  const reference = useReference({ teams: seesAll });
  const table = useServerTable<InspectionCaseSummary, InspectionCaseList>('/inspection-cases');
  const counts = table.data?.countsByStatus;
  const status = table.filters.status ?? '';
  const set = (key: string, value: string | undefined) => table.setFilters({ ...table.filters, [key]: value });

  return (
    <Space orientation="vertical" size="middle" className="page">
      <Typography.Title level={1} className="page-title">
        {t('inspection.title')}
      </Typography.Title>
      <Card>
        <Space orientation="vertical" className="full-width">
          <Segmented
            aria-label={t('inspection.status')}
            value={status}
            onChange={(value) => set('status', String(value) || undefined)}
            options={[
              {
                value: '',
                label: (
                  <span data-testid="count-all">
                    {t('common.all')} <Badge count={counts ? counts.open + counts.closed : 0} showZero color="#595959" />
                  </span>
                ),
              },
              {
                value: 'open',
                label: (
                  <span data-testid="count-open">
                    {label('inspectionStatus', 'open')} <Badge count={counts?.open ?? 0} showZero color="#b71c1c" />
                  </span>
                ),
              },
              {
                value: 'closed',
                label: (
                  <span data-testid="count-closed">
                    {label('inspectionStatus', 'closed')} <Badge count={counts?.closed ?? 0} showZero color="#595959" />
                  </span>
                ),
              },
            ]}
          />
          <Space wrap className="toolbar">
            <Space wrap>
              {seesAll && (
                <Select
                  aria-label={t('inspection.team')}
                  placeholder={t('inspection.team')}
                  allowClear
                  className="filter-select"
                  value={table.filters.teamId}
                  disabled={table.filters.unassigned === 'true'}
                  onChange={(value?: string) => set('teamId', value)}
                  options={reference.teams.map((team) => ({ value: team.id, label: team.name }))}
                />
              )}
              <FilterSelect
                label={t('common.district')}
                value={table.filters.districtId}
                onChange={(value) => set('districtId', value)}
                options={reference.districts.map((d) => ({ value: d.id, label: d.name }))}
                searchable
              />
              <FilterSelect
                label={t('compliance.sector')}
                value={table.filters.sectorKey}
                onChange={(value) => set('sectorKey', value)}
                options={reference.sectors.map((s) => ({ value: s.key, label: s.label }))}
                searchable
              />
              {seesAll && (
                <Checkbox
                  checked={table.filters.unassigned === 'true'}
                  onChange={(e) => table.setFilters({ ...table.filters, unassigned: e.target.checked ? 'true' : undefined, teamId: undefined })}
                >
                  {t('inspection.unassignedOnly')}
                </Checkbox>
              )}
            </Space>
            <ExportButtons path="/inspection-cases" query={table.query} name="inspection-cases" />
          </Space>
          <ServerTable<InspectionCaseSummary>
            table={table}
            rowKey="id"
            data-testid="inspection-cases-table"
            scroll={{ x: 1200 }}
            columns={[
              {
                title: t('compliance.unit'),
                dataIndex: 'unitName',
                fixed: 'left',
                width: 220,
                render: (name: string | null, c) => (
                  <Link to={`/inspection-cases/${c.id}`} data-testid="inspection-case-link">
                    {name ?? c.creditCode}
                  </Link>
                ),
              },
              { title: t('compliance.creditCode'), dataIndex: 'creditCode', width: 190, render: (code: string) => <Link to={`/units/${code}`}>{code}</Link> },
              { title: t('compliance.finding'), dataIndex: 'finding', width: 140, render: (f: InspectionCaseSummary['finding']) => <FindingTag finding={f} /> },
              { title: t('inspection.status'), dataIndex: 'status', width: 100, render: (s: InspectionCaseSummary['status']) => <InspectionStatusTag status={s} /> },
              ...(seesAll
                ? [
                    {
                      title: t('inspection.team'),
                      dataIndex: 'teamName',
                      width: 160,
                      render: (name: string | null) => name ?? <Tag color="warning">{t('inspection.unassigned')}</Tag>,
                    },
                  ]
                : []),
              { title: t('common.district'), dataIndex: 'districtName', width: 120 },
              { title: t('compliance.sector'), dataIndex: 'sectorKey', width: 140, render: (key: string | null) => sectorLabel(reference, key) },
              { title: t('compliance.noticeDeadline'), dataIndex: 'noticeDeadline', width: 120, render: (at: string | null) => formatDate(at) },
              {
                title: t('inspection.lastAction'),
                dataIndex: 'lastActionType',
                width: 200,
                render: (type: InspectionCaseSummary['lastActionType'], c) =>
                  type ? `${label('enforcementAction', type)} · ${c.lastActionDate ?? ''}` : <Typography.Text type="secondary">{t('inspection.noActionYet')}</Typography.Text>,
              },
              { title: t('inspection.actionCount'), dataIndex: 'actionCount', width: 90 },
              { title: t('compliance.exposure'), dataIndex: 'exposureStatus', width: 110, render: (s: InspectionCaseSummary['exposureStatus']) => <ExposureTag status={s} /> },
            ]}
          />
        </Space>
      </Card>
    </Space>
  );
}
