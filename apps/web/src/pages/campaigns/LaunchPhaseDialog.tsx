import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Form, Input, Modal, Spin, Table, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { api } from '../../api/client';
import { apiQuery } from '../../api/query-keys';
import { applyFieldErrors, domainCode, domainErrorText, errorText } from '../../components/api-errors';
import { formatDateTime } from '../../components/format';
import { useI18n } from '../../i18n/i18n';
import type { LaunchAnswer, LaunchPreview, PhaseView } from '@duban/contracts';

interface Props {
  campaignId: string;
  phase: PhaseView | null;
  onClose(): void;
  onLaunched(answer: LaunchAnswer): void;
}

/**
 * Confirms a launch: shows what it will create (the API's launch preview, computed by the
 * launch's own code) and, when the phase before is still open, asks whether to force it and why.
 */
export function LaunchPhaseDialog({ campaignId, phase, onClose, onLaunched }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ force: boolean; early: boolean; reason?: string }>();
  // Each opening asks afresh (nothing kept once the dialog closes): the preview is of now.
  const asked = useQuery({
    ...apiQuery<LaunchPreview>(`/campaigns/${campaignId}/phases/${phase?.id ?? ''}/launch-preview`),
    enabled: phase !== null,
    staleTime: 0,
    gcTime: 0,
  });
  const preview = phase && asked.data ? asked.data : null;
  const previewFailure = asked.error;
  const [failure, setFailure] = useState<string | null>(null);
  const [forceRefused, setNeedsForce] = useState(false);
  // Before the phase's window opens the launch is early: only with the box ticked and a reason.
  const [earlyRefused, setNeedsEarly] = useState(false);
  const needsForce = forceRefused || preview?.refusal?.code === 'PREVIOUS_PHASE_OPEN';
  const needsEarly = earlyRefused || !!preview?.earlyLaunch;
  const [busy, setBusy] = useState(false);
  const force = Form.useWatch('force', form) as boolean | undefined;
  const early = Form.useWatch('early', form) as boolean | undefined;

  useEffect(() => {
    if (!phase) return;
    setFailure(null);
    setNeedsForce(false);
    setNeedsEarly(false);
    form.resetFields();
  }, [campaignId, phase, form]);

  if (!phase) return null;

  const launch = async () => {
    let values: { force?: boolean; early?: boolean; reason?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const body = {
        ...(values.force ? { force: true } : {}),
        ...(values.early ? { early: true } : {}),
        ...(values.force || values.early ? { reason: values.reason } : {}),
      };
      const answer = await api.post<LaunchAnswer>(`/campaigns/${campaignId}/phases/${phase.id}/launch`, body);
      onLaunched(answer);
    } catch (error) {
      if (domainCode(error) === 'PREVIOUS_PHASE_OPEN') {
        // The phase before is still open: the office may force the launch, with a reason.
        setNeedsForce(true);
      } else if (domainCode(error) === 'PHASE_WINDOW_NOT_OPEN') {
        setNeedsEarly(true);
      } else {
        const unplaced = applyFieldErrors(form, error, t);
        setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
      }
    } finally {
      setBusy(false);
    }
  };

  const blocked = previewFailure != null || (preview?.refusal != null && preview.refusal.code !== 'PREVIOUS_PHASE_OPEN');
  return (
    <Modal
      open
      width={960}
      title={t('launch.title', { name: phase.name })}
      okText={force ? t('launch.forceConfirm') : early ? t('launch.earlyConfirm') : t('launch.confirm')}
      okButtonProps={
        { 'data-testid': 'launch-confirm', disabled: !preview || blocked || (needsForce && !force) || (needsEarly && !early), danger: !!force || !!early } as ButtonProps
      }
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      onOk={() => void launch()}
      onCancel={onClose}
      destroyOnHidden
    >
      {previewFailure != null && <Alert type="error" showIcon title={errorText(previewFailure, t)} className="form-alert" role="alert" />}
      {!preview && previewFailure == null && <Spin description={t('launch.loadingPreview')} />}
      {preview && (
        <>
          <Typography.Paragraph data-testid="launch-preview-summary">
            {t('launch.willCreate', { count: preview.dutyCount, at: formatDateTime(preview.windowEndsAt) })}
          </Typography.Paragraph>
          {preview.refusal && preview.refusal.code !== 'PREVIOUS_PHASE_OPEN' && (
            <Alert type="warning" showIcon title={domainErrorText(preview.refusal.code, t) ?? preview.refusal.message} className="form-alert" />
          )}
          <Table
            size="small"
            rowKey={(d) => `${d.templateId}:${d.department.id}:${d.district?.id ?? '-'}:${d.sectorKey ?? '-'}`}
            dataSource={preview.duties}
            data-testid="launch-preview"
            pagination={preview.duties.length > 10 ? { pageSize: 10, showTotal: (total) => t('common.total', { total }) } : false}
            scroll={{ x: 720 }}
            locale={{ emptyText: t('launch.noDuties') }}
            columns={[
              { title: t('duty.title'), dataIndex: 'title' },
              { title: t('duty.department'), width: 200, render: (_, d) => d.department.name ?? d.department.id },
              { title: t('common.district'), width: 140, render: (_, d) => d.district?.name ?? '—' },
              { title: t('duty.dueAt'), width: 160, render: (_, d) => formatDateTime(d.dueAt) },
            ]}
          />
          <Typography.Paragraph type="secondary" className="launch-note">
            {t('launch.previewNote', { at: formatDateTime(preview.asOf) })}
          </Typography.Paragraph>
        </>
      )}
      {needsForce && <Alert type="warning" showIcon title={t('launch.previousOpen')} className="form-alert" />}
      {needsEarly && (
        <Alert
          type="warning"
          showIcon
          data-testid="launch-early-notice"
          title={t('launch.beforeWindow', { start: preview?.earlyLaunch?.windowStart ?? phase.window.start, end: preview?.earlyLaunch?.windowEnd ?? phase.window.end })}
          className="form-alert"
        />
      )}
      <Form form={form} layout="vertical" name="launch" initialValues={{ force: false, early: false }}>
        {needsForce && (
          <Form.Item name="force" valuePropName="checked">
            <Checkbox data-testid="launch-force">{t('launch.force')}</Checkbox>
          </Form.Item>
        )}
        {needsEarly && (
          <Form.Item name="early" valuePropName="checked">
            <Checkbox data-testid="launch-early">{t('launch.early')}</Checkbox>
          </Form.Item>
        )}
        {((needsForce && force) || (needsEarly && early)) && (
          <Form.Item
            name="reason"
            label={force ? t('launch.forceReason') : t('launch.earlyReason')}
            rules={[{ required: true, whitespace: true, message: force ? t('launch.forceReasonRequired') : t('launch.earlyReasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
      {failure && <Alert type="error" showIcon title={failure} role="alert" />}
    </Modal>
  );
}
