// The office's bulk actions: extend the selected duties, remind a department of its overdue
// duties. Each duty answers for itself; the dialog then shows every duty's outcome.
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { apiQuery, invalidate, queryKeys } from '../../api/query-keys';
import type { Department } from '@duban/contracts';
import { applyFieldErrors, domainErrorText, errorText } from '../../components/api-errors';
import { beijingInstant, formatDateTime } from '../../components/format';
import { useI18n } from '../../i18n/i18n';
import type { BulkItemResult, BulkResult } from '@duban/contracts';

/** Every duty's outcome: done (with its new due time and state) or the API's code and message. */
export function BulkResults({ result, titles, kind }: { result: BulkResult; titles: Map<string, string>; kind: 'extend' | 'remind' }) {
  const { t, label } = useI18n();
  return (
    <Space orientation="vertical" className="full-width" data-testid="bulk-results">
      <Alert
        type={result.failed === 0 ? 'success' : result.succeeded === 0 ? 'error' : 'warning'}
        showIcon
        role="status"
        title={result.total === 0 ? t('board.resultsNone') : t('board.resultsSummary', result as unknown as Record<string, number>)}
      />
      {result.total > 0 && (
        <Table<BulkItemResult>
          rowKey="dutyId"
          size="small"
          pagination={result.results.length > 10 ? { pageSize: 10 } : false}
          dataSource={result.results}
          scroll={{ x: 560 }}
          columns={[
            {
              title: t('board.resultDuty'),
              dataIndex: 'dutyId',
              width: 220,
              render: (id: string) => <Link to={`/duties/${id}`}>{titles.get(id) ?? id}</Link>,
            },
            {
              title: t('board.resultOutcome'),
              key: 'outcome',
              render: (_: unknown, r) =>
                r.ok ? (
                  <Space wrap data-result="ok">
                    <Tag color="success">{t('board.resultOk')}</Tag>
                    {t(kind === 'extend' ? 'board.resultNewDueAt' : 'board.resultDueAt', { at: formatDateTime(r.dueAt) })}
                    <Typography.Text>{t('board.resultState', { state: label('dutyState', r.state) })}</Typography.Text>
                  </Space>
                ) : (
                  <Space orientation="vertical" size={0} data-result="failed">
                    <Tag color="error">{t('board.resultFailed')}</Tag>
                    <Typography.Text data-code={r.code}>{domainErrorText(r.code, t) ?? r.message}</Typography.Text>
                  </Space>
                ),
            },
          ]}
        />
      )}
    </Space>
  );
}

interface ExtendProps {
  open: boolean;
  dutyIds: string[];
  titles: Map<string, string>;
  onClose(): void;
  /** Called once the API answered (whatever each duty's outcome); what the action changed is already asked again. */
  onDone(): void;
}

export function BulkExtendDialog({ open, dutyIds, titles, onClose, onDone }: ExtendProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setFailure(null);
      setResult(null);
    }
  }, [open, form]);

  const submit = async () => {
    let values: { dueAt: dayjs.Dayjs; reason: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const answer = await api.post<BulkResult>('/bulk-actions/extend', { dutyIds, dueAt: beijingInstant(values.dueAt), reason: values.reason });
      setResult(answer);
      void invalidate(queryClient, queryKeys.dutiesChanged());
      onDone();
    } catch (error) {
      const unplaced = applyFieldErrors(form, error, t);
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('board.bulkExtendTitle', { count: dutyIds.length })}
      onCancel={onClose}
      destroyOnHidden
      width={720}
      footer={
        result ? (
          <Button type="primary" onClick={onClose}>
            {t('board.close')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('action.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="bulk-extend-submit">
              {t('board.bulkExtend')}
            </Button>
          </Space>
        )
      }
    >
      {result ? (
        <BulkResults result={result} titles={titles} kind="extend" />
      ) : (
        <>
          <Typography.Paragraph>{t('board.bulkExtendHint')}</Typography.Paragraph>
          {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" />}
          <Form form={form} layout="vertical" name="bulk-extend">
            <Form.Item name="dueAt" label={t('board.newDueAt')} rules={[{ required: true, message: t('board.newDueAtRequired') }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="reason" label={t('board.reason')} rules={[{ required: true, whitespace: true, message: t('board.reasonRequired') }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

interface RemindProps {
  open: boolean;
  departments: Department[];
  /** The department the board is filtered on, offered first. */
  departmentId?: string;
  titles: Map<string, string>;
  onClose(): void;
}

export function BulkRemindDialog({ open, departments, departmentId, titles, onClose }: RemindProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);
  const [resultTitles, setResultTitles] = useState(titles);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ departmentId });
      setFailure(null);
      setResult(null);
    }
  }, [open, form, departmentId]);

  const submit = async () => {
    let values: { departmentId: string; note?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const body: Record<string, string> = { departmentId: values.departmentId };
      if (values.note?.trim()) body.note = values.note;
      const answer = await api.post<BulkResult>('/bulk-actions/remind-overdue', body);
      // The reminded duties may not be on the board's page: their titles from the overdue list.
      const names = new Map(titles);
      if (answer.results.some((r) => !names.has(r.dutyId))) {
        try {
          const overdue = await queryClient.fetchQuery(
            apiQuery<{ items: Array<{ id: string; title: string }> }>('/overview/overdue', { departmentId: values.departmentId, limit: 200 }),
          );
          for (const item of overdue.items) names.set(item.id, item.title);
        } catch {
          // The ids still link to each duty.
        }
      }
      setResultTitles(names);
      setResult(answer);
      void invalidate(queryClient, queryKeys.dutiesChanged());
    } catch (error) {
      const unplaced = applyFieldErrors(form, error, t);
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('board.bulkRemindTitle')}
      onCancel={onClose}
      destroyOnHidden
      width={720}
      footer={
        result ? (
          <Button type="primary" onClick={onClose}>
            {t('board.close')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('action.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="bulk-remind-submit">
              {t('board.bulkRemind')}
            </Button>
          </Space>
        )
      }
    >
      {result ? (
        <BulkResults result={result} titles={resultTitles} kind="remind" />
      ) : (
        <>
          <Typography.Paragraph>{t('board.bulkRemindHint')}</Typography.Paragraph>
          {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" />}
          <Form form={form} layout="vertical" name="bulk-remind">
            <Form.Item name="departmentId" label={t('board.remindDepartment')} rules={[{ required: true, message: t('board.remindDepartmentRequired') }]}>
              <Select showSearch optionFilterProp="label" options={departments.map((d) => ({ value: d.id, label: d.name }))} />
            </Form.Item>
            <Form.Item name="note" label={t('board.remindNote')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
