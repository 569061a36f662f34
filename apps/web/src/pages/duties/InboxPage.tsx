import { Badge, Card, Checkbox, Segmented, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { DutyInbox as InboxAnswer, DutySummary } from '@duban/contracts';
import type { DutyState } from '../../api/types';
import { ExportButtons } from '../../components/ExportButtons';
import { ServerTable } from '../../components/ServerTable';
import { formatDateTime } from '../../components/format';
import { DutyStateTag } from '../../components/StateTag';
import { useServerTable } from '../../components/useServerTable';
import { TONE } from '../../components/tones';
import { useI18n } from '../../i18n/i18n';

const OPEN: DutyState[] = ['assigned', 'acknowledged', 'in_progress', 'submitted', 'returned'];
const ALL: DutyState[] = [...OPEN, 'accepted', 'cancelled'];

/** A department's duties: counts per state at the top, one page of the list below. */
export function InboxPage() {
  const { t, label } = useI18n();
  const table = useServerTable<DutySummary, InboxAnswer>('/inbox');
  const state = table.filters.state ?? '';
  const counts = table.data?.countsByState;
  const openCount = counts ? OPEN.reduce((sum, s) => sum + (counts[s] ?? 0), 0) : 0;

  return (
    <Space orientation="vertical" size="middle" className="page">
      <Typography.Title level={1} className="page-title">
        {t('inbox.title')} {table.data && <Typography.Text type="secondary">· {table.data.department.name}</Typography.Text>}
      </Typography.Title>
      <Card>
        <Space orientation="vertical" className="full-width">
          <Space wrap className="toolbar">
            <Segmented
              aria-label={t('common.state')}
              value={state}
              onChange={(value) => table.setFilters({ ...table.filters, state: String(value) })}
              options={[
                {
                  value: '',
                  label: (
                    <span data-testid="count-open">
                      {t('inbox.open')} <Badge count={openCount} showZero color={TONE.neutral} />
                    </span>
                  ),
                },
                ...ALL.map((s) => ({
                  value: s,
                  label: (
                    <span data-testid={`count-${s}`}>
                      {label('dutyState', s)} <Badge count={counts?.[s] ?? 0} showZero color={s === 'returned' ? TONE.danger : TONE.neutral} />
                    </span>
                  ),
                })),
              ]}
            />
            <Checkbox checked={table.filters.overdue === 'true'} onChange={(e) => table.setFilters({ ...table.filters, overdue: e.target.checked ? 'true' : undefined })}>
              {t('inbox.overdueOnly')}
            </Checkbox>
            <ExportButtons path="/inbox" query={table.query} name="inbox" />
          </Space>
          <ServerTable<DutySummary>
            table={table}
            rowKey="id"
            scroll={{ x: 720 }}
            columns={[
              { title: t('duty.title'), dataIndex: 'title', render: (title: string, d) => <Link to={`/duties/${d.id}`}>{title}</Link> },
              { title: t('common.state'), dataIndex: 'state', width: 120, render: (s: DutyState) => <DutyStateTag state={s} /> },
              {
                title: t('duty.dueAt'),
                dataIndex: 'dueAt',
                width: 200,
                render: (at: string, d) => (
                  <Space>
                    {formatDateTime(at)}
                    {d.overdue && <Tag color={TONE.danger}>{t('duty.overdue')}</Tag>}
                  </Space>
                ),
              },
              { title: t('duty.returnCount'), dataIndex: 'returnCount', width: 100 },
            ]}
          />
        </Space>
      </Card>
    </Space>
  );
}
