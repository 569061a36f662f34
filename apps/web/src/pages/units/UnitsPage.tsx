import { useState } from 'react';
import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { formatNumber } from '../../components/format';
import { useServerTable } from '../../components/useServerTable';
import { ServerTable } from '../../components/ServerTable';
import { FilterSelect } from '../../components/FilterSelect';
import { useI18n } from '../../i18n/i18n';
import { creditCodeMistake } from '../compliance/creditCode';
import { sectorLabel, useReference } from '../compliance/reference';
import type { UnitRecord } from '@duban/contracts';

/** Find a unit by its credit code, or browse the resource library by sector and district. */
export function UnitsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const reference = useReference();
  const table = useServerTable<UnitRecord>('/units');
  const [code, setCode] = useState('');
  const [mistake, setMistake] = useState<string | null>(null);
  const districtName = (id: string | null) => reference.districts.find((d) => d.id === id)?.name ?? '';
  const set = (key: string, value: string | undefined) => table.setFilters({ ...table.filters, [key]: value });

  const search = () => {
    const wanted = code.trim().toUpperCase();
    const wrong = creditCodeMistake(wanted);
    if (wrong) {
      setMistake(t(wrong.key, wrong.values));
      return;
    }
    setMistake(null);
    void navigate(`/units/${wanted}`);
  };

  return (
    <Space orientation="vertical" size="middle" className="page">
      <Typography.Title level={1} className="page-title">
        {t('units.title')}
      </Typography.Title>
      <Card>
        <Form layout="vertical" onFinish={search}>
          <Form.Item label={t('units.searchLabel')} validateStatus={mistake ? 'error' : undefined} help={mistake ?? t('units.searchHint')} htmlFor="unit-credit-code">
            <Space.Compact className="full-width code-search">
              <Input
                id="unit-credit-code"
                data-testid="unit-search"
                value={code}
                maxLength={18}
                placeholder="91430400MA4L0XXXXW"
                onChange={(e) => {
                  setCode(e.target.value.toUpperCase());
                  setMistake(null);
                }}
              />
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="unit-search-submit">
                {t('action.search')}
              </Button>
            </Space.Compact>
          </Form.Item>
        </Form>
      </Card>
      <Card>
        <Space orientation="vertical" className="full-width">
          <Typography.Title level={2} className="section-title">
            {t('units.library')}
          </Typography.Title>
          <Space wrap>
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
          </Space>
          <ServerTable<UnitRecord>
            table={table}
            rowKey="creditCode"
            data-testid="units-table"
            scroll={{ x: 900 }}
            columns={[
              { title: t('compliance.creditCode'), dataIndex: 'creditCode', width: 190, render: (c: string) => <Link to={`/units/${c}`}>{c}</Link> },
              { title: t('compliance.unit'), dataIndex: 'name' },
              { title: t('compliance.sector'), dataIndex: 'sectorKey', width: 150, render: (key: string | null) => sectorLabel(reference, key) },
              { title: t('common.district'), dataIndex: 'districtId', width: 130, render: (id: string | null) => districtName(id) },
              { title: t('units.employees'), dataIndex: 'employees', width: 100, render: (n: number | null) => formatNumber(n) },
              { title: t('units.arrears'), dataIndex: 'arrears', width: 130, render: (a: number | null) => (a === null ? '—' : formatNumber(a, 2)) },
            ]}
          />
        </Space>
      </Card>
    </Space>
  );
}
