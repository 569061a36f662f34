import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Empty, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { NotFound } from '../../components/Forbidden';
import { errorText } from '../../components/api-errors';
import { formatDate, formatDateTime, formatNumber } from '../../components/format';
import { reasonText } from '../../components/history-words';
import { useI18n } from '../../i18n/i18n';
import { creditCodeMistake } from '../compliance/creditCode';
import { sectorLabel, useReference, type Reference } from '../compliance/reference';
import { CaseStateTag, FindingTag, InspectionStatusTag } from '../compliance/tags';
import type { ComplianceCaseSummary, EnforcementHistory, HistoryEvent, InspectionCaseSummary, UnitDetail, UnitFact } from '@duban/contracts';

/** A unit's record (every fact with its source) and everything done about it, oldest first. */
export function UnitPage() {
  const { creditCode = '' } = useParams();
  const { t } = useI18n();
  const reference = useReference();
  const mistake = creditCodeMistake(creditCode);

  // A mistyped code is said at once, never asked.
  const record = useQuery({
    queryKey: queryKeys.record(`/units/${creditCode}`),
    queryFn: async ({ signal }) => {
      const [found, events] = await Promise.all([
        api.get<UnitDetail>(`/units/${creditCode}`, undefined, signal),
        api.get<EnforcementHistory>(`/units/${creditCode}/enforcement-history`, undefined, signal),
      ]);
      return { unit: found, history: events };
    },
    enabled: !mistake,
  });
  const unit = record.data?.unit ?? null;
  const history = record.data?.history ?? null;
  const failure = record.error;

  if (mistake) return <Alert type="error" showIcon title={t(mistake.key, mistake.values)} />;
  if (failure instanceof ApiError && failure.status === 404) return <NotFound text={t('units.notFound', { code: creditCode })} />;
  if (failure) return <Alert type="error" showIcon title={errorText(failure, t)} />;
  if (!unit || !history) return <Spin description={t('common.loading')} />;

  return (
    <Space orientation="vertical" size="middle" className="page">
      <Card>
        <Space orientation="vertical" className="full-width">
          <Typography.Title level={1} className="page-title" data-testid="unit-title">
            {unit.name ?? unit.creditCode}
          </Typography.Title>
          <UnitFacts unit={unit} reference={reference} />
        </Space>
      </Card>
      <Card>
        <Typography.Title level={2} className="section-title">
          {t('units.enforcementHistory')}
        </Typography.Title>
        <HistoryTimeline history={history} />
      </Card>
      <Card>
        <Typography.Title level={2} className="section-title">
          {t('units.cases')} ({history.cases.length})
        </Typography.Title>
        <UnitCases cases={history.cases} inspections={history.inspectionCases} />
      </Card>
      <Card>
        <Typography.Title level={2} className="section-title">
          {t('units.facts')} ({unit.facts.length})
        </Typography.Title>
        <FactSources facts={unit.facts} reference={reference} />
      </Card>
    </Space>
  );
}

