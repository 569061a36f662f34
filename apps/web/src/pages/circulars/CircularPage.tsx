import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Descriptions, Form, Input, Modal, Space, Table, Typography, message } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { CircularData } from '@duban/domain';
import type { CircularView as Circular, ReviseCircularBody } from '@duban/contracts';
import { ApiError, api, openPrintable } from '../../api/client';
import { apiQuery, invalidate, queryKeys } from '../../api/query-keys';
import { useMe } from '../../auth/session';
import { applyFieldErrors, errorText } from '../../components/api-errors';
import { formatDateTime, formatNumber } from '../../components/format';
import { LightTag } from '../../components/LightTag';
import { RecordPending } from '../../components/RecordPending';
import { useI18n } from '../../i18n/i18n';
import { OutcomeTags } from '../assessments/AssessmentView';
import { percent, targetFigure, targetKey, targetName } from '../progress/targets';
import { CircularStatusTag, circularPeriod } from './CircularsPage';

/** A circular: its text, the data it was drafted from; the office revises and publishes a draft. */
export function CircularPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [publishBusy, setPublishBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const record = useQuery(apiQuery<Circular>(`/circulars/${id}`));
  const circular = record.data ?? null;

  if (!circular) return <RecordPending error={record.error} notFound={t('circulars.notFound')} />;

  /** The circular as the API answered a change, at once; then what the change touched, asked again. */
  const changed = (next?: Circular) => {
    if (next) queryClient.setQueryData(queryKeys.get(`/circulars/${next.id}`), next);
    void invalidate(queryClient, queryKeys.circularChanged(circular.campaignId));
  };

  const office = me.role === 'office';
  const draft = circular.status === 'draft';
  const print = () => {
    openPrintable(`/circulars/${circular.id}/page`).catch((error: unknown) => void message.error(errorText(error, t)));
  };

  return (
    <Space orientation="vertical" size="middle" className="page">
      <Card>
        <Space orientation="vertical" className="full-width">
          <Space wrap className="toolbar">
            <Space wrap align="center">
              <Typography.Title level={1} className="page-title" data-testid="circular-title">
                {circular.title}
              </Typography.Title>
              <CircularStatusTag status={circular.status} />
            </Space>
            <Space wrap>
              {office && draft && (
                <>
                  <Button onClick={() => setEditing(true)} data-testid="circular-revise">
                    {t('circulars.revise')}
                  </Button>
                  <Button type="primary" onClick={() => setPublishing(true)} data-testid="circular-publish">
                    {t('circulars.publish')}
                  </Button>
                </>
              )}
              <Button icon={<PrinterOutlined aria-hidden />} onClick={print} data-testid="circular-print">
                {t('action.print')}
              </Button>
            </Space>
          </Space>
          {actionError && <Alert type="error" showIcon title={actionError} role="alert" closable onClose={() => setActionError(null)} />}
          <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2, lg: 3 }}>
            <Descriptions.Item label={t('circulars.serialNumber')}>
              <span data-testid="circular-serial">{circular.serialNumber ?? t('circulars.noSerial')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('circulars.kind')}>
              {label('circularKind', circular.kind)} · {circularPeriod(circular, t)}
            </Descriptions.Item>
            <Descriptions.Item label={t('common.campaign')}>
              <Link to={`/circulars?campaignId=${circular.campaignId}`}>{circular.data.campaignName}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('circulars.drafted')}>
              {formatDateTime(circular.draftedAt)} · {circular.draftedByUsername ?? ''}
            </Descriptions.Item>
            {circular.revisedAt && (
              <Descriptions.Item label={t('circulars.revised')}>
                {formatDateTime(circular.revisedAt)} · {circular.revisedByUsername ?? ''}
                {circular.revisionReason && <div className="pre-wrap">{circular.revisionReason}</div>}
              </Descriptions.Item>
            )}
            {circular.publishedAt && (
              <Descriptions.Item label={t('circulars.published')}>
                {formatDateTime(circular.publishedAt)} · {circular.publishedByUsername ?? ''}
              </Descriptions.Item>
            )}
          </Descriptions>
          {office && draft && <Alert type="info" showIcon title={t('circulars.draftNote')} />}
        </Space>
      </Card>
      <Card>
        <Typography.Title level={2} className="section-title">
          {t('circulars.body')}
        </Typography.Title>
        <div className="circular-body pre-wrap" data-testid="circular-body">
          {circular.body}
        </div>
      </Card>
      <Card>
        <Collapse items={[{ key: 'data', label: t('circulars.data', { asOf: circular.data.asOf }), children: <CircularDataView data={circular.data} /> }]} />
      </Card>
      {editing && (
        <ReviseDialog
          circular={circular}
          onClose={() => setEditing(false)}
          onDone={(next) => {
            setEditing(false);
            changed(next);
            void message.success(t('circulars.revisedDone'));
          }}
          onConflict={(text) => {
            setEditing(false);
            setActionError(text);
            changed();
          }}
        />
      )}
      <Modal
        open={publishing}
        title={t('circulars.publishTitle')}
        okText={t('circulars.publishConfirm')}
        okButtonProps={{ 'data-testid': 'circular-publish-confirm' }}
        cancelText={t('action.cancel')}
        confirmLoading={publishBusy}
        onCancel={() => setPublishing(false)}
        onOk={async () => {
          setPublishBusy(true);
          try {
            const next = await api.post<Circular>(`/circulars/${circular.id}/publish`);
            changed(next);
            setPublishing(false);
            void message.success(t('circulars.publishedDone', { serial: next.serialNumber ?? '' }));
          } catch (error) {
            setPublishing(false);
            setActionError(errorText(error, t));
            changed();
          } finally {
            setPublishBusy(false);
          }
        }}
      >
        <Typography.Paragraph>{t('circulars.publishWarning')}</Typography.Paragraph>
      </Modal>
    </Space>
  );
}

