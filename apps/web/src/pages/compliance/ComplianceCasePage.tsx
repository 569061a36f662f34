import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Space, Table, Tabs, Tag, Timeline, Typography, message } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { complianceCaseActionRefusal, complianceCaseTarget, complianceEvidenceRefusal, SYSTEM_ACTOR, type Actor } from '@duban/domain';
import { api, openPrintable } from '../../api/client';
import { invalidate, queryKeys } from '../../api/query-keys';
import { useMe } from '../../auth/session';
import { formatDateTime, formatNumber } from '../../components/format';
import { errorText } from '../../components/api-errors';
import { escalationStepText, reasonText } from '../../components/history-words';
import { RecordPending } from '../../components/RecordPending';
import { useI18n } from '../../i18n/i18n';
import { EvidenceList, EvidenceUploader } from './CaseEvidence';
import { ComplianceActionDialog, type CaseDialogAction } from './ComplianceActionDialog';
import { sectorLabel, useReference } from './reference';
import { CaseStateTag, ExposureTag, FindingTag } from './tags';
import type { CaseEvidence, CaseStep, CaseTransition, ComplianceCaseDetail } from '@duban/contracts';

const DIALOG_ACTIONS: CaseDialogAction[] = ['issue_notice', 'record_rectification', 'dismiss'];