function UnitFacts({ unit, reference }: { unit: UnitDetail; reference: Reference }) {
  const { t, label } = useI18n();
  const registries = Object.entries(unit.registrations ?? {}).filter(([, held]) => held);
  const insured = Object.entries(unit.insured ?? {});
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3 }} bordered>
      <Descriptions.Item label={t('compliance.creditCode')}>{unit.creditCode}</Descriptions.Item>
      <Descriptions.Item label={t('compliance.sector')}>{sectorLabel(reference, unit.sectorKey)}</Descriptions.Item>
      <Descriptions.Item label={t('common.district')}>{reference.districts.find((d) => d.id === unit.districtId)?.name ?? ''}</Descriptions.Item>
      <Descriptions.Item label={t('units.address')}>{unit.address ?? ''}</Descriptions.Item>
      <Descriptions.Item label={t('units.contactEmail')}>{unit.contactEmail ?? ''}</Descriptions.Item>
      <Descriptions.Item label={t('units.employees')}>{formatNumber(unit.employees)}</Descriptions.Item>
      <Descriptions.Item label={t('units.insured')}>
        {insured.length === 0 ? t('common.none') : insured.map(([type, n]) => `${label('insurance', type)} ${formatNumber(n)}`).join(t('compliance.listSeparator'))}
      </Descriptions.Item>
      <Descriptions.Item label={t('units.arrears')}>{unit.arrears === null ? '—' : formatNumber(Number(unit.arrears), 2)}</Descriptions.Item>
      <Descriptions.Item label={t('units.registeredWith')}>
        {registries.length === 0 ? t('common.none') : registries.map(([registry]) => <Tag key={registry}>{label('registry', registry)}</Tag>)}
      </Descriptions.Item>
      <Descriptions.Item label={t('common.updatedAt')}>{formatDateTime(unit.updatedAt)}</Descriptions.Item>
    </Descriptions>
  );
}

/** `issue_notice: identified → notified` (what the API writes for a transition) split into its words. */
function transitionParts(what: string): { action: string; from: string | null; to: string | null } {
  const match = /^([\w]+): (\S+) → (\S+)$/.exec(what);
  if (!match) return { action: what, from: null, to: null };
  return { action: match[1], from: match[2] === '—' ? null : match[2], to: match[3] };
}

function HistoryTimeline({ history }: { history: EnforcementHistory }) {
  const { t, label } = useI18n();
  if (history.events.length === 0) return <Empty description={t('units.noHistory')} />;
  const findingOf = (caseId: string) => history.cases.find((c) => c.id === caseId)?.finding;
  const describe = (e: HistoryEvent) => {
    if (e.kind === 'transition') {
      const { action, from, to } = transitionParts(e.what);
      return (
        <>
          <Typography.Text strong>{label('caseAction', action)}</Typography.Text>
          {to && <span>{from ? `${label('caseState', from)} → ${label('caseState', to)}` : label('caseState', to)}</span>}
        </>
      );
    }
    if (e.kind === 'escalation_step') {
      const [step, status] = e.what.split(' ');
      return (
        <>
          <Typography.Text strong>{label('escalationStep', step)}</Typography.Text>
          <span>{label('stepStatus', status)}</span>
        </>
      );
    }
    // "exposure approved", "exposure withdrawn"…: the proposal's status after the word.
    if (e.kind === 'exposure') return <Typography.Text strong>{label('exposureStatus', e.what.split(' ')[1] ?? '')}</Typography.Text>;
    if (e.kind === 'notice_opened') return <Typography.Text strong>{t('units.noticeOpened')}</Typography.Text>;
    return <Typography.Text strong>{label('enforcementAction', e.what)}</Typography.Text>;
  };
  return (
    <Timeline
      data-testid="unit-history"
      items={history.events.map((e, i) => {
        const finding = findingOf(e.caseId);
        const d = e.details;
        return {
          key: `${e.at}-${i}`,
          color: e.kind === 'enforcement_action' ? 'red' : e.kind === 'escalation_step' ? 'orange' : 'blue',
          children: (
            <div>
              <Space wrap>
                <Tag>{label('historyKind', e.kind)}</Tag>
                {describe(e)}
                {finding && <Link to={`/compliance-cases/${e.caseId}`}>{label('finding', finding)}</Link>}
                <Typography.Text type="secondary">
                  {formatDateTime(e.at)} · {e.who === 'system' || e.who === null ? t('who.system') : e.who}
                </Typography.Text>
              </Space>
              {typeof d.reason === 'string' && d.reason && <div className="pre-wrap">{reasonText(d.reason, t)}</div>}
              {e.kind === 'enforcement_action' && (
                <>
                  {typeof d.date === 'string' && <div>{t('units.actionOn', { date: d.date })}</div>}
                  {typeof d.findings === 'string' && <div className="pre-wrap">{d.findings}</div>}
                  {typeof d.outcome === 'string' && d.outcome && <div className="pre-wrap">{t('compliance.labelValue', { label: t('inspection.outcome'), value: d.outcome })}</div>}
                  {d.penaltyYuan !== null && d.penaltyYuan !== undefined && (
                    <div>{t('compliance.labelValue', { label: t('inspection.penaltyYuan'), value: formatNumber(Number(d.penaltyYuan), 2) })}</div>
                  )}
                </>
              )}
            </div>
          ),
        };
      })}
    />
  );
}

