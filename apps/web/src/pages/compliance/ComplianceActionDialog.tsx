import { useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { clockOffsetWords, DEFAULT_COMPLIANCE_POLICY, RECTIFICATION_KINDS } from '@duban/domain';
import { ApiError, api } from '../../api/client';
import { applyFieldErrors, errorText } from '../../components/api-errors';
import { beijingInstant } from '../../components/format';
import { useI18n } from '../../i18n/i18n';
import { EvidenceUploader } from './CaseEvidence';
import type { CaseEvidence, ComplianceCaseDetail } from '@duban/contracts';

export type CaseDialogAction = 'issue_notice' | 'record_rectification' | 'dismiss';

interface Props {
  kase: ComplianceCaseDetail;
  action: CaseDialogAction | null;
  evidence: CaseEvidence[];
  onEvidenceAdded(file: CaseEvidence): void;
  /** The case moved under the dialog (409): the page reads it again. */
  onConflict(): void;
  onClose(): void;
  onDone(action: CaseDialogAction, kase: ComplianceCaseDetail): void;
}

/** POST /compliance-cases/:id/actions: the notice (its deadline optional), a rectification with its evidence, a dismissal with its reason. */
export function ComplianceActionDialog({ kase, action, evidence, onEvidenceAdded, onConflict, onClose, onDone }: Props) {
  const { t, label, language } = useI18n();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    form.resetFields();
    setFailure(null);
  }, [action, form]);

  if (!action) return null;
  const submit = async () => {
    let values: Record<string, any>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const body: Record<string, unknown> = { action };
      if (action === 'issue_notice' && values.deadline) body.deadline = beijingInstant(values.deadline as dayjs.Dayjs);
      if (action === 'dismiss') body.reason = values.reason;
      if (action === 'record_rectification') {
        body.rectification = { kind: values.rectification?.kind, evidenceIds: values.rectification?.evidenceIds ?? [] };
        if (values.reason && String(values.reason).trim()) body.reason = values.reason;
      }
      const after = await api.post<ComplianceCaseDetail>(`/compliance-cases/${kase.id}/actions`, body);
      onDone(action, after);
    } catch (error) {
      const unplaced = applyFieldErrors(form, error, t);
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
      if (error instanceof ApiError && error.status === 409) onConflict();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${label('caseAction', action)} · ${kase.unitName ?? kase.creditCode}`}
      onCancel={onClose}
      destroyOnHidden
      width={action === 'record_rectification' ? 640 : 520}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('action.cancel')}
        </Button>,
        <Button key="submit" type="primary" danger={action === 'dismiss'} loading={busy} onClick={() => void submit()} data-testid="case-action-submit">
          {label('caseAction', action)}
        </Button>,
      ]}
    >
      {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" />}
      <Form form={form} layout="vertical" name={`case-${action}`}>
        {action === 'issue_notice' && (
          <Form.Item name="deadline" label={t('cases.deadline')} extra={t('cases.deadlineHint', { period: clockOffsetWords(DEFAULT_COMPLIANCE_POLICY.noticePeriod, language) })}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        )}
        {action === 'dismiss' && (
          <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('cases.reasonRequired') }]}>
            <Input.TextArea rows={4} maxLength={2000} placeholder={t('cases.dismissPlaceholder')} />
          </Form.Item>
        )}
        {action === 'record_rectification' && (
          <>
            <Form.Item name={['rectification', 'kind']} label={t('cases.rectificationKind')} rules={[{ required: true, message: t('cases.rectificationKindRequired') }]}>
              <Radio.Group options={RECTIFICATION_KINDS.map((k) => ({ value: k, label: label('rectificationKind', k) }))} />
            </Form.Item>
            <Form.Item
              name={['rectification', 'evidenceIds']}
              label={t('cases.rectificationEvidence')}
              rules={[{ required: true, type: 'array', min: 1, message: t('cases.rectificationEvidenceRequired') }]}
            >
              <Select mode="multiple" options={evidence.map((e) => ({ value: e.id, label: e.fileName }))} />
            </Form.Item>
            <Typography.Paragraph>{t('inspection.uploadFirst')}</Typography.Paragraph>
            <EvidenceUploader
              caseId={kase.id}
              testId="rectification-evidence-upload"
              onUploaded={(file) => {
                onEvidenceAdded(file);
                const chosen = (form.getFieldValue(['rectification', 'evidenceIds']) as string[] | undefined) ?? [];
                if (!chosen.includes(file.id)) form.setFieldValue(['rectification', 'evidenceIds'], [...chosen, file.id]);
              }}
            />
            <Form.Item name="reason" label={t('cases.noteOptional')} className="form-after-upload">
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
