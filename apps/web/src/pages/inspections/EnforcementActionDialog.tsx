import { useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { DUBAN_TIME_ZONE, ENFORCEMENT_ACTION_TYPES } from '@duban/domain';
import { ApiError, api } from '../../api/client';
import { applyFieldErrors, errorText } from '../../components/api-errors';
import { useI18n } from '../../i18n/i18n';
import { EvidenceUploader } from '../compliance/CaseEvidence';
import type { CaseEvidence, EnforcementAction, InspectionCaseDetail } from '@duban/contracts';

interface Props {
  open: boolean;
  inspectionCase: InspectionCaseDetail;
  evidence: CaseEvidence[];
  /** Evidence may be added (the case's team or the office, the case open). */
  mayUpload: boolean;
  onEvidenceAdded(file: CaseEvidence): void;
  /** The case changed under the dialog (409: closed, exposure not approved): the page reads it again. */
  onConflict(): void;
  onClose(): void;
  onDone(action: EnforcementAction): void;
}

/** Today in Beijing: the last day an action may be dated. */
const beijingToday = () => dayjs().tz(DUBAN_TIME_ZONE).format('YYYY-MM-DD');

/**
 * Logs an enforcement action (POST /inspection-cases/:id/actions). Files are uploaded first to the
 * case's compliance case and chosen here; one uploaded from this dialog is chosen at once.
 */
export function EnforcementActionDialog({ open, inspectionCase, evidence, mayUpload, onEvidenceAdded, onConflict, onClose, onDone }: Props) {
  const { t, label } = useI18n();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const type = Form.useWatch('type', form) as string | undefined;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ date: dayjs(beijingToday()), evidenceIds: [] });
    setFailure(null);
  }, [open, form]);

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
      const body: Record<string, unknown> = {
        type: values.type,
        date: (values.date as dayjs.Dayjs).format('YYYY-MM-DD'),
        findings: values.findings,
        evidenceIds: values.evidenceIds ?? [],
      };
      if (values.outcome && String(values.outcome).trim()) body.outcome = values.outcome;
      if (values.type === 'penalty') body.penaltyYuan = values.penaltyYuan;
      const recorded = await api.post<EnforcementAction>(`/inspection-cases/${inspectionCase.id}/actions`, body);
      onDone(recorded);
    } catch (error) {
      const unplaced = applyFieldErrors(form, error, t);
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
      if (error instanceof ApiError && error.status === 409) onConflict();
    } finally {
      setBusy(false);
    }
  };

  const exposureAllowed = inspectionCase.exposureStatus === 'approved';
  return (
    <Modal
      open={open}
      title={t('inspection.logActionTitle', { unit: inspectionCase.unitName ?? inspectionCase.creditCode })}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('action.cancel')}
        </Button>,
        <Button key="submit" type="primary" loading={busy} onClick={() => void submit()} data-testid="action-submit">
          {t('inspection.logAction')}
        </Button>,
      ]}
    >
      {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" data-testid="action-error" />}
      <Form form={form} layout="vertical" name="enforcement-action">
        <Form.Item name="type" label={t('inspection.actionType')} rules={[{ required: true, message: t('inspection.actionTypeRequired') }]}>
          <Select
            data-testid="action-type"
            options={ENFORCEMENT_ACTION_TYPES.map((a) => ({
              value: a,
              label:
                a === 'exposure' && !exposureAllowed
                  ? t('inspection.optionWithNote', { option: label('enforcementAction', a), note: t('inspection.exposureNeedsApproval') })
                  : label('enforcementAction', a),
              disabled: a === 'exposure' && !exposureAllowed,
            }))}
          />
        </Form.Item>
        <Form.Item name="date" label={t('inspection.actionDate')} extra={t('inspection.actionDateHint')} rules={[{ required: true, message: t('inspection.actionDateRequired') }]}>
          <DatePicker format="YYYY-MM-DD" disabledDate={(d) => d.format('YYYY-MM-DD') > beijingToday()} data-testid="action-date" />
        </Form.Item>
        <Form.Item name="findings" label={t('inspection.findings')} rules={[{ required: true, whitespace: true, message: t('inspection.findingsRequired') }]}>
          <Input.TextArea rows={4} maxLength={5000} data-testid="action-findings" placeholder={t('inspection.findingsPlaceholder')} />
        </Form.Item>
        <Form.Item name="outcome" label={t('inspection.outcome')}>
          <Input.TextArea rows={2} maxLength={5000} data-testid="action-outcome" />
        </Form.Item>
        {type === 'penalty' && (
          <Form.Item name="penaltyYuan" label={t('inspection.penaltyYuan')} rules={[{ required: true, message: t('inspection.penaltyRequired') }]}>
            <InputNumber min={0.01} max={100_000_000} precision={2} step={100} className="full-width" data-testid="action-penalty" />
          </Form.Item>
        )}
        <Form.Item name="evidenceIds" label={t('inspection.evidenceOfAction')} extra={evidence.length === 0 ? t('inspection.noEvidenceYet') : undefined}>
          <Select mode="multiple" data-testid="action-evidence" options={evidence.map((e) => ({ value: e.id, label: e.fileName }))} />
        </Form.Item>
        {mayUpload && (
          <>
            <Typography.Paragraph>{t('inspection.uploadFirst')}</Typography.Paragraph>
            <EvidenceUploader
              caseId={inspectionCase.caseId}
              testId="action-evidence-upload"
              onUploaded={(file) => {
                onEvidenceAdded(file);
                const chosen = (form.getFieldValue('evidenceIds') as string[] | undefined) ?? [];
                if (!chosen.includes(file.id)) form.setFieldsValue({ evidenceIds: [...chosen, file.id] });
              }}
            />
          </>
        )}
      </Form>
    </Modal>
  );
}
