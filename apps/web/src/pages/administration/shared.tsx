// Pieces the administration pages share: a change that needs a reason, a one-time password shown
// once, and the upload of a table with a dry run that lists every row's problems.
import { useState, type ReactNode } from 'react';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType, UploadFile } from 'antd';
import { ApiError, api, uploadFile } from '../../api/client';
import { applyFieldErrors, errorText, fieldMessageText, fieldMessagesText } from '../../components/api-errors';
import { useI18n } from '../../i18n/i18n';

/** A POST that takes only a reason (deactivate, reactivate, unlock); the reason is kept in the audit log. */
export function ReasonDialog<T>({
  title,
  warning,
  confirm,
  path,
  danger = false,
  onDone,
  onClose,
}: {
  title: string;
  warning?: string;
  confirm: string;
  path: string;
  danger?: boolean;
  onDone(answer: T): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async () => {
    let values: { reason: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onDone(await api.post<T>(path, { reason: values.reason }));
    } catch (error) {
      const unplaced = applyFieldErrors(form, error, t);
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={confirm}
      okButtonProps={{ danger, 'data-testid': 'reason-confirm' }}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {warning && <Typography.Paragraph>{warning}</Typography.Paragraph>}
      {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" data-testid="reason-error" />}
      <Form form={form} layout="vertical" name="reason">
        <Form.Item
          name="reason"
          label={t('common.reason')}
          rules={[
            { required: true, whitespace: true, message: t('admin.reasonRequired') },
            { max: 500, message: t('admin.reasonTooLong') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A one-time password, shown this once with a copy button: the console does not keep it. */
export function OneTimePassword({ username, password }: { username: string; password: string }) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      title={t('users.oneTimeTitle', { username })}
      description={
        <Space orientation="vertical">
          <Typography.Text code copyable={{ text: password, tooltips: [t('users.copy'), t('users.copied')] }} className="one-time-password" data-testid="one-time-password">
            {password}
          </Typography.Text>
          <Typography.Text>{t('users.oneTimeHint')}</Typography.Text>
        </Space>
      }
    />
  );
}

/** Hands a small table built in the browser (the one-time passwords of an import) to the user as CSV. */
export function downloadCsv(name: string, header: string[], rows: string[][]): void {
  const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  // A byte-order mark, so that Excel reads the Chinese names as UTF-8.
  const text = `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A row's problems, column by column, as the API names them. */
export function RowErrors({ errors }: { errors?: Record<string, string[]> }) {
  const { t } = useI18n();
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <ul className="plain-list" data-testid="row-errors">
      {Object.entries(errors).map(([column, messages]) => (
        <li key={column}>
          {/* The column as the file names it; the message in the user's language where the console knows it. */}
          <Typography.Text type="danger">{t('fieldError.label', { field: column, message: messages.map((m) => fieldMessageText(m, t)).join('; ') })}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

export function ImportStatus({ status }: { status: string }) {
  const { label } = useI18n();
  const color = status === 'refused' ? 'error' : status === 'created' ? 'success' : status === 'updated' ? 'processing' : 'default';
  return (
    <Tag color={color} data-status={status}>
      {label('importRow', status)}
    </Tag>
  );
}

interface ImportAnswerBase<R> {
  refused: number;
  rows: R[];
}

/**
 * Upload a CSV/XLSX, check it first (dry run: nothing written, every row's problems listed), then
 * import it. `path` is the import route; `extraQuery` adds options such as the password delivery.
 */
export function ImportDialog<R extends { row: number }, A extends ImportAnswerBase<R>>({
  title,
  hint,
  path,
  extraQuery = {},
  options,
  counts,
  columns,
  afterImport,
  onImported,
  onClose,
}: {
  title: string;
  hint: string;
  path: string;
  extraQuery?: Record<string, string>;
  /** Choices shown above the file (how passwords are delivered). */
  options?: ReactNode;
  counts(answer: A): Array<{ label: string; value: number }>;
  columns: TableColumnsType<R>;
  /** Shown under the table once imported (the one-time passwords' download). */
  afterImport?(answer: A): ReactNode;
  onImported(answer: A): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [answer, setAnswer] = useState<A | null>(null);
  const [imported, setImported] = useState(false);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const file = files[0]?.originFileObj;

  const run = async (dryRun: boolean) => {
    if (!file) {
      setFailure(t('imports.fileRequired'));
      return;
    }
    setBusy(dryRun ? 'check' : 'import');
    setFailure(null);
    try {
      const query = new URLSearchParams({ ...extraQuery, ...(dryRun ? { dryRun: 'true' } : {}) }).toString();
      const result = await uploadFile<A>(`${path}${query ? `?${query}` : ''}`, file);
      setAnswer(result);
      setImported(!dryRun);
      if (!dryRun) onImported(result);
    } catch (error) {
      setAnswer(null);
      // A refused file has no form fields to put the messages on: say them with their fields.
      setFailure(error instanceof ApiError && Object.keys(error.fields).length > 0 ? fieldMessagesText(error, t) : errorText(error, t));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal
      open
      width={960}
      title={title}
      onCancel={onClose}
      destroyOnHidden
      footer={
        imported ? (
          <Button type="primary" onClick={onClose}>
            {t('action.confirm')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('action.cancel')}</Button>
            <Button loading={busy === 'check'} disabled={!file || busy !== null} onClick={() => void run(true)} data-testid="import-check">
              {t('admin.importCheck')}
            </Button>
            <Button type="primary" loading={busy === 'import'} disabled={!file || busy !== null || !answer} onClick={() => void run(false)} data-testid="import-run">
              {t('admin.importRun')}
            </Button>
          </Space>
        )
      }
    >
      <Space orientation="vertical" className="full-width">
        <Typography.Paragraph>{hint}</Typography.Paragraph>
        {!imported && options}
        {!imported && (
          <Upload
            accept=".csv,.xlsx"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => {
              setFiles(fileList.slice(-1));
              setAnswer(null);
              setFailure(null);
            }}
          >
            <Button icon={<UploadOutlined />}>{t('imports.chooseFile')}</Button>
          </Upload>
        )}
        {failure && <Alert type="error" showIcon title={failure} role="alert" data-testid="import-error" />}
        {answer && (
          <>
            <Alert
              type={imported ? 'success' : answer.refused > 0 ? 'warning' : 'info'}
              showIcon
              title={imported ? t('admin.importDone') : answer.refused > 0 ? t('admin.importCheckedRefused', { n: answer.refused }) : t('admin.importChecked')}
              data-testid="import-summary"
            />
            <Space wrap size="large">
              {counts(answer).map((c) => (
                <Statistic key={c.label} title={c.label} value={c.value} />
              ))}
            </Space>
            <Table<R>
              rowKey="row"
              size="small"
              dataSource={answer.rows}
              columns={columns}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 800 }}
              data-testid="import-rows"
            />
            {imported && afterImport?.(answer)}
          </>
        )}
      </Space>
    </Modal>
  );
}

export function DownloadButton({ onClick, children }: { onClick(): void; children: ReactNode }) {
  return (
    <Button icon={<DownloadOutlined />} onClick={onClick} data-testid="download-passwords">
      {children}
    </Button>
  );
}
