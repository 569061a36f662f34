import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Form, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { DUBAN_TIME_ZONE, type CircularKind, type CircularStatus } from '@duban/domain';
import type { CircularView as Circular, CreateCircularBody } from '@duban/contracts';
import { api } from '../../api/client';
import { invalidate, queryKeys } from '../../api/query-keys';
import { useMe } from '../../auth/session';
import { applyFieldErrors, errorText } from '../../components/api-errors';
import { CampaignSelect, useCampaignChoice, type CampaignOption } from '../../components/CampaignChoice';
import { formatDateTime } from '../../components/format';
import { useApiGet } from '../../components/useApiGet';
import { useI18n } from '../../i18n/i18n';
import { quartersOf } from './quarters';

export function CircularStatusTag({ status }: { status: CircularStatus }) {
  const { label } = useI18n();
  return (
    <Tag color={status === 'published' ? 'success' : 'processing'} data-status={status}>
      {label('circularStatus', status)}
    </Tag>
  );
}

export function circularPeriod(c: Pick<Circular, 'kind' | 'periodKey'>, t: ReturnType<typeof useI18n>['t']): string {
  return c.kind === 'final' ? t('circulars.finalPeriod') : t('circulars.quarterPeriod', { quarter: c.periodKey });
}

/** A campaign's circulars: the office's drafts and published ones; everyone else the published. */
export function CircularsPage() {
  const { t, label } = useI18n();
  const me = useMe();
  const choice = useCampaignChoice();
  const id = choice.campaignId;
  const list = useApiGet<Circular[]>(id ? `/campaigns/${id}/circulars` : null);
  const [drafting, setDrafting] = useState(false);

  return (
    <Space orientation="vertical" size="middle" className="page" data-testid="circulars-page">
      <Typography.Title level={1} className="page-title">
        {t('circulars.title')}
      </Typography.Title>
      <Card>
        <Space wrap className="toolbar">
          <CampaignSelect choice={choice} />
          {me.role === 'office' && id && (
            <Button type="primary" onClick={() => setDrafting(true)} data-testid="circular-draft">
              {t('circulars.draft')}
            </Button>
          )}
        </Space>
      </Card>
      {choice.error != null && <Alert type="error" showIcon title={errorText(choice.error, t)} />}
      {choice.options && choice.options.length === 0 && !choice.error && <Empty description={t('campaignChoice.none')} />}
      {list.error != null && <Alert type="error" showIcon title={errorText(list.error, t)} />}
      {id && (
        <Card>
          <Table<Circular>
            data-testid="circulars-table"
            rowKey="id"
            size="middle"
            loading={list.loading}
            dataSource={list.data ?? []}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: me.role === 'office' ? t('circulars.noneOffice') : t('circulars.none') }}
            columns={[
              { title: t('circulars.serialNumber'), dataIndex: 'serialNumber', width: 200, render: (s: string | null) => s ?? '—' },
              { title: t('circulars.titleColumn'), dataIndex: 'title', render: (title: string, c) => <Link to={`/circulars/${c.id}`}>{title}</Link> },
              { title: t('circulars.kind'), key: 'kind', width: 160, render: (_, c) => `${label('circularKind', c.kind)} · ${circularPeriod(c, t)}` },
              { title: t('common.state'), dataIndex: 'status', width: 100, render: (s: CircularStatus) => <CircularStatusTag status={s} /> },
              { title: t('circulars.draftedAt'), dataIndex: 'draftedAt', width: 170, render: (at: string) => formatDateTime(at) },
              { title: t('circulars.publishedAt'), dataIndex: 'publishedAt', width: 170, render: (at: string | null) => (at ? formatDateTime(at) : '—') },
            ]}
          />
        </Card>
      )}
      {drafting && id && <DraftDialog campaign={choice.campaign} campaignId={id} onClose={() => setDrafting(false)} />}
    </Space>
  );
}

function DraftDialog({ campaign, campaignId, onClose }: { campaign: CampaignOption | null; campaignId: string; onClose(): void }) {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ kind: CircularKind; quarter?: string }>();
  const kind = Form.useWatch('kind', form) ?? 'quarterly';
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const today = dayjs().tz(DUBAN_TIME_ZONE).format('YYYY-MM-DD');
  const quarters = campaign?.period ? quartersOf(campaign.period, today) : [];
  const submit = async () => {
    let values: { kind: CircularKind; quarter?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const body: CreateCircularBody = values.kind === 'quarterly' ? { kind: 'quarterly', quarter: values.quarter } : { kind: 'final' };
      const circular = await api.post<Circular>(`/campaigns/${campaignId}/circulars`, body);
      void invalidate(queryClient, queryKeys.circularChanged(campaignId));
      onClose();
      void navigate(`/circulars/${circular.id}`);
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
      title={t('circulars.draft')}
      okText={t('circulars.draftConfirm')}
      okButtonProps={{ 'data-testid': 'circular-draft-confirm' }}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('circulars.draftHint')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" />}
      <Form form={form} layout="vertical" name="circular-draft" initialValues={{ kind: 'quarterly', quarter: quarters[0] }}>
        <Form.Item name="kind" label={t('circulars.kind')}>
          <Radio.Group
            options={[
              { value: 'quarterly', label: label('circularKind', 'quarterly') },
              { value: 'final', label: label('circularKind', 'final') },
            ]}
          />
        </Form.Item>
        {kind === 'quarterly' && (
          <Form.Item name="quarter" label={t('circulars.quarter')} rules={[{ required: true, message: t('circulars.quarterRequired') }]}>
            <Select options={quarters.map((q) => ({ value: q, label: q }))} notFoundContent={t('circulars.noQuarter')} />
          </Form.Item>
        )}
        {kind === 'final' && <Alert type="info" showIcon title={t('circulars.finalHint')} />}
      </Form>
    </Modal>
  );
}
