import { useQuery } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { apiQuery } from '../../api/query-keys';
import { useSession } from '../../auth/session';
import { errorText } from '../../components/api-errors';
import { formatDateTime } from '../../components/format';
import { useI18n } from '../../i18n/i18n';
import { CampaignStatusTag, PhaseStatusTag } from './CampaignTags';
import type { CampaignListItem } from '@duban/contracts';

/** Every campaign: name, period, where it stands; the office starts a new one from here. */
export function CampaignsPage() {
  const { t, label } = useI18n();
  const { hasRole } = useSession();
  const navigate = useNavigate();
  const answer = useQuery(apiQuery<CampaignListItem[]>('/campaigns'));
  const rows = answer.data ?? null;
  const failure = answer.error;
  const loading = answer.isFetching;

  return (
    <Space orientation="vertical" size="middle" className="page">
      <Space wrap align="center" className="toolbar">
        <Typography.Title level={1} className="page-title">
          {t('campaigns.title')}
        </Typography.Title>
        {hasRole('office') && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/campaigns/new')} data-testid="campaign-new">
            {t('campaigns.new')}
          </Button>
        )}
      </Space>
      <Card>
        {failure != null && <Alert type="error" showIcon title={errorText(failure, t)} className="form-alert" />}
        <Table<CampaignListItem>
          rowKey="id"
          data-testid="campaigns-table"
          loading={loading}
          dataSource={rows ?? []}
          pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('campaigns.empty') }}
          columns={[
            {
              title: t('campaign.name'),
              dataIndex: 'name',
              render: (name: string, c) => (
                <Link to={`/campaigns/${c.id}`} data-testid="campaign-link">
                  {name}
                </Link>
              ),
            },
            { title: t('campaign.jurisdiction'), width: 140, render: (_, c) => c.jurisdiction.name },
            { title: t('campaign.period'), width: 210, render: (_, c) => `${c.period.start} — ${c.period.end}` },
            {
              title: t('campaign.currentPhase'),
              width: 260,
              render: (_, c) =>
                c.currentPhase ? (
                  <Space wrap size="small">
                    <span>
                      {c.currentPhase.name}
                      <Typography.Text type="secondary">
                        {' '}
                        · {c.currentPhase.round ? t('campaign.round', { n: c.currentPhase.round }) : label('phaseKind', c.currentPhase.kind)}
                      </Typography.Text>
                    </span>
                    <PhaseStatusTag status={c.currentPhase.status} />
                  </Space>
                ) : (
                  t('common.none')
                ),
            },
            { title: t('common.state'), dataIndex: 'status', width: 110, render: (_, c) => <CampaignStatusTag status={c.status} /> },
            { title: t('common.updatedAt'), dataIndex: 'updatedAt', width: 160, render: (at: string) => formatDateTime(at) },
            {
              title: t('common.actions'),
              width: 120,
              render: (_, c) => (
                <Space size="small">
                  <Link to={`/campaigns/${c.id}`}>{t('action.view')}</Link>
                  {hasRole('office') && c.status !== 'completed' && <Link to={`/campaigns/${c.id}/edit`}>{t('action.edit')}</Link>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
