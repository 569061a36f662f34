import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Form, Input, Modal, Segmented, Space, Switch, Table, Tag, Typography, message } from 'antd';
import { Link } from 'react-router-dom';
import { EXPOSURE_PROPOSAL_STATUSES, type ExposureDecision } from '@duban/domain';
import { api, openPrintable } from '../../api/client';
import { apiQuery, invalidate, queryKeys } from '../../api/query-keys';
import { useSession } from '../../auth/session';
import { applyFieldErrors, errorText } from '../../components/api-errors';
import { ExportButtons } from '../../components/ExportButtons';
import { ServerTable } from '../../components/ServerTable';
import { formatDate, formatDateTime } from '../../components/format';
import { reasonText } from '../../components/history-words';
import { useServerTable } from '../../components/useServerTable';
import { useI18n } from '../../i18n/i18n';
import { ExposureTag, FindingTag } from './tags';
import type { ExposureListEntry, ExposureProposal, ExposureProposalList } from '@duban/contracts';

/** Nothing is published without the office: the proposals to decide, those decided, and the approved list. */
export function ExposuresPage() {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size="middle" className="page">
      <Typography.Title level={1} className="page-title">
        {t('exposures.title')}
      </Typography.Title>
      <Proposals />
      <ApprovedList />
    </Space>
  );
}

