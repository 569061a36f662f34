// Per department (or district): counts by state, open, overdue, late, returns, closed on time
// and late, with the totals, for the board's campaign, phase and district filters.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Segmented, Space, Table, Typography } from 'antd';
import { DUTY_STATES } from '@duban/domain';
import { apiQuery } from '../../api/query-keys';
import { ExportButtons } from '../../components/ExportButtons';
import { listErrorText } from './list-error';
import { useI18n } from '../../i18n/i18n';
import type { DutyGroupCounts as GroupCounts, DutyStats as StatsAnswer } from '@duban/contracts';

type GroupBy = 'department' | 'district';

interface Props {
  filters: Record<string, string>;
  /** Shows the board's duties of one department. */
  onShowDepartment(departmentId: string): void;
}

export function StatsPanel({ filters, onShowDepartment }: Props) {
  const { t, label } = useI18n();
  const [groupBy, setGroupBy] = useState<GroupBy>('department');
  const query = { groupBy, campaignId: filters.campaignId, phaseId: filters.phaseId, districtId: filters.districtId };
  // The counts on screen stay while the next grouping or filter is asked.
  const answer = useQuery({ ...apiQuery<StatsAnswer>('/overview/departments', query), placeholderData: keepPreviousData });
  const data = answer.data ?? null;
  const loading = answer.isFetching;
  const error = answer.error;

  type Row = GroupCounts & { id: string; name: string; code: string; isTotal?: boolean };
  const rows: Row[] = data ? [...data.rows, { ...data.totals, id: '__totals', code: '', name: t('board.stats.totals'), isTotal: true }] : [];
  const shown = data?.groupBy ?? groupBy;
  const count = (key: keyof Omit<GroupCounts, 'byState'>, title: string) => ({ title, dataIndex: key, width: 96, align: 'right' as const });

  return (
    <Space orientation="vertical" className="full-width">
      <Space wrap className="toolbar">
        <Segmented<GroupBy>
          aria-label={t('board.statsGroupBy')}
          value={groupBy}
          onChange={setGroupBy}
          options={[
            { value: 'department', label: t('board.groupBy.department') },
            { value: 'district', label: t('board.groupBy.district') },
          ]}
        />
        <ExportButtons path="/overview/departments" query={query} name={`duty-stats-${groupBy}`} />
      </Space>
      {error != null && <Alert type="error" showIcon role="alert" title={listErrorText(error, t)} />}
      <Table<Row>
        rowKey="id"
        size="small"
        data-testid="duty-stats-table"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1400 }}
        rowClassName={(row) => (row.isTotal ? 'stats-total-row' : '')}
        columns={[
          {
            title: t(shown === 'district' ? 'board.stats.name.district' : 'board.stats.name.department'),
            dataIndex: 'name',
            fixed: 'left',
            width: 200,
            render: (name: string, row) => {
              if (row.isTotal) return <Typography.Text strong>{name}</Typography.Text>;
              const text = name || t('board.stats.noDistrict');
              return shown === 'department' ? (
                <Button type="link" className="link-cell" onClick={() => onShowDepartment(row.id)} title={t('board.stats.showDuties')}>
                  {text}
                </Button>
              ) : (
                text
              );
            },
          },
          count('total', t('board.stats.total')),
          ...DUTY_STATES.map((state) => ({
            title: label('dutyState', state),
            key: state,
            width: 88,
            align: 'right' as const,
            render: (_: unknown, row: Row) => row.byState[state] ?? 0,
          })),
          count('open', t('board.stats.open')),
          count('overdue', t('board.stats.overdue')),
          count('late', t('board.stats.late')),
          count('returns', t('board.stats.returns')),
          count('closedOnTime', t('board.stats.closedOnTime')),
          count('closedLate', t('board.stats.closedLate')),
        ]}
      />
    </Space>
  );
}