function UnitCases({ cases, inspections }: { cases: ComplianceCaseSummary[]; inspections: InspectionCaseSummary[] }) {
  const { t } = useI18n();
  const inspectionOf = (caseId: string) => inspections.find((ic) => ic.caseId === caseId);
  return (
    <Table<ComplianceCaseSummary>
      rowKey="id"
      size="small"
      dataSource={cases}
      pagination={false}
      scroll={{ x: 800 }}
      columns={[
        {
          title: t('compliance.finding'),
          dataIndex: 'finding',
          render: (f: ComplianceCaseSummary['finding'], c) => (
            <Link to={`/compliance-cases/${c.id}`}>
              <FindingTag finding={f} />
            </Link>
          ),
        },
        { title: t('compliance.caseState'), dataIndex: 'state', render: (s: ComplianceCaseSummary['state'], c) => <CaseStateTag state={s} outcome={c.outcome} /> },
        { title: t('compliance.department'), dataIndex: 'departmentName' },
        { title: t('compliance.noticeDeadline'), dataIndex: 'noticeDeadline', render: (at: string | null) => formatDate(at) },
        {
          title: t('inspection.title'),
          key: 'inspection',
          render: (_: unknown, c) => {
            const ic = inspectionOf(c.id);
            return ic ? (
              <Space>
                <Link to={`/inspection-cases/${ic.id}`}>{ic.teamName ?? t('inspection.unassigned')}</Link>
                <InspectionStatusTag status={ic.status} />
              </Space>
            ) : (
              t('common.none')
            );
          },
        },
      ]}
    />
  );
}

function FactSources({ facts, reference }: { facts: UnitFact[]; reference: Reference }) {
  const { t, label } = useI18n();
  const department = (id: string) => [...reference.departments, ...reference.districts].find((d) => d.id === id)?.name ?? id;
  const show = (value: unknown, fact: UnitFact): string => {
    if (value === null || value === undefined) return '—';
    if (fact.field === 'sectorKey') return sectorLabel(reference, String(value));
    if (fact.field === 'districtId') return department(String(value));
    if (fact.field === 'arrears') return formatNumber(Number(value), 2);
    if (Array.isArray(value)) return value.map((v) => label('registry', String(v))).join(t('compliance.listSeparator'));
    if (typeof value === 'object') {
      return Object.entries(value as Record<string, unknown>)
        .map(([type, n]) => `${label('insurance', type)} ${formatNumber(Number(n))}`)
        .join(t('compliance.listSeparator'));
    }
    return typeof value === 'number' ? formatNumber(value) : String(value);
  };
  return (
    <Table<UnitFact>
      rowKey={(f, i) => `${f.field}-${f.sourceDepartmentId}-${f.sourceFile}-${f.sourceDate}-${i}`}
      size="small"
      dataSource={facts}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 800 }}
      columns={[
        { title: t('units.factField'), dataIndex: 'field', width: 130, render: (f: string) => label('unitField', f) },
        { title: t('units.factValue'), dataIndex: 'value', render: (value: unknown, fact) => show(value, fact) },
        { title: t('units.factSource'), dataIndex: 'sourceDepartmentId', width: 180, render: department },
        { title: t('units.factFile'), dataIndex: 'sourceFile', width: 220 },
        { title: t('units.factDate'), dataIndex: 'sourceDate', width: 110 },
      ]}
    />
  );
}