function Proposals() {
  const { t, label } = useI18n();
  const queryClient = useQueryClient();
  const { hasRole } = useSession();
  const mayDecide = hasRole('office');
  const table = useServerTable<ExposureProposal, ExposureProposalList>('/exposure-proposals');
  const [deciding, setDeciding] = useState<{ proposal: ExposureProposal; decision: ExposureDecision } | null>(null);
  const counts = table.data?.countsByStatus;
  const status = table.filters.status ?? '';

  return (
    <Card>
      <Space orientation="vertical" className="full-width">
        <Typography.Title level={2} className="section-title">
          {t('exposures.proposals')}
        </Typography.Title>
        <Segmented
          aria-label={t('common.state')}
          value={status}
          onChange={(value) => table.setFilters({ ...table.filters, status: String(value) || undefined })}
          options={[
            { value: '', label: t('common.all') },
            ...EXPOSURE_PROPOSAL_STATUSES.map((s) => ({
              value: s,
              label: (
                <span data-testid={`exposure-count-${s}`}>
                  {label('exposureStatus', s)} <Badge count={counts?.[s] ?? 0} showZero color={s === 'proposed' ? '#b71c1c' : '#595959'} />
                </span>
              ),
            })),
          ]}
        />
        <ServerTable<ExposureProposal>
          table={table}
          rowKey="id"
          data-testid="exposure-proposals-table"
          scroll={{ x: 1250 }}
          columns={[
            {
              title: t('compliance.unit'),
              dataIndex: 'unitName',
              fixed: 'left',
              width: 200,
              render: (name: string | null, p) => <Link to={`/compliance-cases/${p.caseId}`}>{name ?? p.creditCode}</Link>,
            },
            { title: t('compliance.creditCode'), dataIndex: 'creditCode', width: 190 },
            { title: t('compliance.finding'), dataIndex: 'finding', width: 140, render: (f: ExposureProposal['finding']) => <FindingTag finding={f} /> },
            { title: t('compliance.department'), dataIndex: 'departmentName', width: 150 },
            { title: t('common.district'), dataIndex: 'districtName', width: 110 },
            { title: t('compliance.noticeDeadline'), dataIndex: 'noticeDeadline', width: 110, render: (at: string | null) => formatDate(at) },
            { title: t('exposures.proposedAt'), dataIndex: 'proposedAt', width: 150, render: (at: string) => formatDateTime(at) },
            { title: t('common.state'), dataIndex: 'status', width: 110, render: (s: ExposureProposal['status']) => <ExposureTag status={s} /> },
            {
              title: t('exposures.decision'),
              key: 'decision',
              width: 220,
              render: (_: unknown, p) => (
                <div>
                  {/* A proposal withdrawn before a decision has no decision of its own to show. */}
                  {p.decidedAt && !(p.withdrawnAt && !p.approvedAt) && (
                    <>
                      <div>
                        {p.deciderUsername ?? t('who.system')} · {formatDateTime(p.decidedAt)}
                      </div>
                      {p.decisionReason && <div className="pre-wrap">{reasonText(p.decisionReason, t)}</div>}
                    </>
                  )}
                  {p.withdrawnAt && (
                    <div data-testid="exposure-withdrawal">
                      <div>{t('exposures.withdrawnLine', { when: formatDateTime(p.withdrawnAt), who: p.withdrawerUsername ?? t('who.system') })}</div>
                      {p.withdrawalReason && <div className="pre-wrap">{reasonText(p.withdrawalReason, t)}</div>}
                    </div>
                  )}
                </div>
              ),
            },
            ...(mayDecide
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    fixed: 'right' as const,
                    width: 170,
                    render: (_: unknown, p: ExposureProposal) =>
                      p.status === 'proposed' ? (
                        <Space>
                          <Button type="primary" size="small" danger onClick={() => setDeciding({ proposal: p, decision: 'approve' })} data-testid="exposure-approve">
                            {t('exposures.approve')}
                          </Button>
                          <Button size="small" onClick={() => setDeciding({ proposal: p, decision: 'reject' })} data-testid="exposure-reject">
                            {t('exposures.reject')}
                          </Button>
                        </Space>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Space>
      {deciding && (
        <DecisionDialog
          proposal={deciding.proposal}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
          onDone={() => {
            void message.success(deciding.decision === 'approve' ? t('exposures.approved') : t('exposures.rejected'));
            setDeciding(null);
            void invalidate(queryClient, queryKeys.exposureDecided());
          }}
        />
      )}
    </Card>
  );
}

function DecisionDialog({ proposal, decision, onClose, onDone }: { proposal: ExposureProposal; decision: ExposureDecision; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async () => {
    let values: { reason?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const body: Record<string, unknown> = { decision };
      if (values.reason?.trim()) body.reason = values.reason;
      await api.post(`/exposure-proposals/${proposal.id}/decision`, body);
      onDone();
    } catch (error) {
      const unplaced = applyFieldErrors(form, error, t);
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  const title =
    decision === 'approve'
      ? t('exposures.approveTitle', { unit: proposal.unitName ?? proposal.creditCode })
      : t('exposures.rejectTitle', { unit: proposal.unitName ?? proposal.creditCode });
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('action.cancel')}
        </Button>,
        <Button key="submit" type="primary" danger={decision === 'approve'} loading={busy} onClick={() => void submit()} data-testid="exposure-decision-submit">
          {decision === 'approve' ? t('exposures.approve') : t('exposures.reject')}
        </Button>,
      ]}
    >
      {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" />}
      {decision === 'approve' && <Alert type="warning" showIcon title={t('exposures.approveWarning')} className="form-alert" />}
      <Form form={form} layout="vertical" name={`exposure-${decision}`}>
        <Form.Item
          name="reason"
          label={decision === 'reject' ? t('common.reason') : t('cases.noteOptional')}
          rules={decision === 'reject' ? [{ required: true, whitespace: true, message: t('exposures.reasonRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="exposure-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The approved exposures. The printable page and the downloads are the public list; on screen
 * the office also sees the units taken off it (rectified, withdrawn), since when, by whom and why.
 */
function ApprovedList() {
  const { t, label } = useI18n();
  const [withDelisted, setWithDelisted] = useState(true);
  // The rows on screen stay while the list with or without the delisted is asked.
  const list = useQuery({ ...apiQuery<ExposureListEntry[]>('/exposure-list', withDelisted ? { include: 'delisted' } : undefined), placeholderData: keepPreviousData });
  const rows = list.data ?? null;
  const failure = list.error;
  const print = () => void openPrintable('/exposure-list', { format: 'html' }).catch((error: unknown) => void message.error(errorText(error, t)));
  return (
    <Card>
      <Space orientation="vertical" className="full-width">
        <Space wrap className="toolbar">
          <Typography.Title level={2} className="section-title">
            {t('exposures.list')}
          </Typography.Title>
          <Space wrap>
            <Button icon={<PrinterOutlined />} onClick={print} data-testid="exposure-list-print">
              {t('exposures.printList')}
            </Button>
            <ExportButtons path="/exposure-list" name="exposure-list" />
            <Space>
              <Switch checked={withDelisted} onChange={setWithDelisted} data-testid="exposure-list-delisted" aria-label={t('exposures.showDelisted')} />
              {t('exposures.showDelisted')}
            </Space>
          </Space>
        </Space>
        {failure != null && (
          <Typography.Text type="danger" role="alert">
            {errorText(failure, t)}
          </Typography.Text>
        )}
        <Table<ExposureListEntry>
          rowKey="proposalId"
          size="middle"
          data-testid="exposure-list"
          loading={rows === null && failure === null}
          dataSource={rows ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
          scroll={{ x: 1340 }}
          columns={[
            {
              title: t('compliance.unit'),
              dataIndex: 'unitName',
              width: 200,
              render: (name: string | null, r) => <Link to={`/compliance-cases/${r.caseId}`}>{name ?? r.creditCode}</Link>,
            },
            {
              title: t('exposures.listing'),
              dataIndex: 'listing',
              width: 240,
              render: (listing: ExposureListEntry['listing'], r) => (
                <div data-listing={listing}>
                  <Tag color={listing === 'listed' ? 'red' : 'default'}>{label('exposureListing', listing)}</Tag>
                  {r.delistedAt && <div>{t('exposures.delisted', { when: formatDateTime(r.delistedAt), who: r.delistedBy ?? t('who.system') })}</div>}
                  {r.delistedReason && <div className="pre-wrap">{r.delistedReason}</div>}
                </div>
              ),
            },
            { title: t('compliance.creditCode'), dataIndex: 'creditCode', width: 190 },
            { title: t('common.district'), dataIndex: 'districtName', width: 110 },
            { title: t('compliance.finding'), dataIndex: 'finding', width: 140, render: (f: ExposureListEntry['finding']) => <FindingTag finding={f} /> },
            { title: t('compliance.noticeNumber'), dataIndex: 'noticeNumber', width: 130 },
            { title: t('exposures.approvedAt'), dataIndex: 'approvedAt', width: 150, render: (at: string) => formatDateTime(at) },
            { title: t('exposures.approvedBy'), dataIndex: 'approvedBy', width: 120 },
            {
              title: t('exposures.mediaDuty'),
              dataIndex: 'mediaDutyState',
              width: 130,
              render: (state: string | null, r) => (r.mediaDutyId ? <Link to={`/duties/${r.mediaDutyId}`}>{label('dutyState', state)}</Link> : ''),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
