import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { Department, DutyDetail, EvidenceView as EvidenceFile } from '@duban/contracts';
import type { DutyAction } from '../../api/types';
import { applyFieldErrors, errorText } from '../../components/api-errors';
import { beijingInstant } from '../../components/format';
import { useI18n } from '../../i18n/i18n';

/** Where each action goes and which fields it asks for (the API's DTOs). */
const ENDPOINT: Partial<Record<DutyAction, string>> = {
  acknowledge: 'acknowledge',
  start: 'start',
  submit: 'submit',
  accept: 'accept',
  return: 'return',
  cancel: 'cancel',
  extend: 'extend',
  record_progress: 'progress',
  reassign: 'reassign',
};

export const DIALOG_ACTIONS = Object.keys(ENDPOINT) as DutyAction[];

interface Props {
  duty: DutyDetail;
  action: DutyAction | null;
  evidence: EvidenceFile[];
  onClose(): void;
  onDone(action: DutyAction): void;
}

/** One dialog for every duty action: the fields the action needs, the API's errors beside them. */
export function DutyActionDialog({ duty, action, evidence, onClose, onDone }: Props) {
  const { t, label } = useI18n();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // Only a reassignment asks where to; without the list the choice is simply empty.
  const choices = useQuery({
    queryKey: queryKeys.get('/departments'),
    queryFn: ({ signal }) => api.get<Department[]>('/departments', undefined, signal),
    enabled: action === 'reassign',
  });
  const departments = choices.data ?? [];

  useEffect(() => {
    form.resetFields();
    setFailure(null);
    if (action === 'submit') form.setFieldsValue({ evidenceIds: evidence.map((e) => e.id) });
  }, [action, form, evidence]);

  if (!action) return null;
  const endpoint = ENDPOINT[action];
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
      const body: Record<string, unknown> = { ...values };
      if (values.dueAt) body.dueAt = beijingInstant(values.dueAt);
      for (const [key, value] of Object.entries(body)) if (value === undefined || value === '') delete body[key];
      await api.post(`/duties/${duty.id}/${endpoint}`, body);
      onDone(action);
    } catch (error) {
      const unplaced = applyFieldErrors(form, error, t);
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  const required = (message: Parameters<typeof t>[0]) => [{ required: true, whitespace: true, message: t(message) }];
  return (
    <Modal
      open
      title={`${label('dutyAction', action)} · ${duty.title}`}
      okText={label('dutyAction', action)}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" />}
      <Form form={form} layout="vertical" name={`duty-${action}`}>
        {(action === 'acknowledge' || action === 'start' || action === 'accept') && (
          <Form.Item name="note" label={t('duty.noteLabel')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {action === 'record_progress' && (
          <Form.Item name="note" label={t('duty.progressNote')} rules={required('duty.progressRequired')}>
            <Input.TextArea rows={4} />
          </Form.Item>
        )}
        {action === 'submit' && (
          <>
            <Form.Item name="result" label={t('duty.resultLabel')} rules={required('duty.resultRequired')}>
              <Input.TextArea rows={5} />
            </Form.Item>
            <Form.Item name="evidenceIds" label={t('duty.evidenceToSubmit')}>
              <Select mode="multiple" options={evidence.map((e) => ({ value: e.id, label: e.fileName }))} />
            </Form.Item>
          </>
        )}
        {(action === 'return' || action === 'cancel') && (
          <Form.Item name="reason" label={t('duty.reasonLabel')} rules={required('duty.reasonRequired')}>
            <Input.TextArea rows={4} />
          </Form.Item>
        )}
        {action === 'extend' && (
          <>
            <Form.Item name="dueAt" label={t('duty.newDueAt')} rules={[{ required: true, message: t('duty.newDueAtRequired') }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="reason" label={t('duty.reasonLabel')} rules={required('duty.reasonRequired')}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
        {action === 'reassign' && (
          <>
            <Form.Item name="departmentId" label={t('duty.department')} rules={[{ required: true, message: t('duty.departmentRequired') }]}>
              <Select showSearch optionFilterProp="label" options={departments.filter((d) => d.id !== duty.departmentId).map((d) => ({ value: d.id, label: d.name }))} />
            </Form.Item>
            <Form.Item name="reason" label={t('duty.reasonLabel')} rules={required('duty.reasonRequired')}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
