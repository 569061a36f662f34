import { useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { EditOutlined, RocketOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, List, Space, Table, Tag, Timeline, Typography, message } from 'antd';
import { SYSTEM_ACTOR } from '@duban/domain';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { clockOffsetWords, isZeroOffset, periodWords, type ClockOffset } from '@duban/domain';
import { api } from '../../api/client';
import { apiQuery, invalidate, queryKeys } from '../../api/query-keys';
import type { DutyState } from '../../api/types';
import { useSession } from '../../auth/session';
import { errorText } from '../../components/api-errors';
import { formatDateTime, formatNumber } from '../../components/format';
import { actorText, escalationStepText, reasonText } from '../../components/history-words';
import { DutyStateTag } from '../../components/StateTag';
import { RecordPending } from '../../components/RecordPending';
import { useI18n } from '../../i18n/i18n';
import { CampaignStatusTag, PhaseStatusTag } from './CampaignTags';
import { LaunchPhaseDialog } from './LaunchPhaseDialog';
import type { CampaignTarget } from '@duban/domain';
import type { CampaignDetail, CampaignEventView as CampaignEvent, CampaignRoute as MatrixRoute, LaunchAnswer, PhaseView, TemplateView } from '@duban/contracts';

type Phase = CampaignDetail['phases'][number];

/** The phase the office may launch next: the first planned one, once every earlier one was launched. */
export function nextPhase(phases: Phase[]): Phase | null {
  return phases.find((p) => p.status === 'planned') ?? null;
}

/** A campaign: what it is, its targets and leading group, its phases (launch the next one), its log. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { hasRole } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [launching, setLaunching] = useState<PhaseView | null>(null);
  const [launched, setLaunched] = useState<LaunchAnswer | null>(null);

  const record = useQuery({
    queryKey: queryKeys.record(`/campaigns/${id}`),
    queryFn: async ({ signal }) => {
      const [detail, log, matrix] = await Promise.all([
        api.get<CampaignDetail>(`/campaigns/${id}`, undefined, signal),
        api.get<CampaignEvent[]>(`/campaigns/${id}/events`, undefined, signal),
        api.get<MatrixRoute[]>(`/campaigns/${id}/duty-matrix`, undefined, signal),
      ]);
      return { campaign: detail, events: log, routes: matrix };
    },
  });
  const campaign = record.data?.campaign ?? null;
  const events = record.data?.events ?? [];
  const routes = record.data?.routes ?? [];
  const failure = record.error;

  if (failure || !campaign) return <RecordPending error={failure} notFound={t('campaign.notFound')} />;

  const office = hasRole('office');
  const next = nextPhase(campaign.phases);
  const units = new Map<string, string>([...campaign.jurisdiction.districts.map((d) => [d.id, d.name] as [string, string])]);
  return (
    <Space orientation="vertical" size="middle" className="page">
      <Card>
        <Space orientation="vertical" className="full-width">
          <Space wrap align="center" className="toolbar">
            <Space wrap align="center">
              <Typography.Title level={1} className="page-title" data-testid="campaign-name">
                {campaign.name}
              </Typography.Title>
              <CampaignStatusTag status={campaign.status} />
            </Space>
            {office && campaign.status !== 'completed' && (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => navigate(`/campaigns/${campaign.id}/edit`)} data-testid="campaign-edit">
                {t('action.edit')}
              </Button>
            )}
          </Space>
          <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3 }} bordered>
            <Descriptions.Item label={t('campaign.jurisdiction')}>
              {t('campaign.parenthetical', { main: campaign.jurisdiction.name, note: t(`jurisdictionLevel.${campaign.jurisdiction.level}`) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('campaign.period')}>
              {campaign.period.start} — {campaign.period.end}
            </Descriptions.Item>
            <Descriptions.Item label={t('campaign.legalBasis')}>
              {t('campaign.parenthetical', { main: campaign.legalBasis.title, note: campaign.legalBasis.number })}
            </Descriptions.Item>
            <Descriptions.Item label={t('campaign.districts')} span="filled">
              {campaign.jurisdiction.districts.length === 0 ? t('common.none') : campaign.jurisdiction.districts.map((d) => d.name).join(t('campaign.listSeparator'))}
            </Descriptions.Item>
            <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(campaign.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('common.updatedAt')}>{formatDateTime(campaign.updatedAt)}</Descriptions.Item>
          </Descriptions>
        </Space>
      </Card>

      <Card>
        <Typography.Title level={2} className="section-title">
          {t('campaign.phases')}
        </Typography.Title>
        {launched && (
          <Alert
            type="success"
            showIcon
            className="form-alert"
            data-testid="launch-result"
            title={t('launch.done', { name: launched.phase.name, count: launched.dutyCount })}
            closable
            onClose={() => setLaunched(null)}
          />
        )}
        <Space orientation="vertical" className="full-width" size="middle">
          {campaign.phases.map((p) => (
            <PhaseCard
              key={p.id}
              campaignId={campaign.id}
              phase={p}
              routes={routes}
              canLaunch={office && next?.id === p.id && campaign.status !== 'completed'}
              onLaunch={() => setLaunching(p)}
              showDuties={launched?.phase.id === p.id}
            />
          ))}
        </Space>
      </Card>

      <Card>
        <Typography.Title level={2} className="section-title">
          {t('campaign.targets')}
        </Typography.Title>
        <TargetsTable targets={campaign.targets} units={units} />
      </Card>

      <Card>
        <Typography.Title level={2} className="section-title">
          {t('campaign.leadingGroup')}
        </Typography.Title>
        <LeadingGroupView campaign={campaign} />
      </Card>

      <Card>
        <Typography.Title level={2} className="section-title">
          {t('campaign.escalationLadder')}
        </Typography.Title>
        <LadderView campaign={campaign} />
      </Card>

      <Card>
        <Typography.Title level={2} className="section-title">
          {t('campaign.events')}
        </Typography.Title>
        <EventLog events={events} phases={campaign.phases} />
      </Card>

      <LaunchPhaseDialog
        campaignId={campaign.id}
        phase={launching}
        onClose={() => setLaunching(null)}
        onLaunched={(answer) => {
          setLaunching(null);
          setLaunched(answer);
          void message.success(t('launch.done', { name: answer.phase.name, count: answer.dutyCount }));
          void invalidate(queryClient, queryKeys.phaseLaunched());
        }}
      />
    </Space>
  );
}

function PhaseCard({
  campaignId,
  phase,
  routes,
  canLaunch,
  onLaunch,
  showDuties,
}: {
  campaignId: string;
  phase: Phase;
  routes: MatrixRoute[];
  canLaunch: boolean;
  onLaunch(): void;
  showDuties: boolean;
}) {
  const { t, label } = useI18n();
  const [open, setOpen] = useState(showDuties);
  useEffect(() => {
    if (showDuties) setOpen(true);
  }, [showDuties]);
  const kindText = phase.kind === 'special_operation' && phase.round ? t('campaign.round', { n: phase.round }) : label('phaseKind', phase.kind);
  return (
    <Card
      size="small"
      data-testid={`phase-${phase.seq}`}
      data-phase-kind={phase.kind}
      title={
        <Space wrap>
          <span>
            {phase.seq + 1}. {phase.name}
          </span>
          <Tag>{kindText}</Tag>
          <PhaseStatusTag status={phase.status} />
        </Space>
      }
      extra={
        canLaunch && (
          <Button type="primary" icon={<RocketOutlined aria-hidden />} onClick={onLaunch} data-testid={`launch-phase-${phase.kind}`} data-phase-seq={phase.seq}>
            {t('launch.button')}
          </Button>
        )
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3 }}>
        <Descriptions.Item label={t('campaign.window')}>
          {phase.window.start} — {phase.window.end}
        </Descriptions.Item>
        {phase.focusSectors.length > 0 && (
          <Descriptions.Item label={t('campaign.focusSectors')}>
            {phase.focusSectors.map((key) => routes.find((r) => r.kind === 'sector' && r.key === key)?.label ?? key).join(t('campaign.listSeparator'))}
          </Descriptions.Item>
        )}
        {phase.launchedAt && <Descriptions.Item label={t('campaign.launchedAt')}>{formatDateTime(phase.launchedAt)}</Descriptions.Item>}
        {phase.dutyCount !== null && (
          <Descriptions.Item label={t('campaign.dutyCount')}>
            <span data-testid={`phase-duty-count-${phase.seq}`}>{phase.dutyCount}</span>
          </Descriptions.Item>
        )}
        {phase.windowEndsAt && <Descriptions.Item label={t('campaign.windowEndsAt')}>{formatDateTime(phase.windowEndsAt)}</Descriptions.Item>}
        {phase.launchForced && <Descriptions.Item label={t('campaign.launchForced')}>{phase.launchReason}</Descriptions.Item>}
        {phase.launchedEarly && <Descriptions.Item label={t('campaign.launchedEarly')}>{phase.earlyReason}</Descriptions.Item>}
        {phase.closedAt && (
          <Descriptions.Item label={t('campaign.closedAt')}>
            {phase.closeReason
              ? t('campaign.parenthetical', { main: formatDateTime(phase.closedAt), note: label('closeReason', phase.closeReason) })
              : formatDateTime(phase.closedAt)}
          </Descriptions.Item>
        )}
      </Descriptions>
      <TemplatesList templates={phase.templates} routes={routes} />
      {phase.status !== 'planned' && (
        <>
          <Button type="link" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid={`phase-duties-toggle-${phase.seq}`}>
            {open ? t('campaign.hideDuties') : t('campaign.showDuties')}
          </Button>
          {open && <PhaseDuties campaignId={campaignId} phase={phase} />}
        </>
      )}
    </Card>
  );
}

function TemplatesList({ templates, routes }: { templates: TemplateView[]; routes: MatrixRoute[] }) {
  const { t, label, language } = useI18n();
  /** A matrix key as people read it: its label and the department it routes to. */
  const routeText = (kind: string, key: string) => {
    const route = routes.find((r) => r.kind === kind && r.key === key);
    return route ? (route.departmentName ? `${route.label} → ${route.departmentName}` : route.label) : key;
  };
  if (templates.length === 0) return <Typography.Text type="secondary">{t('campaign.noTemplates')}</Typography.Text>;
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('campaign.templates')}</Typography.Text>}
      dataSource={templates}
      renderItem={(tpl) => (
        <List.Item>
          <List.Item.Meta
            title={tpl.title}
            description={[
              'key' in tpl.route && tpl.route.key
                ? t('campaign.parenthetical', { main: label('routeKind', tpl.route.kind), note: routeText(tpl.route.kind, tpl.route.key) })
                : label('routeKind', tpl.route.kind),
              label('templateScope', tpl.scope),
              'at' in tpl.due
                ? t('campaign.dueAtFixed', { at: formatDateTime(tpl.due.at) })
                : t('campaign.dueAfterDays', { period: periodWords({ workingDays: tpl.due.workingDaysAfterLaunch }, language) }),
            ].join(' · ')}
          />
        </List.Item>
      )}
    />
  );
}

