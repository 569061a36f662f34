import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Space, Table, Tag, Typography, message } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { apiQuery, invalidate, queryKeys } from '../../api/query-keys';
import { useMe } from '../../auth/session';
import { formatDateTime, formatNumber } from '../../components/format';
import { errorText } from '../../components/api-errors';
import { reasonText } from '../../components/history-words';
import { RecordPending } from '../../components/RecordPending';
import { useI18n } from '../../i18n/i18n';
import { EvidenceList, EvidenceUploader } from '../compliance/CaseEvidence';
import { EnforcementActionDialog } from './EnforcementActionDialog';
import { sectorLabel, useReference } from '../compliance/reference';
import { CaseStateTag, ExposureTag, FindingTag, InspectionStatusTag } from '../compliance/tags';
import type { CaseEvidence, EnforcementAction, InspectionCaseDetail } from '@duban/contracts';

/** An inspection case: the unit and its compliance case, the enforcement log, the evidence; the team logs actions. */
export function InspectionCasePage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const me = useMe();
  const reference = useReference();
  const [logging, setLogging] = useState(false);
  const queryClient = useQueryClient();

  const found = useQuery(apiQuery<InspectionCaseDetail>(`/inspection-cases/${id}`));
  const kase = found.data ?? null;
  const failure = found.error;
  // The evidence is the compliance case's; without it the list is simply empty.
  const evidenceQuery = { ...apiQuery<CaseEvidence[]>(`/compliance-cases/${kase?.caseId}/evidence`), enabled: Boolean(kase) };
  const files = useQuery(evidenceQuery);
  const evidence = files.data ?? [];
  const load = () => invalidate(queryClient, queryKeys.inspectionChanged());

  if (failure || !kase) return <RecordPending error={failure} notFound={t('inspection.notFound')} describe={errorText} />;

  const open = kase.status === 'open';
  // The same rule as the API's (enforcementActionRefusal, complianceEvidenceRefusal): the case's team and the office.
  const mayAct = open && (me.role === 'office' || (me.role === 'inspector' && me.departmentId !== null && me.departmentId === kase.teamId));
  const mayUpload = mayAct && kase.caseState !== 'closed';
  const fileName = (fileId: string) => evidence.find((e) => e.id === fileId)?.fileName ?? fileId;
  // An uploaded file is shown at once, without asking for the evidence again.
  const addEvidence = (file: CaseEvidence) => queryClient.setQueryData(evidenceQuery.queryKey, (shown = []) => (shown.some((f) => f.id === file.id) ? shown : [...shown, file]));

  return (
    <Space orientation="vertical" size="middle" className="page">
      <Card>
        <Space orientation="vertical" className="full-width">
          <Space wrap align="center">
            <Typography.Title level={1} className="page-title" data-testid="inspection-case-title">
              {kase.unitName ?? kase.creditCode}
            </Typography.Title>
            <InspectionStatusTag status={kase.status} />
            <FindingTag finding={kase.finding} />
          </Space>
          <Space wrap>
            {mayAct && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setLogging(true)} data-testid="log-action">
                {t('inspection.logAction')}
              </Button>
            )}
            <Link to={`/compliance-cases/${kase.caseId}`}>{t('inspection.openComplianceCase')}</Link>
            <Link to={`/units/${kase.creditCode}`}>{t('units.history')}</Link>
          </Space>
          {!open && <Alert type="info" showIcon title={t('inspection.closedNotice', { reason: reasonText(kase.closeReason, t) })} />}
          <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3 }} bordered>
            <Descriptions.Item label={t('compliance.creditCode')}>{kase.creditCode}</Descriptions.Item>
            <Descriptions.Item label={t('inspection.team')}>{kase.teamName ?? <Tag color="warning">{t('inspection.unassigned')}</Tag>}</Descriptions.Item>
            <Descriptions.Item label={t('common.district')}>{kase.districtName ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('compliance.sector')}>{sectorLabel(reference, kase.sectorKey)}</Descriptions.Item>
            <Descriptions.Item label={t('compliance.caseState')}>
              <CaseStateTag state={kase.caseState} />
            </Descriptions.Item>
            <Descriptions.Item label={t('compliance.exposure')}>
              <ExposureTag status={kase.exposureStatus} />
            </Descriptions.Item>
            <Descriptions.Item label={t('compliance.noticeNumber')}>{kase.noticeNumber ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('compliance.noticeDeadline')}>{formatDateTime(kase.noticeDeadline)}</Descriptions.Item>
            <Descriptions.Item label={t('inspection.openedAt')}>{formatDateTime(kase.openedAt)}</Descriptions.Item>
            {kase.closedAt && <Descriptions.Item label={t('inspection.closedAt')}>{formatDateTime(kase.closedAt)}</Descriptions.Item>}
          </Descriptions>
        </Space>
      </Card>
      <Card>
        <Typography.Title level={2} className="section-title">
          {t('inspection.actions')} ({kase.actions.length})
        </Typography.Title>
        <Table<EnforcementAction>
          rowKey="id"
          size="middle"
          data-testid="enforcement-actions"
          dataSource={[...kase.actions].sort((a, b) => a.actionDate.localeCompare(b.actionDate) || a.recordedAt.localeCompare(b.recordedAt))}
          pagination={false}
          locale={{ emptyText: <Empty description={t('inspection.noActionYet')} /> }}
          scroll={{ x: 900 }}
          columns={[
            { title: t('inspection.actionDate'), dataIndex: 'actionDate', width: 110 },
            {
              title: t('inspection.actionType'),
              dataIndex: 'type',
              width: 150,
              render: (type: EnforcementAction['type']) => <Tag color="blue">{label('enforcementAction', type)}</Tag>,
            },
            {
              title: t('inspection.findings'),
              dataIndex: 'findings',
              render: (text: string, a) => (
                <div>
                  <div className="pre-wrap">{text}</div>
                  {a.outcome && (
                    <div className="pre-wrap">
                      <Typography.Text strong>{t('compliance.labelValue', { label: t('inspection.outcome'), value: '' })}</Typography.Text>
                      {a.outcome}
                    </div>
                  )}
                  {a.penaltyYuan !== null && (
                    <div>
                      <Typography.Text strong>{t('compliance.labelValue', { label: t('inspection.penaltyYuan'), value: '' })}</Typography.Text>
                      {formatNumber(Number(a.penaltyYuan), 2)}
                    </div>
                  )}
                </div>
              ),
            },
            {
              title: t('inspection.evidenceOfAction'),
              dataIndex: 'evidenceIds',
              width: 200,
              render: (ids: string[]) =>
                ids.length === 0
                  ? t('common.none')
                  : ids.map((fileId) => (
                      <div key={fileId}>
                        <PaperClipOutlined aria-hidden /> {fileName(fileId)}
                      </div>
                    )),
            },
            { title: t('inspection.recordedBy'), dataIndex: 'recorderUsername', width: 170, render: (who: string, a) => `${who} · ${formatDateTime(a.recordedAt)}` },
          ]}
        />
      </Card>
      <Card>
        <Typography.Title level={2} className="section-title">
          {t('evidence.title')} ({evidence.length})
        </Typography.Title>
        <Space orientation="vertical" className="full-width">
          {mayUpload && <EvidenceUploader caseId={kase.caseId} onUploaded={addEvidence} />}
          <EvidenceList files={evidence} />
        </Space>
      </Card>
      <EnforcementActionDialog
        open={logging}
        inspectionCase={kase}
        evidence={evidence}
        mayUpload={mayUpload}
        onEvidenceAdded={addEvidence}
        onConflict={() => void load()}
        onClose={() => setLogging(false)}
        onDone={(done) => {
          setLogging(false);
          void message.success(t('inspection.actionLogged', { action: label('enforcementAction', done.type), date: done.actionDate }));
          void load();
        }}
      />
    </Space>
  );
}