function ReviseDialog({ circular, onClose, onDone, onConflict }: { circular: Circular; onClose(): void; onDone(next: Circular): void; onConflict(text: string): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ title: string; body: string; reason: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async () => {
    let values: { title: string; body: string; reason: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const body: ReviseCircularBody = values;
      onDone(await api.put<Circular>(`/circulars/${circular.id}`, body));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        onConflict(errorText(error, t));
        return;
      }
      const unplaced = applyFieldErrors(form, error, t);
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  const required = (text: Parameters<typeof t>[0]) => [{ required: true, whitespace: true, message: t(text) }];
  return (
    <Modal
      open
      width={880}
      title={t('circulars.revise')}
      okText={t('action.save')}
      okButtonProps={{ 'data-testid': 'circular-revise-save' }}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" />}
      <Form form={form} layout="vertical" name="circular-revise" initialValues={{ title: circular.title, body: circular.body, reason: '' }}>
        <Form.Item name="title" label={t('circulars.titleColumn')} rules={required('circulars.titleRequired')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="body" label={t('circulars.body')} rules={required('circulars.bodyRequired')}>
          <Input.TextArea rows={16} maxLength={50_000} />
        </Form.Item>
        <Form.Item name="reason" label={t('circulars.reviseReason')} rules={required('circulars.reasonRequired')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** What the circular was drafted from: the figures behind its text, to check it against. */
function CircularDataView({ data }: { data: CircularData }) {
  const { t, label } = useI18n();
  const units = [...data.districts.map((u) => ({ ...u, kind: 'district' })), ...data.departments.map((u) => ({ ...u, kind: 'department' }))];
  return (
    <Space orientation="vertical" className="full-width">
      <Typography.Text>{t('circulars.dataPeriod', { start: data.period.start, end: data.period.end, asOf: data.asOf, share: percent(data.timeShare) })}</Typography.Text>
      <Table
        size="small"
        rowKey={targetKey}
        pagination={false}
        dataSource={data.targets}
        scroll={{ x: 640 }}
        columns={[
          { title: t('progress.target'), key: 'name', render: (_, row) => targetName(row, label) },
          { title: t('progress.targetValue'), key: 'value', align: 'right', render: (_, row) => targetFigure(row, row.value) },
          { title: t('progress.actual'), key: 'actual', align: 'right', render: (_, row) => targetFigure(row, row.actual) },
          { title: t('progress.reachedShare'), key: 'reached', align: 'right', render: (_, row) => percent(row.reachedShare) },
          { title: t('progress.light'), key: 'light', render: (_, row) => <LightTag light={row.light} /> },
        ]}
      />
      <Table
        size="small"
        rowKey="unitId"
        pagination={false}
        dataSource={units}
        scroll={{ x: 560 }}
        columns={[
          { title: t('progress.rank'), dataIndex: 'rank', width: 70, render: (rank: number | null) => rank ?? '—' },
          { title: t('progress.unit'), dataIndex: 'name' },
          { title: t('circulars.unitKind'), dataIndex: 'kind', render: (kind: string) => label('unitKind', kind) },
          { title: t('progress.attainment'), dataIndex: 'attainment', align: 'right', render: (a: number | null) => percent(a) },
          { title: t('progress.light'), dataIndex: 'light', render: (light: CircularData['districts'][number]['light']) => <LightTag light={light} /> },
        ]}
      />
      {data.lateReports.length > 0 && (
        <Typography.Paragraph>
          {t('circulars.lateReports', { list: data.lateReports.map((l) => t('circulars.lateLine', { name: l.name, count: l.late })).join('、') })}
        </Typography.Paragraph>
      )}
      {data.assessment && (
        <Table
          size="small"
          rowKey="unitId"
          pagination={false}
          dataSource={data.assessment.units}
          scroll={{ x: 560 }}
          columns={[
            { title: t('progress.unit'), dataIndex: 'name' },
            { title: t('assessments.score'), dataIndex: 'score', align: 'right', render: (s: number) => formatNumber(s, 1) },
            { title: t('assessments.outcome'), key: 'outcome', render: (_, u) => <OutcomeTags outcomes={u.outcomes} /> },
            {
              title: t('assessments.adjustment'),
              key: 'adj',
              align: 'right',
              render: (_, u) => (u.outcomes.subsidyAdjustmentYuan === null ? '—' : formatNumber(u.outcomes.subsidyAdjustmentYuan, 2)),
            },
          ]}
        />
      )}
    </Space>
  );
}