interface PhaseDuty {
  id: string;
  title: string;
  state: DutyState;
  departmentName: string;
  districtName: string | null;
  dueAt: string;
  overdue: boolean;
}

/** The duties a launched phase created; while the fan-out runs, it looks again until all are there. */
function PhaseDuties({ campaignId, phase }: { campaignId: string; phase: Phase }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const pageSize = 20;

  const answer = useQuery({
    ...apiQuery<{ items: PhaseDuty[]; total: number }>('/overview/duties', { campaignId, phaseId: phase.id, sort: 'department', limit: pageSize, offset: (page - 1) * pageSize }),
    // The page on screen stays while the next one is asked.
    placeholderData: keepPreviousData,
    // Batches start the duties a moment after the launch: look again until they are all there
    // (the first answer and at most 30 more).
    refetchInterval: (query) => {
      const shown = query.state.data;
      return shown && phase.dutyCount !== null && shown.total < phase.dutyCount && query.state.dataUpdateCount <= 30 ? 2000 : false;
    },
    refetchIntervalInBackground: true,
  });
  const data = answer.data ?? null;
  const failure = answer.error;

  if (failure) return <Alert type="error" showIcon title={errorText(failure, t)} />;
  return (
    <Space orientation="vertical" className="full-width">
      {data && phase.dutyCount !== null && data.total < phase.dutyCount && (
        <Typography.Text type="secondary" role="status">
          {t('campaign.dutiesStarting', { shown: data.total, count: phase.dutyCount })}
        </Typography.Text>
      )}
      <Table<PhaseDuty>
        size="small"
        rowKey="id"
        data-testid={`phase-duties-${phase.seq}`}
        loading={!data}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, onChange: setPage, showTotal: (total) => t('common.total', { total }) }}
        scroll={{ x: 720 }}
        columns={[
          { title: t('duty.title'), dataIndex: 'title', render: (title: string, d) => <Link to={`/duties/${d.id}`}>{title}</Link> },
          { title: t('duty.department'), dataIndex: 'departmentName', width: 200 },
          { title: t('common.state'), dataIndex: 'state', width: 110, render: (s: DutyState) => <DutyStateTag state={s} /> },
          {
            title: t('duty.dueAt'),
            dataIndex: 'dueAt',
            width: 200,
            render: (at: string, d) => (
              <Space>
                {formatDateTime(at)}
                {d.overdue && <Tag color="error">{t('duty.overdue')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

function TargetsTable({ targets, units }: { targets: CampaignTarget[]; units: Map<string, string> }) {
  const { t, label } = useI18n();
  // Department shares name member departments: their names come from the registry.
  const registry = useQuery(apiQuery<Array<{ id: string; name: string }>>('/departments')).data;
  const names = useMemo(() => new Map<string, string>([...units, ...(registry ?? []).map((d) => [d.id, d.name] as [string, string])]), [units, registry]);
  if (targets.length === 0) return <Empty description={t('campaign.noTargets')} />;
  const digits = (kind: string) => (kind === 'funds' ? 2 : kind === 'contribution_rate' ? 1 : 0);
  const shares = (list: CampaignTarget['districtShares'], kind: string) =>
    (list ?? []).length === 0 ? '—' : (list ?? []).map((s) => `${names.get(s.unitId) ?? s.unitId} ${formatNumber(s.value, digits(kind))}`).join(t('campaign.listSeparator'));
  return (
    <Table<CampaignTarget>
      size="small"
      rowKey={(tg) => `${tg.insuranceType}/${tg.kind}/${tg.measure ?? ''}`}
      dataSource={targets}
      pagination={false}
      scroll={{ x: 900 }}
      data-testid="campaign-targets"
      columns={[
        { title: t('campaign.insuranceType'), width: 120, render: (_, tg) => label('insuranceType', tg.insuranceType) },
        {
          title: t('campaign.targetKind'),
          width: 160,
          render: (_, tg) =>
            tg.measure ? t('campaign.parenthetical', { main: label('targetKind', tg.kind), note: label('personsMeasure', tg.measure) }) : label('targetKind', tg.kind),
        },
        {
          title: t('campaign.targetValue'),
          width: 180,
          render: (_, tg) =>
            `${formatNumber(tg.value, digits(tg.kind))}${tg.kind === 'contribution_rate' ? '%' : ''}${tg.stretch !== undefined ? ` / ${t('campaign.stretch')} ${formatNumber(tg.stretch, 2)}` : ''}`,
        },
        { title: t('campaign.districtShares'), render: (_, tg) => shares(tg.districtShares, tg.kind) },
        { title: t('campaign.departmentShares'), render: (_, tg) => shares(tg.departmentShares, tg.kind) },
      ]}
    />
  );
}

function LeadingGroupView({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useI18n();
  const registry = useQuery(apiQuery<Array<{ id: string; name: string }>>('/departments')).data;
  const names = useMemo(() => new Map((registry ?? []).map((d) => [d.id, d.name])), [registry]);
  const group = campaign.leadingGroup;
  const contact = (c: { name: string; phone?: string; email?: string }) => [c.name, c.phone, c.email].filter(Boolean).join(' · ');
  return (
    <Space orientation="vertical" className="full-width">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('campaign.chair')}>{t('campaign.parenthetical', { main: group.chair.name, note: group.chair.title })}</Descriptions.Item>
        <Descriptions.Item label={t('campaign.viceChairs')}>
          {group.viceChairs.length === 0
            ? t('common.none')
            : group.viceChairs.map((v) => t('campaign.parenthetical', { main: v.name, note: v.title })).join(t('campaign.listSeparator'))}
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="departmentId"
        dataSource={group.members}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('campaign.noMembers') }}
        columns={[
          { title: t('common.department'), render: (_, m) => names.get(m.departmentId) ?? m.departmentId },
          { title: t('campaign.liaison'), render: (_, m) => contact(m.liaison) },
          { title: t('campaign.head'), render: (_, m) => contact(m.head) },
        ]}
      />
    </Space>
  );
}

function LadderView({ campaign }: { campaign: CampaignDetail }) {
  const { t, label, language } = useI18n();
  const ladder = campaign.escalationLadder;
  // The periods in words from the ladder itself, as the e-mails say them (libs/domain period-words).
  const period = (o: ClockOffset) => clockOffsetWords(o, language);
  return (
    <Space orientation="vertical" className="full-width">
      <Typography.Text>{t('campaign.reminderBeforeText', { period: period(ladder.reminderBefore) })}</Typography.Text>
      <Table
        size="small"
        rowKey="step"
        dataSource={[...ladder.escalationLadder]}
        pagination={false}
        columns={[
          { title: t('campaign.ladderStep'), render: (_, s) => escalationStepText(s.step, t) },
          { title: t('campaign.ladderAfter'), render: (_, s) => (isZeroOffset(s.after) ? t('campaign.atDueTime') : t('campaign.afterPeriod', { period: period(s.after) })) },
          { title: t('campaign.ladderNotify'), render: (_, s) => s.notify.map((a) => label('audience', a)).join(t('campaign.listSeparator')) },
        ]}
      />
    </Space>
  );
}

function EventLog({ events, phases }: { events: CampaignEvent[]; phases: PhaseView[] }) {
  const { t, label } = useI18n();
  if (events.length === 0) return <Empty description={t('common.empty')} />;
  const phaseName = new Map(phases.map((p) => [p.id, p.name]));
  return (
    <Timeline
      data-testid="campaign-events"
      items={[...events].reverse().map((e) => ({
        color: e.action === 'phase_launched_forced' ? 'red' : e.action.startsWith('phase_') ? 'blue' : 'gray',
        content: (
          <div>
            <Space wrap>
              <Typography.Text strong>{label('campaignEvent', e.action)}</Typography.Text>
              {e.phaseId && <span>{phaseName.get(e.phaseId) ?? ''}</span>}
              <Typography.Text type="secondary">
                {formatDateTime(e.occurredAt)} · {actorText(e.actorUsername, t, e.actorUserId === SYSTEM_ACTOR.userId)}
              </Typography.Text>
            </Space>
            {typeof e.details?.dutyCount === 'number' && <div>{t('campaign.eventDutyCount', { count: e.details.dutyCount })}</div>}
            {e.reason && <div className="pre-wrap">{reasonText(e.reason, t)}</div>}
          </div>
        ),
      }))}
    />
  );
}
