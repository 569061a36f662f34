import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Progress, Select, Space, Statistic, Table, Typography, Upload, message } from 'antd';
import type { TablePaginationConfig, UploadFile } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { IMPORT_DATASETS } from '@duban/domain';
import { download, uploadFile } from '../../api/client';
import { apiQuery } from '../../api/query-keys';
import { useSession } from '../../auth/session';
import { applyFieldErrors, errorText } from '../../components/api-errors';
import { ExportButtons } from '../../components/ExportButtons';
import { formatDateTime } from '../../components/format';
import { useServerTable } from '../../components/useServerTable';
import { FilterSelect } from '../../components/FilterSelect';
import { useI18n } from '../../i18n/i18n';
import { useReference } from '../compliance/reference';
import { ImportStatusTag } from '../compliance/tags';
import type { UnitImport } from '@duban/contracts';

const RUNNING: UnitImport['status'][] = ['uploading', 'queued', 'running'];
const POLL_MS = 1500;

/** A department's files of unit facts: upload one, watch it import, read the history and the rejected rows. */
export function UnitImportsPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const { hasRole } = useSession();
  const mayUpload = hasRole('office', 'department_officer');
  const seesAll = hasRole('office', 'viewer');
  const reference = useReference();
  const table = useServerTable<UnitImport>('/unit-imports');
  const reloadTable = table.reload;
  const show = useCallback((importId: string) => void navigate(`/unit-imports/${importId}${window.location.search}`), [navigate]);

  return (
    <Space orientation="vertical" size="middle" className="page">
      <Typography.Title level={1} className="page-title">
        {t('imports.title')}
      </Typography.Title>
      {mayUpload && <UploadForm departments={reference.departments} onStarted={(started) => show(started.id)} />}
      {id && <ImportProgress importId={id} onFinished={reloadTable} />}
      <Card>
        <Space orientation="vertical" className="full-width">
          <Space wrap className="toolbar">
            <Typography.Title level={2} className="section-title">
              {t('imports.history')}
            </Typography.Title>
            <Space wrap>
              {seesAll && (
                <FilterSelect
                  label={t('imports.sourceDepartment')}
                  value={table.filters.departmentId}
                  onChange={(value) => table.setFilters({ ...table.filters, departmentId: value })}
                  options={reference.departments.map((d) => ({ value: d.id, label: d.name }))}
                  searchable
                />
              )}
              <ExportButtons path="/unit-imports" query={table.query} name="unit-imports" />
            </Space>
          </Space>
          {table.error != null && (
            <Typography.Text type="danger" role="alert">
              {errorText(table.error, t)}
            </Typography.Text>
          )}
          <ImportHistory
            imports={table.data?.items ?? []}
            loading={table.loading}
            pagination={{ ...table.pagination, showTotal: (total: number) => t('common.total', { total }) }}
            onShow={show}
          />
        </Space>
      </Card>
    </Space>
  );
}

