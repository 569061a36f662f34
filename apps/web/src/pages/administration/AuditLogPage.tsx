import { useState } from 'react';
import { Card, DatePicker, Input, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { DUBAN_TIME_ZONE } from '@duban/domain';
import { formatDateTime } from '../../components/format';
import { actorText, reasonText } from '../../components/history-words';
import { ExportButtons } from '../../components/ExportButtons';
import { FilterSelect } from '../../components/FilterSelect';
import { ServerTable } from '../../components/ServerTable';
import { useApiGet } from '../../components/useApiGet';
import { useServerTable } from '../../components/useServerTable';
import { hasMessage, useI18n, type Translate } from '../../i18n/i18n';
import type { AuditRecord, UserList } from '@duban/contracts';

/** What the audit log's action filter offers: the families of actions (GET /audit-log?actionPrefix=). */
const AUDIT_ACTION_PREFIXES = ['sign_in.', 'account.', 'sign_out', 'password.', 'user.', 'users.', 'department.', 'departments.', 'administrator.'] as const;

/** A before/after value as one short line (the API keeps them as JSON). */
/** Fields whose values are codes the console words (a role, a kind of unit, a cause). */
const CODED_VALUES: Record<string, string> = { role: 'role', kind: 'unitKindName', by: 'auditValue', cause: 'auditValue', delivery: 'auditValue', method: 'auditValue' };

/** A record's fields before or after, named and valued in the user's language. */
function change(value: unknown, t: Translate, label: (prefix: string, value: string) => string): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  const shown = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
    if (typeof v === 'string' && CODED_VALUES[key]) return label(CODED_VALUES[key], v);
    if (typeof v === 'string' && key === 'expiresAt') return formatDateTime(v);
    if (Array.isArray(v)) return v.map((item) => shown(key, item)).join(t('campaign.listSeparator'));
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
  return Object.entries(value as Record<string, unknown>)
    .map(([key, v]) => {
      const name = `auditField.${key}`;
      return t('fieldError.label', { field: hasMessage(name) ? t(name) : key, message: shown(key, v) });
    })
    .join(t('audit.fieldSeparator'));
}

/** Who did what to whom, when, why and from where: sign-ins, locks and every administrative change. */
export function AuditLogPage() {
  const { t, label } = useI18n();
  const table = useServerTable<AuditRecord>('/audit-log');
  const people = useApiGet<UserList>('/users', { limit: 500 });
  const [search, setSearch] = useState(table.filters.q ?? '');
  const set = (changes: Record<string, string | undefined>) => table.setFilters({ ...table.filters, ...changes });
  // Days are Beijing days: from the first day's start to the day after the last.
  const range: [dayjs.Dayjs, dayjs.Dayjs] | null =
    table.filters.from && table.filters.to ? [dayjs(table.filters.from).tz(DUBAN_TIME_ZONE), dayjs(table.filters.to).tz(DUBAN_TIME_ZONE).subtract(1, 'day')] : null;

  return (
    <Space orientation="vertical" size="middle" className="page" data-testid="audit-log-page">
      <Typography.Title level={1} className="page-title">
        {t('audit.title')}
      </Typography.Title>
      <Card>
        <Space orientation="vertical" className="full-width">
          <Space wrap className="toolbar">
            <Space wrap>
              <FilterSelect
                label={t('audit.action')}
                value={table.filters.actionPrefix}
                onChange={(v) => set({ actionPrefix: v })}
                options={AUDIT_ACTION_PREFIXES.map((p) => ({ value: p, label: label('auditFamily', p) }))}
              />
              <FilterSelect
                label={t('audit.actor')}
                value={table.filters.actorId}
                onChange={(v) => set({ actorId: v })}
                options={(people.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
                searchable
              />
              <FilterSelect
                label={t('audit.targetType')}
                value={table.filters.targetType}
                onChange={(v) => set({ targetType: v })}
                options={['user', 'department', 'session', 'account'].map((k) => ({ value: k, label: label('auditTarget', k) }))}
              />
              <DatePicker.RangePicker
                aria-label={t('audit.period')}
                value={range}
                onChange={(dates) =>
                  set(
                    dates?.[0] && dates[1]
                      ? {
                          from: dayjs.tz(dates[0].format('YYYY-MM-DD'), DUBAN_TIME_ZONE).toISOString(),
                          to: dayjs.tz(dates[1].format('YYYY-MM-DD'), DUBAN_TIME_ZONE).add(1, 'day').toISOString(),
                        }
                      : { from: undefined, to: undefined },
                  )
                }
              />
              <Input.Search
                aria-label={t('audit.search')}
                placeholder={t('audit.search')}
                allowClear
                className="filter-select-wide"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                onSearch={(value) => set({ q: value.trim() || undefined })}
              />
              {table.filters.targetId && (
                <Typography.Text data-testid="audit-target-filter">
                  {t('audit.targetFiltered')} <Typography.Link onClick={() => set({ targetId: undefined })}>{t('action.reset')}</Typography.Link>
                </Typography.Text>
              )}
            </Space>
            <ExportButtons path="/audit-log" query={table.query} name="audit-log" />
          </Space>
          <ServerTable<AuditRecord>
            table={table}
            rowKey="id"
            data-testid="audit-log-table"
            scroll={{ x: 1400 }}
            columns={[
              { title: t('audit.at'), dataIndex: 'at', width: 150, fixed: 'left', render: (at: string) => formatDateTime(at) },
              { title: t('audit.actor'), dataIndex: 'actorUsername', width: 150, render: (who: string | null) => (who ? actorText(who, t) : '—') },
              { title: t('audit.action'), dataIndex: 'action', width: 170, render: (action: string) => <span data-action={action}>{label('auditAction', action)}</span> },
              {
                title: t('audit.target'),
                key: 'target',
                width: 220,
                render: (_, r) => (r.targetType ? `${label('auditTarget', r.targetType)} · ${r.targetLabel ?? r.targetId ?? ''}` : '—'),
              },
              { title: t('audit.from'), dataIndex: 'from', width: 220, render: (v: unknown) => <span className="pre-wrap">{change(v, t, label)}</span> },
              { title: t('audit.to'), dataIndex: 'to', width: 220, render: (v: unknown) => <span className="pre-wrap">{change(v, t, label)}</span> },
              { title: t('common.reason'), dataIndex: 'reason', width: 200, render: (v: string | null) => reasonText(v, t) },
              { title: t('audit.clientAddress'), dataIndex: 'clientAddress', width: 130, render: (v: string | null) => v ?? '' },
            ]}
          />
        </Space>
      </Card>
    </Space>
  );
}
