// 督办总览: duties across departments with counts per state, server-side paging and sorting,
// exports, the office's bulk actions, saved filters, and a statistics tab per department/district.
import { useRef, useState } from 'react';
import { Alert, Button, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import { DUTY_STATES } from '@duban/domain';
import type { DutyState } from '../../api/types';
import { useSession } from '../../auth/session';
import { errorText } from '../../components/api-errors';
import { ExportButtons } from '../../components/ExportButtons';
import { formatDateTime } from '../../components/format';
import { DutyStateTag } from '../../components/StateTag';
import { useServerTable } from '../../components/useServerTable';
import { listErrorText } from './list-error';
import { useI18n } from '../../i18n/i18n';
import { BulkExtendDialog, BulkRemindDialog } from './BulkDialogs';
import { DutyFilters } from './DutyFilters';
import { useFilterOptions } from './options';
import { SavedFilters } from './SavedFilters';
import { StatsPanel } from './StatsPanel';
import type { DutyList as BoardAnswer, DutyListItem as BoardDuty } from '@duban/contracts';

/** Table column → the API's sort key. */
const SORT_KEYS: Record<string, string> = {
  title: 'title',
  departmentName: 'department',
  dueAt: 'dueAt',
  assignedAt: 'assignedAt',
  updatedAt: 'updatedAt',
};

export function DutyBoardPage() {
  const { t, label } = useI18n();
  const { hasRole } = useSession();
  const office = hasRole('office');
  const table = useServerTable<BoardDuty, BoardAnswer>('/overview/duties');
  const { filters, setFilters } = table;
  const options = useFilterOptions(filters.campaignId);
  const [tab, setTab] = useState('duties');
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<'extend' | 'remind' | null>(null);
  // Titles of every duty seen on any page, so the bulk results can name them.
  const seen = useRef(new Map<string, string>());
  for (const item of table.data?.items ?? []) seen.current.set(item.id, item.title);
  const titles = seen.current;
  // After a bulk extension the selection has served: it is cleared when the results are closed.
  const extended = useRef(false);

  const states = filters.state ? filters.state.split(',') : [];
  const counts = table.data?.countsByState;
  const allCount = counts ? DUTY_STATES.reduce((sum, s) => sum + (counts[s] ?? 0), 0) : 0;
  const toggleState = (state: DutyState) => setFilters({ ...filters, state: states.includes(state) ? states.filter((s) => s !== state) : [...states, state] });
  const sortOrder = (column: string) =>
    SORT_KEYS[column] === (filters.sort ?? 'dueAt') ? ((filters.order ?? 'asc') === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;

  return (
    <Space orientation="vertical" size="middle" className="page">
      <Typography.Title level={1} className="page-title">
        {t('board.title')}
      </Typography.Title>
      <Card>
        <Space orientation="vertical" className="full-width">
          <Typography.Title level={2} className="section-title">
            {t('board.filters')}
          </Typography.Title>
          <SavedFilters view="duty-board" filters={filters} setFilters={setFilters} />
          <DutyFilters filters={filters} setFilters={setFilters} options={options} fields={['campaign', 'phase', 'department', 'district', 'state', 'due', 'overdue', 'late']} />
          {options.error != null && <Alert type="warning" showIcon title={errorText(options.error, t)} />}
        </Space>
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'duties',
              label: t('board.tabDuties'),
              children: (
                <Space orientation="vertical" className="full-width">
                  <Typography.Title level={2} className="section-title">
                    {t('board.countsByState')}
                  </Typography.Title>
                  <div className="state-counts" role="group" aria-label={t('board.countsHint')} data-testid="board-counts">
                    <Tag data-testid="count-all">{t('board.allCount', { count: allCount })}</Tag>
                    {DUTY_STATES.map((s) => (
                      <Button
                        key={s}
                        size="small"
                        danger={s === 'returned' && (counts?.[s] ?? 0) > 0}
                        type={states.includes(s) ? 'primary' : 'default'}
                        aria-pressed={states.includes(s)}
                        onClick={() => toggleState(s)}
                        data-testid={`count-${s}`}
                      >
                        {label('dutyState', s)} <strong>{counts?.[s] ?? 0}</strong>
                      </Button>
                    ))}
                  </div>
                  <Space wrap className="toolbar">
                    {office ? (
                      <Space wrap>
                        <Typography.Text data-testid="selected-count">{t('board.selected', { count: selected.length })}</Typography.Text>
                        <Button type="primary" disabled={selected.length === 0} onClick={() => setDialog('extend')} data-testid="bulk-extend">
                          {t('board.bulkExtend')}
                        </Button>
                        <Button danger onClick={() => setDialog('remind')} data-testid="bulk-remind">
                          {t('board.bulkRemind')}
                        </Button>
                        {selected.length > 0 && <Button onClick={() => setSelected([])}>{t('board.clearSelection')}</Button>}
                      </Space>
                    ) : (
                      <span />
                    )}
                    <ExportButtons path="/overview/duties" query={table.query} name="duties" />
                  </Space>
                  {table.error != null && <Alert type="error" showIcon role="alert" title={listErrorText(table.error, t)} />}
                  <Table<BoardDuty>
                    rowKey="id"
                    size="middle"
                    data-testid="duty-board-table"
                    loading={table.loading}
                    dataSource={table.data?.items ?? []}
                    pagination={{ ...table.pagination, showTotal: (total) => t('common.total', { total }) }}
                    scroll={{ x: 1520 }}
                    rowSelection={office ? { selectedRowKeys: selected, preserveSelectedRowKeys: true, onChange: (keys) => setSelected(keys.map(String)) } : undefined}
                    onChange={(_pagination, _filters, sorter) => {
                      const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<BoardDuty> | undefined;
                      const key = s?.order ? SORT_KEYS[String(s.field ?? s.columnKey)] : undefined;
                      if ((key ?? undefined) === filters.sort && (s?.order === 'descend' ? 'desc' : s?.order ? 'asc' : undefined) === filters.order) return;
                      setFilters({ ...filters, sort: key, order: key ? (s?.order === 'descend' ? 'desc' : 'asc') : undefined });
                    }}
                    columns={[
                      {
                        title: t('duty.title'),
                        dataIndex: 'title',
                        width: 260,
                        sorter: true,
                        sortOrder: sortOrder('title'),
                        render: (title: string, d) => <Link to={`/duties/${d.id}`}>{title}</Link>,
                      },
                      { title: t('common.state'), dataIndex: 'state', width: 110, render: (s: DutyState) => <DutyStateTag state={s} /> },
                      { title: t('board.department'), dataIndex: 'departmentName', width: 160, sorter: true, sortOrder: sortOrder('departmentName') },
                      {
                        title: t('board.campaignPhase'),
                        key: 'campaign',
                        width: 200,
                        render: (_: unknown, d) => [d.campaignName, d.phaseName].filter(Boolean).join(' / ') || t('common.none'),
                      },
                      { title: t('board.district'), dataIndex: 'districtName', width: 120, render: (name: string | null) => name ?? '' },
                      {
                        title: t('duty.dueAt'),
                        dataIndex: 'dueAt',
                        width: 210,
                        sorter: true,
                        sortOrder: sortOrder('dueAt'),
                        render: (at: string, d) => (
                          <Space wrap size={4}>
                            {formatDateTime(at)}
                            {d.overdue && <Tag color="error">{t('duty.overdue')}</Tag>}
                            {d.late && <Tag color="warning">{t('board.late')}</Tag>}
                          </Space>
                        ),
                      },
                      { title: t('board.assignedAt'), dataIndex: 'assignedAt', width: 150, sorter: true, sortOrder: sortOrder('assignedAt'), render: formatDateTime },
                      { title: t('board.updatedAt'), dataIndex: 'updatedAt', width: 150, sorter: true, sortOrder: sortOrder('updatedAt'), render: formatDateTime },
                      { title: t('duty.returnCount'), dataIndex: 'returnCount', width: 90, align: 'right' },
                    ]}
                  />
                </Space>
              ),
            },
            {
              key: 'stats',
              label: t('board.tabStats'),
              children: (
                <StatsPanel
                  filters={filters}
                  onShowDepartment={(departmentId) => {
                    setFilters({ ...filters, departmentId });
                    setTab('duties');
                  }}
                />
              ),
            },
          ]}
        />
      </Card>
      {office && (
        <>
          <BulkExtendDialog
            open={dialog === 'extend'}
            dutyIds={selected}
            titles={titles}
            onClose={() => {
              if (extended.current) setSelected([]);
              extended.current = false;
              setDialog(null);
            }}
            onDone={() => {
              extended.current = true;
            }}
          />
          <BulkRemindDialog open={dialog === 'remind'} departments={options.holders} departmentId={filters.departmentId} titles={titles} onClose={() => setDialog(null)} />
        </>
      )}
    </Space>
  );
}
