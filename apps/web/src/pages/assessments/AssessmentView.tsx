import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import type { AssessmentUnit, AssessmentView, FinaliseAssessmentBody, ReviewAssessmentUnitBody, StartAssessmentBody } from '@duban/contracts';
import type { AssessmentOutcomes } from '@duban/domain';
import { ApiError, api } from '../../api/client';
import { invalidate, queryKeys } from '../../api/query-keys';
import { useMe } from '../../auth/session';
import { applyFieldErrors, errorText } from '../../components/api-errors';
import { ExportButtons } from '../../components/ExportButtons';
import { formatDateTime, formatNumber } from '../../components/format';
import { useI18n } from '../../i18n/i18n';
import { percent } from '../progress/targets';

const DAY = 'YYYY-MM-DD';

function yuan(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${value > 0 ? '+' : ''}${formatNumber(value, 2)}`;
}

/** The outcomes as tags with their words (表扬, 批评, 取消评先评优资格); none: a dash. */
export function OutcomeTags({ outcomes }: { outcomes: AssessmentOutcomes }) {
  const { t } = useI18n();
  const tags = [
    outcomes.commendation && (
      <Tag key="c" color="success">
        {t('assessments.commendation')}
      </Tag>
    ),
    outcomes.criticism && (
      <Tag key="k" color="error">
        {t('assessments.criticism')}
      </Tag>
    ),
    outcomes.awardIneligible && (
      <Tag key="a" color="warning">
        {t('assessments.awardIneligible')}
      </Tag>
    ),
  ].filter(Boolean);
  return tags.length ? (
    <Space size={[0, 4]} wrap>
      {tags}
    </Space>
  ) : (
    <span>—</span>
  );
}

const sameOutcomes = (a: AssessmentOutcomes, b: AssessmentOutcomes) =>
  a.commendation === b.commendation && a.criticism === b.criticism && a.awardIneligible === b.awardIneligible && a.subsidyAdjustmentYuan === b.subsidyAdjustmentYuan;

/**
 * After a run, recomputation, review or finalisation: the answer is shown at once wherever the
 * assessment is read (by its id and as its campaign's), and what it changed is asked again.
 */
export function useAssessmentChanged(): (next: AssessmentView) => void {
  const queryClient = useQueryClient();
  return (next) => {
    queryClient.setQueryData(queryKeys.get(`/assessments/${next.id}`), next);
    queryClient.setQueryData(queryKeys.get(`/campaigns/${next.campaignId}/assessment`), next);
    void invalidate(queryClient, queryKeys.assessmentChanged(next.campaignId));
  };
}

/**
 * An assessment: the scorecards of every district and member department, the proposed and the
 * reviewed outcomes; the office recomputes, sets a unit's outcome with a reason and finalises.
 */
export function AssessmentPanel({ view, showLink }: { view: AssessmentView; showLink?: boolean }) {
  const { t, label } = useI18n();
  const me = useMe();
  const office = me.role === 'office';
  const draft = view.status === 'draft';
  const [reviewing, setReviewing] = useState<AssessmentUnit | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [finaliseOpen, setFinaliseOpen] = useState(false);
  const [rerunOpen, setRerunOpen] = useState(false);
  const queryClient = useQueryClient();
  const onChange = useAssessmentChanged();

  /** A 409: the assessment was finalised meanwhile (here or elsewhere): say so and show it as it is (a failed look again keeps what is shown). */
  const onConflict = (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) {
      setConflict(t('assessments.finalisedConflict'));
      void invalidate(queryClient, queryKeys.assessmentChanged(view.campaignId));
      return true;
    }
    return false;
  };
  const w = view.rules.weights;

  return (
    <Space orientation="vertical" size="middle" className="full-width" data-testid="assessment">
      <Card>
        <Space orientation="vertical" className="full-width">
          <Space wrap className="toolbar">
            <Space wrap align="center">
              <Typography.Title level={2} className="section-title">
                {showLink ? (
                  <Link to={`/assessments/${view.id}`}>{t('assessments.heading', { name: view.campaignName })}</Link>
                ) : (
                  t('assessments.heading', { name: view.campaignName })
                )}
              </Typography.Title>
              <Tag color={draft ? 'processing' : 'success'} data-testid="assessment-status">
                {label('assessmentStatus', view.status)}
              </Tag>
            </Space>
            <Space wrap>
              {office && draft && (
                <>
                  <Button onClick={() => setRerunOpen(true)} data-testid="assessment-rerun">
                    {t('assessments.recompute')}
                  </Button>
                  <Button type="primary" danger onClick={() => setFinaliseOpen(true)} data-testid="assessment-finalise">
                    {t('assessments.finalise')}
                  </Button>
                </>
              )}
              <ExportButtons path={`/assessments/${view.id}`} name="assessment" />
            </Space>
          </Space>
          {conflict && <Alert type="error" showIcon title={conflict} role="alert" closable onClose={() => setConflict(null)} data-testid="assessment-conflict" />}
          {!draft && <Alert type="success" showIcon title={t('assessments.finalisedNote')} />}
          <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2, lg: 3 }}>
            <Descriptions.Item label={t('assessments.asOf')}>{view.asOf}</Descriptions.Item>
            <Descriptions.Item label={t('assessments.computedAt')}>{formatDateTime(view.computedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('assessments.weights')}>
              {t('assessments.weightsValue', { targets: w.targets, duties: w.dutiesOnTime, reports: w.reportsOnTime })}
            </Descriptions.Item>
            <Descriptions.Item label={t('assessments.thresholds')}>
              {t('assessments.thresholdsValue', {
                commend: view.rules.commendationMinScore,
                criticise: view.rules.criticismBelowScore,
                ineligible: view.rules.awardIneligibleBelowScore,
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('assessments.returnPenalty')}>
              {t('assessments.returnPenaltyValue', { points: view.rules.returnPenaltyPoints, max: view.rules.maxReturnPenalty })}
            </Descriptions.Item>
            {view.finalisedAt && (
              <Descriptions.Item label={t('assessments.finalisedAt')}>
                {formatDateTime(view.finalisedAt)} · {view.finalisedByUsername ?? ''}
                {view.finaliseReason && <div className="pre-wrap">{view.finaliseReason}</div>}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Space>
      </Card>
      <Card>
        <Typography.Title level={2} className="section-title">
          {t('assessments.scorecards')}
        </Typography.Title>
        <Table<AssessmentUnit>
          data-testid="assessment-units"
          rowKey="unitId"
          size="small"
          pagination={false}
          dataSource={view.units}
          scroll={{ x: 1650 }}
          columns={[
            {
              title: t('progress.unit'),
              key: 'unit',
              fixed: 'left',
              width: 160,
              render: (_, u) => (
                <>
                  {u.unitName}
                  <div>
                    <Typography.Text type="secondary">{label('unitKind', u.unitKind)}</Typography.Text>
                  </div>
                </>
              ),
            },
            {
              title: t('assessments.score'),
              key: 'score',
              width: 80,
              align: 'right',
              sorter: (a, b) => a.scorecard.score - b.scorecard.score,
              render: (_, u) => <Typography.Text strong>{formatNumber(u.scorecard.score, 1)}</Typography.Text>,
            },
            {
              title: t('assessments.targets'),
              key: 'targets',
              width: 130,
              align: 'right',
              render: (_, u) =>
                u.scorecard.targetsScore === null ? (
                  t('assessments.noTargets')
                ) : (
                  <>
                    {formatNumber(u.scorecard.targetsScore, 2)}
                    <div>{t('assessments.attainment', { share: percent(u.scorecard.attainment) })}</div>
                  </>
                ),
            },
            {
              title: t('assessments.dutiesOnTime'),
              key: 'duties',
              width: 130,
              align: 'right',
              render: (_, u) => t('assessments.ratio', { rate: formatNumber(u.scorecard.dutiesOnTimeRate, 1), done: u.scorecard.dutiesOnTime, due: u.scorecard.dutiesDue }),
            },
            {
              title: t('assessments.reportsOnTime'),
              key: 'reports',
              width: 130,
              align: 'right',
              render: (_, u) => t('assessments.ratio', { rate: formatNumber(u.scorecard.reportsOnTimeRate, 1), done: u.scorecard.reportsOnTime, due: u.scorecard.reportsDue }),
            },
            {
              title: t('assessments.returns'),
              key: 'returns',
              width: 100,
              align: 'right',
              render: (_, u) =>
                u.scorecard.returnPenalty > 0
                  ? t('assessments.returnsValue', { returns: u.scorecard.returns, penalty: formatNumber(u.scorecard.returnPenalty, 1) })
                  : u.scorecard.returns,
            },
            { title: t('assessments.proposed'), key: 'proposed', width: 170, render: (_, u) => <OutcomeTags outcomes={u.proposedOutcomes} /> },
            {
              title: t('assessments.outcome'),
              key: 'outcome',
              width: 190,
              render: (_, u) => (
                <Space orientation="vertical" size={2}>
                  <OutcomeTags outcomes={u.outcomes} />
                  {!sameOutcomes(u.outcomes, u.proposedOutcomes) && <Tag color="blue">{t('assessments.changedByReview')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('assessments.subsidyBase'),
              key: 'base',
              width: 130,
              align: 'right',
              render: (_, u) => (u.subsidyBaseYuan === null ? '—' : formatNumber(u.subsidyBaseYuan, 2)),
            },
            { title: t('assessments.proposedAdjustment'), key: 'proposedAdj', width: 130, align: 'right', render: (_, u) => yuan(u.proposedOutcomes.subsidyAdjustmentYuan) },
            { title: t('assessments.adjustment'), key: 'adj', width: 130, align: 'right', render: (_, u) => yuan(u.subsidyAdjustmentYuan) },
            {
              title: t('assessments.review'),
              key: 'review',
              width: 220,
              render: (_, u) =>
                u.reviewedAt ? (
                  <>
                    <div>
                      {u.reviewedByUsername} · {formatDateTime(u.reviewedAt)}
                    </div>
                    <div className="pre-wrap">{u.reviewReason}</div>
                  </>
                ) : (
                  '—'
                ),
            },
            ...(office && draft
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 100,
                    fixed: 'right' as const,
                    render: (_: unknown, u: AssessmentUnit) => (
                      <Button size="small" onClick={() => setReviewing(u)} data-testid={`review-${u.unitCode}`}>
                        {t('assessments.setOutcome')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <ReviewDialog
        view={view}
        unit={reviewing}
        onClose={() => setReviewing(null)}
        onConflict={(error) => {
          const handled = onConflict(error);
          if (handled) setReviewing(null);
          return handled;
        }}
        onDone={(next) => {
          setReviewing(null);
          void message.success(t('assessments.reviewed'));
          onChange(next);
        }}
      />
      <FinaliseDialog
        view={view}
        open={finaliseOpen}
        onClose={() => setFinaliseOpen(false)}
        onConflict={(error) => {
          const handled = onConflict(error);
          if (handled) setFinaliseOpen(false);
          return handled;
        }}
        onDone={(next) => {
          setFinaliseOpen(false);
          void message.success(t('assessments.finalised'));
          onChange(next);
        }}
      />
      <RunAssessmentDialog
        campaignId={view.campaignId}
        open={rerunOpen}
        initialAsOf={view.asOf}
        onClose={() => setRerunOpen(false)}
        onConflict={(error) => {
          const handled = onConflict(error);
          if (handled) setRerunOpen(false);
          return handled;
        }}
        onDone={(next) => {
          setRerunOpen(false);
          void message.success(t('assessments.recomputed'));
          onChange(next);
        }}
      />
    </Space>
  );
}

interface ReviewValues {
  commendation: boolean;
  criticism: boolean;
  awardIneligible: boolean;
  subsidyAdjustmentYuan: number | null;
  reason: string;
}

function ReviewDialog({
  view,
  unit,
  onClose,
  onDone,
  onConflict,
}: {
  view: AssessmentView;
  unit: AssessmentUnit | null;
  onClose(): void;
  onDone(view: AssessmentView): void;
  onConflict(error: unknown): boolean;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ReviewValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    setFailure(null);
    if (unit) form.setFieldsValue({ ...unit.outcomes, subsidyAdjustmentYuan: unit.subsidyAdjustmentYuan, reason: '' });
  }, [unit, form]);
  if (!unit) return null;
  const submit = async () => {
    let values: ReviewValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const body: ReviewAssessmentUnitBody = {
        commendation: Boolean(values.commendation),
        criticism: Boolean(values.criticism),
        awardIneligible: Boolean(values.awardIneligible),
        subsidyAdjustmentYuan: values.subsidyAdjustmentYuan ?? null,
        reason: values.reason,
      };
      onDone(await api.put<AssessmentView>(`/assessments/${view.id}/units/${unit.unitId}`, body));
    } catch (error) {
      if (onConflict(error)) return;
      const unplaced = applyFieldErrors(form, error, t);
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('assessments.setOutcomeOf', { name: unit.unitName })}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" />}
      <Descriptions size="small" column={1} className="form-alert">
        <Descriptions.Item label={t('assessments.score')}>{formatNumber(unit.scorecard.score, 1)}</Descriptions.Item>
        <Descriptions.Item label={t('assessments.proposed')}>
          <OutcomeTags outcomes={unit.proposedOutcomes} />
        </Descriptions.Item>
        <Descriptions.Item label={t('assessments.proposedAdjustment')}>{yuan(unit.proposedOutcomes.subsidyAdjustmentYuan)}</Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical" name="assessment-review">
        <Form.Item name="commendation" valuePropName="checked">
          <Checkbox>{t('assessments.commendation')}</Checkbox>
        </Form.Item>
        <Form.Item name="criticism" valuePropName="checked">
          <Checkbox>{t('assessments.criticism')}</Checkbox>
        </Form.Item>
        <Form.Item name="awardIneligible" valuePropName="checked">
          <Checkbox>{t('assessments.awardIneligible')}</Checkbox>
        </Form.Item>
        <Form.Item
          name="subsidyAdjustmentYuan"
          label={t('assessments.adjustmentYuan')}
          extra={unit.subsidyBaseYuan === null ? t('assessments.noBase') : t('assessments.baseIs', { base: formatNumber(unit.subsidyBaseYuan, 2) })}
        >
          <InputNumber precision={2} style={{ width: '100%' }} disabled={unit.subsidyBaseYuan === null} />
        </Form.Item>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('assessments.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function FinaliseDialog({
  view,
  open,
  onClose,
  onDone,
  onConflict,
}: {
  view: AssessmentView;
  open: boolean;
  onClose(): void;
  onDone(view: AssessmentView): void;
  onConflict(error: unknown): boolean;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason?: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (!open) return null;
  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const reason = (form.getFieldValue('reason') as string | undefined)?.trim();
      const body: FinaliseAssessmentBody = reason ? { reason } : {};
      onDone(await api.post<AssessmentView>(`/assessments/${view.id}/finalise`, body));
    } catch (error) {
      if (onConflict(error)) return;
      const unplaced = applyFieldErrors(form, error, t);
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('assessments.finaliseTitle')}
      okText={t('assessments.finaliseConfirm')}
      okButtonProps={{ danger: true, 'data-testid': 'assessment-finalise-confirm' }}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('assessments.finaliseWarning', { count: view.units.length })} className="form-alert" />
      {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" />}
      <Form form={form} layout="vertical" name="assessment-finalise">
        <Form.Item name="reason" label={t('assessments.finaliseReason')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Runs the campaign's assessment (or recomputes the draft) as of a day. */
export function RunAssessmentDialog({
  campaignId,
  open,
  initialAsOf,
  onClose,
  onDone,
  onConflict,
}: {
  campaignId: string;
  open: boolean;
  initialAsOf?: string;
  onClose(): void;
  onDone(view: AssessmentView): void;
  onConflict?(error: unknown): boolean;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ asOf?: dayjs.Dayjs }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setFailure(null);
      form.setFieldsValue({ asOf: initialAsOf ? dayjs(initialAsOf, DAY) : undefined });
    }
  }, [open, initialAsOf, form]);
  if (!open) return null;
  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const asOf = form.getFieldValue('asOf') as dayjs.Dayjs | undefined;
      const body: StartAssessmentBody = asOf ? { asOf: asOf.format(DAY) } : {};
      onDone(await api.post<AssessmentView>(`/campaigns/${campaignId}/assessments`, body));
    } catch (error) {
      if (onConflict?.(error)) return;
      const unplaced = applyFieldErrors(form, error, t);
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={initialAsOf ? t('assessments.recompute') : t('assessments.run')}
      okText={initialAsOf ? t('assessments.recompute') : t('assessments.run')}
      okButtonProps={{ 'data-testid': 'assessment-run-confirm' }}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{initialAsOf ? t('assessments.recomputeHint') : t('assessments.runHint')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" />}
      <Form form={form} layout="vertical" name="assessment-run">
        <Form.Item name="asOf" label={t('assessments.asOf')} extra={t('assessments.asOfHint')}>
          <DatePicker format={DAY} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