function UploadForm({ departments, onStarted }: { departments: Array<{ id: string; name: string }>; onStarted(started: UnitImport): void }) {
  const { t, label } = useI18n();
  const { hasRole } = useSession();
  const isOffice = hasRole('office');
  const [form] = Form.useForm();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [percent, setPercent] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async () => {
    let values: { dataset: string; sourceDate: dayjs.Dayjs; departmentId?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const file = files[0]?.originFileObj;
    if (!file) {
      form.setFields([{ name: 'file', errors: [t('imports.fileRequired')] }]);
      return;
    }
    setFailure(null);
    setPercent(0);
    try {
      const fields: Record<string, string> = { dataset: values.dataset, sourceDate: values.sourceDate.format('YYYY-MM-DD') };
      if (values.departmentId) fields.departmentId = values.departmentId;
      const started = await uploadFile<UnitImport>('/unit-imports', file, setPercent, fields);
      void message.success(t('imports.accepted', { name: started.fileName }));
      setFiles([]);
      form.setFields([{ name: 'file', errors: [] }]);
      onStarted(started);
    } catch (error) {
      const unplaced = applyFieldErrors(form, error, t);
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
    } finally {
      setPercent(null);
    }
  };

  return (
    <Card>
      <Typography.Title level={2} className="section-title">
        {t('imports.upload')}
      </Typography.Title>
      {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" data-testid="unit-import-error" />}
      <Form form={form} layout="vertical" name="unit-import" initialValues={{ sourceDate: dayjs() }}>
        <div className="form-grid">
          {isOffice && (
            <Form.Item name="departmentId" label={t('imports.sourceDepartment')} rules={[{ required: true, message: t('imports.departmentRequired') }]}>
              <Select showSearch optionFilterProp="label" options={departments.map((d) => ({ value: d.id, label: d.name }))} data-testid="unit-import-department" />
            </Form.Item>
          )}
          <Form.Item name="dataset" label={t('imports.dataset')} rules={[{ required: true, message: t('imports.datasetRequired') }]}>
            <Select options={IMPORT_DATASETS.map((d) => ({ value: d, label: label('dataset', d) }))} data-testid="unit-import-dataset" />
          </Form.Item>
          <Form.Item name="sourceDate" label={t('imports.sourceDate')} rules={[{ required: true, message: t('imports.sourceDateRequired') }]}>
            <DatePicker format="YYYY-MM-DD" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </div>
        <div data-testid="unit-import-upload">
          <Form.Item name="file" label={t('imports.file')} extra={t('imports.fileHint')} required>
            <Upload
              accept=".csv,.xlsx"
              maxCount={1}
              fileList={files}
              beforeUpload={() => false}
              onChange={({ fileList }) => {
                setFiles(fileList.slice(-1));
                form.setFields([{ name: 'file', errors: [] }]);
              }}
            >
              <Button icon={<UploadOutlined />}>{t('imports.chooseFile')}</Button>
            </Upload>
          </Form.Item>
          {percent !== null && <Progress percent={percent} data-testid="unit-import-upload-progress" aria-label={t('imports.uploading')} />}
          <Button type="primary" loading={percent !== null} onClick={() => void submit()} data-testid="unit-import-submit">
            {t('imports.start')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

/** Polls GET /unit-imports/:id until the import ends; the counts move after each batch of 1,000 rows. */
function ImportProgress({ importId, onFinished }: { importId: string; onFinished(): void }) {
  const { t, label } = useI18n();
  const finished = useRef(onFinished);
  finished.current = onFinished;

  const polled = useQuery({
    ...apiQuery<UnitImport>(`/unit-imports/${importId}`),
    // Asked again while the import runs; a passing failure (the network) is tried again more
    // slowly; an answer that will not change is not.
    refetchInterval: (query) => {
      const failed = query.state.status === 'error';
      if (failed) return (query.state.error as { status?: number } | null)?.status ? false : POLL_MS * 2;
      return query.state.data && RUNNING.includes(query.state.data.status) ? POLL_MS : false;
    },
    refetchIntervalInBackground: true,
    retry: false,
  });
  const record = polled.data ?? null;
  const failure = polled.error;
  const status = record?.status;
  useEffect(() => {
    if (status && !RUNNING.includes(status)) finished.current();
  }, [status]);

  if (failure && !record) return <Alert type="error" showIcon title={errorText(failure, t)} />;
  if (!record) return null;
  const running = RUNNING.includes(record.status);
  const importedShare = record.rowsRead > 0 ? Math.round((record.rowsImported / record.rowsRead) * 100) : 0;
  return (
    <Card data-testid="import-progress" data-status={record.status}>
      <Space orientation="vertical" className="full-width">
        <Space wrap align="center">
          <Typography.Title level={2} className="section-title">
            {t('imports.progressOf', { name: record.fileName })}
          </Typography.Title>
          <ImportStatusTag status={record.status} />
        </Space>
        {running ? (
          // The API does not know how many rows the file holds until it has read them: the bar shows activity, the counts the rows done.
          <Progress percent={100} status="active" showInfo={false} aria-label={t('imports.running', { n: record.rowsRead })} />
        ) : (
          <Progress
            percent={100}
            success={{ percent: importedShare }}
            status={record.status === 'failed' ? 'exception' : 'normal'}
            format={() => (record.status === 'failed' ? t('imports.failedShort') : t('imports.importedShare', { share: importedShare }))}
          />
        )}
        <Typography.Text>{running ? t('imports.running', { n: record.rowsRead }) : t('imports.finishedRows', { n: record.rowsRead })}</Typography.Text>
        <Space wrap size="large">
          <Statistic title={t('imports.rowsRead')} value={record.rowsRead} />
          <Statistic title={t('imports.rowsImported')} value={record.rowsImported} />
          <Statistic title={t('imports.rowsChanged')} value={record.rowsChanged} />
          <Statistic title={t('imports.rowsUnchanged')} value={record.rowsUnchanged} />
          <Statistic title={t('imports.rowsRejected')} value={record.rowsRejected} />
        </Space>
        {record.error && <Alert type={record.status === 'failed' ? 'error' : 'warning'} showIcon title={record.error} />}
        {record.ignoredColumns.length > 0 && (
          <Alert type="info" showIcon title={t('imports.ignoredColumns', { columns: record.ignoredColumns.join(t('compliance.listSeparator')) })} />
        )}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
          <Descriptions.Item label={t('imports.dataset')}>{label('dataset', record.dataset)}</Descriptions.Item>
          <Descriptions.Item label={t('imports.sourceDepartment')}>{record.sourceDepartmentName}</Descriptions.Item>
          <Descriptions.Item label={t('imports.sourceDate')}>{record.sourceDate}</Descriptions.Item>
          <Descriptions.Item label={t('imports.requestedBy')}>{`${record.requesterUsername} · ${formatDateTime(record.createdAt)}`}</Descriptions.Item>
          <Descriptions.Item label={t('imports.finishedAt')}>{formatDateTime(record.finishedAt)}</Descriptions.Item>
        </Descriptions>
        {!running && record.rowsRejected > 0 && <ErrorReport record={record} />}
      </Space>
    </Card>
  );
}

function ErrorReport({ record }: { record: UnitImport }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const fetchReport = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    try {
      await download(`/unit-imports/${record.id}/errors`, { format }, `unit-import-errors.${format}`);
    } catch (error) {
      void message.error(errorText(error, t));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space wrap data-testid="import-errors">
      <Typography.Text>{t('imports.errorReport', { n: record.rowsRejected })}</Typography.Text>
      <Button icon={<DownloadOutlined />} loading={busy === 'csv'} onClick={() => void fetchReport('csv')}>
        {t('action.exportCsv')}
      </Button>
      <Button icon={<DownloadOutlined />} loading={busy === 'xlsx'} onClick={() => void fetchReport('xlsx')}>
        {t('action.exportXlsx')}
      </Button>
    </Space>
  );
}

function ImportHistory({ imports, loading, pagination, onShow }: { imports: UnitImport[]; loading: boolean; pagination: TablePaginationConfig; onShow(id: string): void }) {
  const { t, label } = useI18n();
  return (
    <Table<UnitImport>
      rowKey="id"
      size="middle"
      data-testid="unit-imports-table"
      loading={loading}
      dataSource={imports}
      pagination={pagination}
      scroll={{ x: 1200 }}
      columns={[
        {
          title: t('imports.file'),
          dataIndex: 'fileName',
          fixed: 'left',
          width: 220,
          render: (name: string, i) => (
            <Button type="link" className="link-button" onClick={() => onShow(i.id)}>
              {name}
            </Button>
          ),
        },
        { title: t('imports.dataset'), dataIndex: 'dataset', width: 130, render: (d: string) => label('dataset', d) },
        { title: t('imports.sourceDepartment'), dataIndex: 'sourceDepartmentName', width: 150 },
        { title: t('imports.sourceDate'), dataIndex: 'sourceDate', width: 110 },
        { title: t('common.state'), dataIndex: 'status', width: 100, render: (s: UnitImport['status']) => <ImportStatusTag status={s} /> },
        { title: t('imports.rowsRead'), dataIndex: 'rowsRead', width: 90 },
        { title: t('imports.rowsImported'), dataIndex: 'rowsImported', width: 90 },
        { title: t('imports.rowsChanged'), dataIndex: 'rowsChanged', width: 90 },
        { title: t('imports.rowsRejected'), dataIndex: 'rowsRejected', width: 90 },
        { title: t('imports.requestedBy'), dataIndex: 'requesterUsername', width: 170, render: (who: string, i) => `${who} · ${formatDateTime(i.createdAt)}` },
      ]}
    />
  );
}