/** A compliance case: the finding, where it stands (and what the workflow will do next), its steps, transitions and evidence. */
export function ComplianceCasePage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const me = useMe();
  const reference = useReference();
  const [action, setAction] = useState<CaseDialogAction | null>(null);
  const queryClient = useQueryClient();
  const recordKey = queryKeys.record(`/compliance-cases/${id}`);

  const record = useQuery({
    queryKey: recordKey,
    queryFn: async ({ signal }) => {
      const [found, files] = await Promise.all([
        api.get<ComplianceCaseDetail>(`/compliance-cases/${id}`, undefined, signal),
        api.get<CaseEvidence[]>(`/compliance-cases/${id}/evidence`, undefined, signal),
      ]);
      return { kase: found, evidence: files };
    },
  });
  const kase = record.data?.kase ?? null;
  const evidence = record.data?.evidence ?? [];
  const failure = record.error;
  const load = () => invalidate(queryClient, queryKeys.caseChanged());

  if (failure || !kase) return <RecordPending error={failure} notFound={t('cases.notFound')} describe={errorText} />;

  // The API's own rules (the domain's), so the buttons offered are the ones that will be accepted.
  const actor: Actor = { userId: me.id, username: me.username, role: me.role, departmentId: me.departmentId };
  const allowed = DIALOG_ACTIONS.filter((a) => complianceCaseTarget(kase.state, a) !== null && complianceCaseActionRefusal(actor, a, kase, false) === null);
  const mayUpload = kase.state !== 'closed' && complianceEvidenceRefusal(actor, kase) === null;
  // An uploaded file is shown at once, without asking for the case again.
  const addEvidence = (file: CaseEvidence) =>
    queryClient.setQueryData<{ kase: ComplianceCaseDetail; evidence: CaseEvidence[] }>(recordKey, (shown) =>
      shown && !shown.evidence.some((f) => f.id === file.id) ? { ...shown, evidence: [...shown.evidence, file] } : shown,
    );
  const printNotice = () => void openPrintable(`/compliance-cases/${kase.id}/notice`).catch((error: unknown) => void message.error(errorText(error, t)));

  return (
    <Space orientation="vertical" size="middle" className="page">
      <Card>
        <Space orientation="vertical" className="full-width">
          <Space wrap align="center">
            <Typography.Title level={1} className="page-title" data-testid="case-title">
              {kase.unitName ?? kase.creditCode}
            </Typography.Title>
            <FindingTag finding={kase.finding} />
            <CaseStateTag state={kase.state} outcome={kase.outcome} />
          </Space>
          <Space wrap data-testid="case-actions">
            {allowed.map((a) => (
              <Button key={a} type={a === 'dismiss' ? 'default' : 'primary'} danger={a === 'dismiss'} onClick={() => setAction(a)} data-testid={`case-${a}`}>
                {label('caseAction', a)}
              </Button>
            ))}
            {kase.noticeNumber && (
              <Button icon={<PrinterOutlined />} onClick={printNotice} data-testid="print-notice">
                {t('cases.printNotice')}
              </Button>
            )}
            {kase.inspectionCaseId && me.role !== 'department_officer' && <Link to={`/inspection-cases/${kase.inspectionCaseId}`}>{t('cases.openInspectionCase')}</Link>}
            {me.role !== 'department_officer' && <Link to={`/units/${kase.creditCode}`}>{t('units.history')}</Link>}
          </Space>
          <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3 }} bordered>
            <Descriptions.Item label={t('compliance.creditCode')}>{kase.creditCode}</Descriptions.Item>
            <Descriptions.Item label={t('compliance.department')}>{kase.departmentName}</Descriptions.Item>
            <Descriptions.Item label={t('common.district')}>{kase.districtName ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('compliance.sector')}>{sectorLabel(reference, kase.sectorKey)}</Descriptions.Item>
            <Descriptions.Item label={t('compliance.noticeNumber')}>{kase.noticeNumber ?? t('cases.noNoticeYet')}</Descriptions.Item>
            <Descriptions.Item label={t('cases.noticeIssuedAt')}>{formatDateTime(kase.noticeIssuedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('compliance.noticeDeadline')}>{formatDateTime(kase.noticeDeadline)}</Descriptions.Item>
            {kase.noticeNumber && (
              <Descriptions.Item label={t('cases.noticeOpenings')}>
                <span data-testid="notice-openings">
                  {kase.noticeOpenings.length === 0
                    ? t('cases.noticeNotOpened')
                    : t('cases.noticeOpened', { count: kase.noticeOpenings.length, last: formatDateTime(kase.noticeOpenings[kase.noticeOpenings.length - 1].openedAt) })}
                </span>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('compliance.exposure')}>
              <ExposureTag status={kase.exposureStatus} />
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.foundAt')}>{formatDateTime(kase.createdAt)}</Descriptions.Item>
            {kase.closedAt && <Descriptions.Item label={t('cases.closedAt')}>{formatDateTime(kase.closedAt)}</Descriptions.Item>}
            <Descriptions.Item label={t('cases.evidenceOfFinding')} span="filled">
              <FindingEvidence evidence={kase.evidenceOfFinding} />
            </Descriptions.Item>
          </Descriptions>
          <LiveState kase={kase} />
        </Space>
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'transitions', label: `${t('cases.transitions')} (${kase.transitions.length})`, children: <Transitions transitions={kase.transitions} /> },
            { key: 'steps', label: `${t('cases.steps')} (${kase.steps.length})`, children: <Steps steps={kase.steps} /> },
            {
              key: 'evidence',
              label: `${t('evidence.title')} (${evidence.length})`,
              children: (
                <Space orientation="vertical" className="full-width">
                  {mayUpload && <EvidenceUploader caseId={kase.id} onUploaded={addEvidence} />}
                  <EvidenceList files={evidence} />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <ComplianceActionDialog
        kase={kase}
        action={action}
        evidence={evidence}
        onEvidenceAdded={addEvidence}
        onConflict={() => void load()}
        onClose={() => setAction(null)}
        onDone={(done) => {
          setAction(null);
          void message.success(t('cases.actionDone', { action: label('caseAction', done) }));
          void load();
        }}
      />
    </Space>
  );
}

/** What the comparison found: registries, head counts, the shortfall per insurance type, arrears. */
function FindingEvidence({ evidence }: { evidence: Record<string, unknown> }) {
  const { t, label } = useI18n();
  const entries = Object.entries(evidence ?? {});
  if (entries.length === 0) return <>{t('common.none')}</>;
  const show = (key: string, value: unknown): string => {
    if (Array.isArray(value)) return value.map((v) => label('registry', String(v))).join(t('compliance.listSeparator')) || t('common.none');
    if (value !== null && typeof value === 'object') {
      return Object.entries(value as Record<string, unknown>)
        .map(([type, n]) => `${label('insurance', type)} ${formatNumber(Number(n))}`)
        .join(t('compliance.listSeparator'));
    }
    if (key === 'arrearsYuan') return formatNumber(Number(value), 2);
    return value === null || value === undefined ? '—' : String(value);
  };
  return (
    <Space orientation="vertical" size={0}>
      {entries.map(([key, value]) => (
        <span key={key}>{t('compliance.labelValue', { label: label('findingEvidence', key), value: show(key, value) })}</span>
      ))}
    </Space>
  );
}

function LiveState({ kase }: { kase: ComplianceCaseDetail }) {
  const { t, label } = useI18n();
  const live = kase.workflow;
  if (kase.state === 'closed') return null;
  if (!live) return <Alert type="info" showIcon title={t('cases.liveUnavailable')} />;
  return (
    <Alert
      type={live.state === 'escalated' ? 'warning' : 'info'}
      showIcon
      data-testid="case-live"
      title={
        live.nextStep
          ? t('cases.nextStep', { step: escalationStepText(live.nextStep.step, t), at: formatDateTime(live.nextStep.dueAt) })
          : live.noticeDeadline && live.state === 'notified'
            ? t('cases.escalatesAt', { at: formatDateTime(live.noticeDeadline) })
            : t('cases.noNextStep')
      }
      description={
        <Space wrap>
          <span>{t('compliance.labelValue', { label: t('cases.stepsTaken'), value: '' })}</span>
          {live.stepsTaken.length === 0 ? t('common.none') : live.stepsTaken.map((s) => <Tag key={s}>{label('escalationStep', s)}</Tag>)}
          <span>{t('compliance.labelValue', { label: t('compliance.exposure'), value: '' })}</span>
          <ExposureTag status={live.exposure} />
          {live.dutyIds.length > 0 && <span>{t('compliance.labelValue', { label: t('cases.duties'), value: '' })}</span>}
          {live.dutyIds.map((dutyId, i) => (
            <Link key={dutyId} to={`/duties/${dutyId}`}>
              {t('cases.dutyN', { n: i + 1 })}
            </Link>
          ))}
        </Space>
      }
    />
  );
}

function rectificationOf(tr: CaseTransition): { kind: string; evidenceIds: string[] } | null {
  const r = tr.details.rectification as { kind?: unknown; evidenceIds?: unknown } | undefined;
  return r && typeof r.kind === 'string' ? { kind: r.kind, evidenceIds: Array.isArray(r.evidenceIds) ? (r.evidenceIds as string[]) : [] } : null;
}

function Transitions({ transitions }: { transitions: CaseTransition[] }) {
  const { t, label } = useI18n();
  if (transitions.length === 0) return <Empty description={t('common.empty')} />;
  return (
    <Timeline
      data-testid="case-transitions"
      items={transitions.map((tr) => ({
        key: tr.seq,
        color: tr.action === 'escalate' ? 'red' : tr.toState === 'closed' ? 'green' : 'blue',
        children: (
          <div>
            <Space wrap>
              <Typography.Text strong>{label('caseAction', tr.action)}</Typography.Text>
              <span>{tr.fromState ? `${label('caseState', tr.fromState)} → ${label('caseState', tr.toState)}` : label('caseState', tr.toState)}</span>
              <Typography.Text type="secondary">
                {formatDateTime(tr.occurredAt)} ·{' '}
                {tr.actorUserId === SYSTEM_ACTOR.userId ? t('who.system') : t('compliance.whoRole', { who: tr.actorUsername, role: label('role', tr.actorRole) })}
              </Typography.Text>
            </Space>
            {tr.reason && <div className="pre-wrap">{reasonText(tr.reason, t)}</div>}
            {typeof tr.details.deadline === 'string' && <div>{t('cases.deadlineWas', { at: formatDateTime(tr.details.deadline) })}</div>}
            {rectificationOf(tr) && (
              <div>
                {label('rectificationKind', rectificationOf(tr)!.kind)} · {t('cases.filesNamed', { n: rectificationOf(tr)!.evidenceIds.length })}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}

function Steps({ steps }: { steps: CaseStep[] }) {
  const { t, label } = useI18n();
  return (
    <Table<CaseStep>
      rowKey="step"
      size="small"
      dataSource={steps}
      pagination={false}
      locale={{ emptyText: t('cases.noSteps') }}
      scroll={{ x: 700 }}
      columns={[
        { title: t('cases.step'), dataIndex: 'step', render: (s: string) => label('escalationStep', s) },
        { title: t('common.state'), dataIndex: 'status', render: (s: string) => <Tag color={s === 'taken' ? 'red' : 'default'}>{label('stepStatus', s)}</Tag> },
        { title: t('cases.stepDueAt'), dataIndex: 'dueAt', render: (at: string) => formatDateTime(at) },
        { title: t('cases.stepDoneAt'), key: 'at', render: (_: unknown, s) => formatDateTime(s.takenAt ?? s.cancelledAt) },
        { title: t('cases.duty'), dataIndex: 'dutyId', render: (dutyId: string | null) => (dutyId ? <Link to={`/duties/${dutyId}`}>{t('action.view')}</Link> : '') },
      ]}
    />
  );
}
