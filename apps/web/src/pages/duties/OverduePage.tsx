// 逾期督办: open duties past their due time, longest overdue first, with how long and the last
// escalation step; the same filters as the board (campaign, phase, department, district).
import { Alert, Card, Space, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { DutyState } from '../../api/types';
import { ExportButtons } from '../../components/ExportButtons';
import { formatDateTime } from '../../components/format';
import { escalationStepText } from '../../components/history-words';
import { DutyStateTag } from '../../components/StateTag';
import { useServerTable } from '../../components/useServerTable';
import { listErrorText } from './list-error';
import { useI18n } from '../../i18n/i18n';
import { durationText } from './duration';
import { DutyFilters } from './DutyFilters';
import { useFilterOptions } from './options';
import { SavedFilters } from './SavedFilters';
import type { OverdueListItem as OverdueDuty } from '@duban/contracts';

export function OverduePage() {
  const { t } = useI18n();
  const table = useServerTable<OverdueDuty>('/overview/overdue');
  const options = useFilterOptions(table.filters.campaignId);

  return (
    <Space orientation="vertical" size="middle" className="page">
      <Typography.Title level={1} className="page-title">
        {t('overdue.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('overdue.intro')}</Typography.Paragraph>
      <Card>
        <Space orientation="vertical" className="full-width">
          <SavedFilters view="overdue" filters={table.filters} setFilters={table.setFilters} />
          <DutyFilters filters={table.filters} setFilters={table.setFilters} options={options} fields={['campaign', 'phase', 'department', 'district']} />
          <Space wrap className="toolbar">
            <span />
            <ExportButtons path="/overview/overdue" query={table.query} name="overdue-duties" />
          </Space>
          {table.error != null && <Alert type="error" showIcon role="alert" title={listErrorText(table.error, t)} />}
          <Table<OverdueDuty>
            rowKey="id"
            size="middle"
            data-testid="overdue-table"
            loading={table.loading}
            dataSource={table.data?.items ?? []}
            pagination={{ ...table.pagination, showTotal: (total) => t('common.total', { total }) }}
            scroll={{ x: 1300 }}
            columns={[
              { title: t('duty.title'), dataIndex: 'title', width: 260, render: (title: string, d) => <Link to={`/duties/${d.id}`}>{title}</Link> },
              { title: t('board.department'), dataIndex: 'departmentName', width: 160 },
              { title: t('board.district'), dataIndex: 'districtName', width: 120, render: (name: string | null) => name ?? '' },
              { title: t('common.state'), dataIndex: 'state', width: 110, render: (s: DutyState) => <DutyStateTag state={s} /> },
              { title: t('duty.dueAt'), dataIndex: 'dueAt', width: 150, render: formatDateTime },
              {
                title: t('overdue.overdueFor'),
                dataIndex: 'overdueForMs',
                width: 150,
                render: (ms: number) => <Typography.Text strong>{durationText(ms, t)}</Typography.Text>,
              },
              {
                title: t('overdue.lastEscalation'),
                key: 'escalation',
                width: 220,
                render: (_: unknown, d) =>
                  d.lastEscalation ? (
                    <Space orientation="vertical" size={0}>
                      <span>{escalationStepText(d.lastEscalation.step, t)}</span>
                      <Typography.Text type="secondary">{t('overdue.firedAt', { at: formatDateTime(d.lastEscalation.firedAt) })}</Typography.Text>
                    </Space>
                  ) : (
                    t('overdue.noEscalation')
                  ),
              },
            ]}
          />
        </Space>
      </Card>
    </Space>
  );
}
