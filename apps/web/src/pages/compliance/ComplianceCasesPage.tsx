import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Input, Select, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { COMPLIANCE_CASE_STATES, FINDINGS } from '@duban/domain';
import { apiQuery } from '../../api/query-keys';
import { useSession } from '../../auth/session';
import { ExportButtons } from '../../components/ExportButtons';
import { ServerTable } from '../../components/ServerTable';
import { formatDate, formatDateTime } from '../../components/format';
import { useServerTable } from '../../components/useServerTable';
import { FilterSelect } from '../../components/FilterSelect';
import { useI18n } from '../../i18n/i18n';
import { creditCodeMistake } from './creditCode';
import { sectorLabel, useReference } from './reference';
import { CaseStateTag, ExposureTag, FindingTag } from './tags';
import type { ComplianceCaseSummary } from '@duban/contracts';

/** Compliance cases: every case for the office and viewers, a department's for its officers. */
export function ComplianceCasesPage() {
  const { t, label } = useI18n();
  const { hasRole } = useSession();
  const seesAll = hasRole('office', 'viewer');
  const reference = useReference();
  const table = useServerTable<ComplianceCaseSummary>('/compliance-cases');
  const campaigns = useQuery({ ...apiQuery<Array<{ id: string; name: string }>>('/campaigns'), enabled: seesAll }).data ?? [];
  const [code, setCode] = useState(table.filters.creditCode ?? '');
  const [codeMistake, setCodeMistake] = useState<string | null>(null);
  const set = (key: string, value: string | undefined) => table.setFilters({ ...table.filters, [key]: value });

  const searchCode = (value: string) => {
    const wanted = value.trim().toUpperCase();
    if (!wanted) {
      setCodeMistake(null);
      set('creditCode', undefined);
      return;
    }
    const wrong = creditCodeMistake(wanted);
    setCodeMistake(wrong ? t(wrong.key, wrong.values) : null);
    if (!wrong) set('creditCode', wanted);
  };

  return (
    <Space orientation="vertical" size="middle" className="page">
      <Typography.Title level={1} className="page-title">
        {t('cases.title')}
      </Typography.Title>
      <Card>
        <Space orientation="vertical" className="full-width">
          <Space wrap className="toolbar">
            <Space wrap align="start">
              {seesAll && (
                <FilterSelect
                  label={t('common.campaign')}
                  value={table.filters.campaignId}
                  onChange={(value) => set('campaignId', value)}
                  options={campaigns.map((c) => ({ value: c.id, label: c.name }))}
                />
              )}
              {seesAll && (
                <FilterSelect
                  label={t('compliance.department')}
                  value={table.filters.departmentId}
                  onChange={(value) => set('departmentId', value)}
                  options={reference.departments.map((d) => ({ value: d.id, label: d.name }))}
                  searchable
                />
              )}
              <Select
                aria-label={t('compliance.caseState')}
                placeholder={t('compliance.caseState')}
                allowClear
                className="filter-select"
                value={table.filters.state}
                onChange={(value?: string) => set('state', value)}
                options={COMPLIANCE_CASE_STATES.map((s) => ({ value: s, label: label('caseState', s) }))}
                data-testid="cases-state-filter"
              />
              <FilterSelect
                label={t('compliance.finding')}
                value={table.filters.finding}
                onChange={(value) => set('finding', value)}
                options={FINDINGS.map((f) => ({ value: f, label: label('finding', f) }))}
              />
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
              <Space orientation="vertical" size={0}>
                <Input.Search
                  aria-label={t('compliance.creditCode')}
                  placeholder={t('compliance.creditCode')}
                  allowClear
                  maxLength={18}
                  className="code-filter"
                  status={codeMistake ? 'error' : undefined}
                  value={code}
                  onChange={(e) => setCode(e.target.value.toUpperCase())}
                  onSearch={searchCode}
                />
                {codeMistake && (
                  <Typography.Text type="danger" role="alert">
                    {codeMistake}
                  </Typography.Text>
                )}
              </Space>
            </Space>
            <ExportButtons path="/compliance-cases" query={table.query} name="compliance-cases" />
          </Space>
          <ServerTable<ComplianceCaseSummary>
            table={table}
            rowKey="id"
            data-testid="compliance-cases-table"
            scroll={{ x: 1300 }}
            columns={[
              {
                title: t('compliance.unit'),
                dataIndex: 'unitName',
                fixed: 'left',
                width: 220,
                render: (name: string | null, c) => <Link to={`/compliance-cases/${c.id}`}>{name ?? c.creditCode}</Link>,
              },
              { title: t('compliance.creditCode'), dataIndex: 'creditCode', width: 190 },
              { title: t('compliance.finding'), dataIndex: 'finding', width: 140, render: (f: ComplianceCaseSummary['finding']) => <FindingTag finding={f} /> },
              {
                title: t('compliance.caseState'),
                dataIndex: 'state',
                width: 140,
                render: (s: ComplianceCaseSummary['state'], c) => <CaseStateTag state={s} outcome={c.outcome} />,
              },
              { title: t('compliance.department'), dataIndex: 'departmentName', width: 160 },
              { title: t('common.district'), dataIndex: 'districtName', width: 110 },
              { title: t('compliance.sector'), dataIndex: 'sectorKey', width: 130, render: (key: string | null) => sectorLabel(reference, key) },
              { title: t('compliance.noticeNumber'), dataIndex: 'noticeNumber', width: 130 },
              { title: t('compliance.noticeDeadline'), dataIndex: 'noticeDeadline', width: 120, render: (at: string | null) => formatDate(at) },
              { title: t('compliance.exposure'), dataIndex: 'exposureStatus', width: 110, render: (s: ComplianceCaseSummary['exposureStatus']) => <ExposureTag status={s} /> },
              { title: t('cases.foundAt'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatDateTime(at) },
            ]}
          />
        </Space>
      </Card>
    </Space>
  );
}
