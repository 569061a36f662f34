import { useMemo } from 'react';
import { Alert, Card, Col, DatePicker, Descriptions, Empty, Progress, Row, Segmented, Space, Spin, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { errorText } from '../../components/api-errors';
import { CampaignSelect, useCampaignChoice } from '../../components/CampaignChoice';
import { EChart, type EChartsOption } from '../../components/EChart';
import { ExportButtons } from '../../components/ExportButtons';
import { formatDateTime, formatNumber } from '../../components/format';
import { LIGHT_COLOURS, LightTag } from '../../components/LightTag';
import { useApiGet } from '../../components/useApiGet';
import { useI18n } from '../../i18n/i18n';
import { roundName } from '../reports/words';
import { percent, targetFigure, targetKey, targetName } from './targets';
import type { TargetProgress, UnitTargetProgress } from '@duban/domain';
import type { DutyStats as DutyStatsView, HistoryView, ProgressView, RankingKind, RankingsView, UnitProgressView } from '@duban/contracts';

const DAY = 'YYYY-MM-DD';

/**
 * Targets against actuals for a campaign (GET /campaigns/:id/progress): the lights per target and
 * insurance type, every district and department, the rankings, the trend and the overdue duties.
 */
export function ProgressPage() {
  const { t } = useI18n();
  const choice = useCampaignChoice();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? undefined;
  const setParam = (key: string, value: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const id = choice.campaignId;
  const dashboard = useApiGet<ProgressView>(id ? `/campaigns/${id}/progress` : null, { asOf });
  const view = dashboard.data;

  return (
    <Space orientation="vertical" size="middle" className="page" data-testid="progress-dashboard">
      <Typography.Title level={1} className="page-title">
        {t('progress.title')}
      </Typography.Title>
      <Card>
        <Space wrap className="toolbar">
          <Space wrap>
            <CampaignSelect choice={choice} />
            <DatePicker
              aria-label={t('progress.asOf')}
              placeholder={t('progress.asOfToday')}
              value={asOf ? dayjs(asOf, DAY) : null}
              onChange={(d) => setParam('asOf', d ? d.format(DAY) : null)}
              data-testid="progress-as-of"
            />
          </Space>
          {id && <ExportButtons path={`/campaigns/${id}/progress`} query={{ asOf }} name="progress" />}
        </Space>
      </Card>
      {choice.options && choice.options.length === 0 && !choice.error && <Empty description={t('campaignChoice.none')} />}
      {choice.error != null && <Alert type="error" showIcon title={errorText(choice.error, t)} />}
      {dashboard.error != null && <Alert type="error" showIcon title={errorText(dashboard.error, t)} role="alert" />}
      {id && !view && dashboard.loading && <Spin description={t('common.loading')} />}
      {view && (
        <>
          <Summary view={view} />
          <TargetsCard view={view} />
          {(view.scope === 'campaign' || view.districts.length > 0) && <UnitsCard title={t('progress.districts')} units={view.districts} testId="progress-districts" />}
          {(view.scope === 'campaign' || view.departments.length > 0) && <UnitsCard title={t('progress.departments')} units={view.departments} testId="progress-departments" />}
        </>
      )}
      {id && (
        <>
          <RankingsCard campaignId={id} asOf={asOf} kind={(params.get('kind') as RankingKind) ?? 'district'} onKind={(k) => setParam('kind', k)} />
          <HistoryCard
            campaignId={id}
            from={params.get('from') ?? undefined}
            to={params.get('to') ?? undefined}
            step={params.get('step') === 'month' ? 'month' : 'round'}
            onChange={(changes) => {
              const next = new URLSearchParams(params);
              for (const [key, value] of Object.entries(changes)) {
                if (value) next.set(key, value);
                else next.delete(key);
              }
              setParams(next);
            }}
          />
          <DutiesCard campaignId={id} />
        </>
      )}
    </Space>
  );
}

function Summary({ view }: { view: ProgressView }) {
  const { t, label } = useI18n();
  return (
    <Card>
      <Space orientation="vertical" className="full-width">
        <Typography.Title level={2} className="section-title">
          {view.campaignName}
        </Typography.Title>
        {view.scope === 'own_unit' && <Alert type="info" showIcon title={t('progress.ownUnitScope')} />}
        <Descriptions size="small" column={{ xs: 1, sm: 1, md: 3 }}>
          <Descriptions.Item label={t('progress.period')}>
            {view.period.start} – {view.period.end}
          </Descriptions.Item>
          <Descriptions.Item label={t('progress.asOf')}>{view.asOf}</Descriptions.Item>
          <Descriptions.Item label={t('progress.timeShare')}>
            <Progress
              percent={Math.round(view.timeShare * 1000) / 10}
              size="small"
              style={{ minWidth: 160 }}
              aria-label={t('progress.timeShare')}
              data-testid="progress-time-share"
            />
          </Descriptions.Item>
        </Descriptions>
        <Space wrap data-testid="progress-by-insurance">
          {view.byInsuranceType.map((group) => (
            <Space key={group.insuranceType} size={4} className="insurance-light">
              <Typography.Text strong>{label('insuranceType', group.insuranceType)}</Typography.Text>
              <LightTag light={group.light} />
            </Space>
          ))}
        </Space>
        <Typography.Text type="secondary">
          {t('progress.lightRule', { yellow: percent(view.thresholds.yellowBelow, 0), red: percent(view.thresholds.redBelow, 0) })}
        </Typography.Text>
      </Space>
    </Card>
  );
}

function TargetsCard({ view }: { view: ProgressView }) {
  const { t, label } = useI18n();
  return (
    <Card>
      <Typography.Title level={2} className="section-title">
        {t('progress.targets')}
      </Typography.Title>
      <Table<TargetProgress>
        data-testid="progress-targets"
        rowKey={targetKey}
        size="middle"
        pagination={false}
        dataSource={view.targets}
        scroll={{ x: 960 }}
        locale={{ emptyText: t('progress.noTargets') }}
        columns={[
          { title: t('progress.target'), key: 'name', render: (_, row) => targetName(row, label), fixed: 'left', width: 200 },
          {
            title: t('progress.targetValue'),
            key: 'value',
            align: 'right',
            render: (_, row) => (
              <>
                {targetFigure(row, row.value)}
                {row.stretch !== undefined && <div>{t('progress.stretch', { value: targetFigure(row, row.stretch) })}</div>}
              </>
            ),
          },
          { title: t('progress.actual'), key: 'actual', align: 'right', render: (_, row) => targetFigure(row, row.actual) },
          {
            title: t('progress.reachedShare'),
            key: 'reached',
            align: 'right',
            render: (_, row) => (
              <>
                {percent(row.reachedShare)}
                {row.stretchShare !== undefined && <div>{t('progress.stretchShare', { share: percent(row.stretchShare) })}</div>}
              </>
            ),
          },
          { title: t('progress.expectedByNow'), key: 'expected', align: 'right', render: (_, row) => targetFigure(row, row.expectedByNow) },
          { title: t('progress.light'), key: 'light', width: 110, render: (_, row) => <LightTag light={row.light} /> },
          {
            title: t('progress.countedFrom'),
            key: 'from',
            render: (_, row) => t('progress.countedFromUnits', { kind: label('unitKind', row.countedFrom), count: row.reportingUnits }),
          },
        ]}
      />
    </Card>
  );
}

function ReportedCell({ unit }: { unit: UnitProgressView }) {
  const { t, label } = useI18n();
  if (unit.latestReport) {
    return (
      <span>
        <Link to={`/reports/${unit.latestReport.reportId}`}>{roundName(unit.latestReport.roundKey, label)}</Link>
        {' · '}
        {t('progress.version', { version: unit.latestReport.version })}
        <div>{formatDateTime(unit.latestReport.filedAt)}</div>
      </span>
    );
  }
  return <Tag color={unit.hasFiled ? 'orange' : 'default'}>{unit.hasFiled ? t('progress.onlyReturned') : t('progress.notReported')}</Tag>;
}

function UnitsCard({ title, units, testId }: { title: string; units: UnitProgressView[]; testId: string }) {
  const { t, label } = useI18n();
  return (
    <Card>
      <Typography.Title level={2} className="section-title">
        {title}
      </Typography.Title>
      <Table<UnitProgressView>
        data-testid={testId}
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={units}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('common.empty') }}
        expandable={{
          rowExpandable: (u) => u.targets.length > 0,
          expandedRowRender: (u) => <UnitTargets targets={u.targets} />,
        }}
        columns={[
          { title: t('progress.rank'), dataIndex: 'rank', width: 70, render: (rank: number | null) => rank ?? '—' },
          { title: t('progress.unit'), dataIndex: 'name' },
          { title: t('progress.latestReport'), key: 'report', render: (_, u) => <ReportedCell unit={u} /> },
          { title: t('progress.attainment'), dataIndex: 'attainment', align: 'right', width: 120, render: (a: number | null) => percent(a) },
          { title: t('progress.light'), dataIndex: 'light', width: 110, render: (light: UnitProgressView['light']) => <LightTag light={light} /> },
          { title: t('progress.shares'), key: 'shares', width: 90, render: (_, u) => (u.targets.length ? u.targets.length : t('progress.noShares')) },
        ]}
      />
      {units.some((u) => u.targets.length > 0) && <Typography.Text type="secondary">{t('progress.expandHint', { kind: label('unitKind', units[0].unitKind) })}</Typography.Text>}
    </Card>
  );
}

function UnitTargets({ targets }: { targets: UnitTargetProgress[] }) {
  const { t, label } = useI18n();
  return (
    <Table<UnitTargetProgress>
      rowKey={targetKey}
      size="small"
      pagination={false}
      dataSource={targets}
      columns={[
        { title: t('progress.target'), key: 'name', render: (_, row) => targetName(row, label) },
        { title: t('progress.share'), key: 'share', align: 'right', render: (_, row) => targetFigure(row, row.share) },
        { title: t('progress.actual'), key: 'actual', align: 'right', render: (_, row) => targetFigure(row, row.actual) },
        { title: t('progress.reachedShare'), key: 'reached', align: 'right', render: (_, row) => percent(row.reachedShare) },
        { title: t('progress.expectedByNow'), key: 'expected', align: 'right', render: (_, row) => targetFigure(row, row.expectedByNow) },
        { title: t('progress.light'), key: 'light', render: (_, row) => <LightTag light={row.light} /> },
      ]}
    />
  );
}

function RankingsCard({ campaignId, asOf, kind, onKind }: { campaignId: string; asOf?: string; kind: RankingKind; onKind(kind: RankingKind): void }) {
  const { t, label } = useI18n();
  const query = { asOf, kind };
  const answer = useApiGet<RankingsView>(`/campaigns/${campaignId}/progress/rankings`, query);
  const ranked = useMemo(() => (answer.data?.rankings ?? []).filter((u) => u.attainment !== null), [answer.data]);
  const option = useMemo<EChartsOption>(
    () => ({
      grid: { left: 8, right: 48, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: ranked.map((u) => u.name) },
      series: [
        {
          type: 'bar',
          name: t('progress.attainment'),
          data: ranked.map((u) => ({
            value: Math.round((u.attainment ?? 0) * 1000) / 10,
            itemStyle: { color: u.light ? LIGHT_COLOURS[u.light] : '#8c8c8c' },
          })),
          label: { show: true, position: 'right', formatter: (p) => `${String(p.value)}%` },
          markLine: answer.data
            ? {
                symbol: 'none',
                data: [{ xAxis: Math.round(answer.data.timeShare * 1000) / 10, name: t('progress.timeShare') }],
                label: { show: false },
                lineStyle: { type: 'dashed', color: '#595959' },
              }
            : undefined,
        },
      ],
    }),
    [ranked, answer.data, t],
  );
  const summary = ranked.length
    ? t('progress.rankingsChart', {
        kind: label('unitKind', kind),
        first: `${ranked[0].name} ${percent(ranked[0].attainment)}`,
        last: `${ranked[ranked.length - 1].name} ${percent(ranked[ranked.length - 1].attainment)}`,
        count: ranked.length,
      })
    : t('common.empty');
  return (
    <Card>
      <Space wrap className="toolbar">
        <Typography.Title level={2} className="section-title">
          {t('progress.rankings')}
        </Typography.Title>
        <Space wrap>
          <Segmented
            aria-label={t('progress.rankingKind')}
            value={kind}
            onChange={(value) => onKind(value as RankingKind)}
            options={[
              { value: 'district', label: t('progress.districts') },
              { value: 'department', label: t('progress.departments') },
            ]}
            data-testid="rankings-kind"
          />
          <ExportButtons path={`/campaigns/${campaignId}/progress/rankings`} query={query} name={`rankings-${kind}`} />
        </Space>
      </Space>
      {answer.error != null && <Alert type="error" showIcon title={errorText(answer.error, t)} />}
      {answer.data?.scope === 'own_unit' && <Alert type="info" showIcon title={t('progress.ownUnitRankings')} />}
      {answer.data && <Typography.Paragraph type="secondary">{t('progress.timeShareMark', { share: percent(answer.data.timeShare) })}</Typography.Paragraph>}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Table
            data-testid="progress-rankings"
            rowKey="unitId"
            size="small"
            loading={answer.loading}
            pagination={false}
            dataSource={answer.data?.rankings ?? []}
            scroll={{ x: 480 }}
            columns={[
              { title: t('progress.rank'), dataIndex: 'rank', width: 70, render: (rank: number | null) => rank ?? '—' },
              { title: t('progress.unit'), dataIndex: 'name' },
              { title: t('progress.attainment'), dataIndex: 'attainment', align: 'right', render: (a: number | null) => percent(a) },
              { title: t('progress.light'), dataIndex: 'light', width: 110, render: (light: UnitProgressView['light']) => <LightTag light={light} /> },
            ]}
          />
        </Col>
        <Col xs={24} xl={12}>
          {ranked.length > 0 ? (
            <EChart option={option} label={summary} height={Math.max(240, ranked.length * 28 + 60)} testId="rankings-chart" />
          ) : (
            <Empty description={t('progress.noRanked')} />
          )}
        </Col>
      </Row>
    </Card>
  );
}

type HistoryChange = Partial<Record<'from' | 'to' | 'step', string | null>>;

function HistoryCard({
  campaignId,
  from,
  to,
  step,
  onChange,
}: {
  campaignId: string;
  from?: string;
  to?: string;
  step: 'round' | 'month';
  onChange(changes: HistoryChange): void;
}) {
  const { t, label } = useI18n();
  const query = { from, to, step };
  const answer = useApiGet<HistoryView>(`/campaigns/${campaignId}/progress/history`, query);
  const points = useMemo(() => answer.data?.points ?? [], [answer.data]);
  const targets = points[points.length - 1]?.targets ?? [];
  const option = useMemo<EChartsOption>(() => {
    const names = new Map<string, string>();
    for (const p of points) for (const target of p.targets) names.set(targetKey(target), targetName(target, label));
    return {
      grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${v}%` : String(v ?? '')) },
      legend: { type: 'scroll', top: 0 },
      xAxis: { type: 'category', boundaryGap: false, data: points.map((p) => p.date) },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: [
        ...[...names.entries()].map(([key, name]) => ({
          type: 'line' as const,
          name,
          smooth: false,
          data: points.map((p) => {
            const target = p.targets.find((x) => targetKey(x) === key);
            return target ? Math.round(target.reachedShare * 1000) / 10 : null;
          }),
        })),
        {
          type: 'line' as const,
          name: t('progress.timeShare'),
          lineStyle: { type: 'dashed' as const, color: '#595959' },
          itemStyle: { color: '#595959' },
          data: points.map((p) => Math.round(p.timeShare * 1000) / 10),
        },
      ],
    };
  }, [points, label, t]);
  const summary = points.length
    ? t('progress.historyChart', {
        from: points[0].date,
        to: points[points.length - 1].date,
        count: points.length,
        last: targets.map((x) => `${targetName(x, label)} ${percent(x.reachedShare)} ${label('light', x.light)}`).join('；'),
      })
    : t('common.empty');
  return (
    <Card>
      <Space wrap className="toolbar">
        <Typography.Title level={2} className="section-title">
          {t('progress.history')}
        </Typography.Title>
        <Space wrap>
          <DatePicker.RangePicker
            aria-label={t('progress.historyRange')}
            allowEmpty={[true, true]}
            value={[from ? dayjs(from, DAY) : null, to ? dayjs(to, DAY) : null]}
            onChange={(range) => onChange({ from: range?.[0]?.format(DAY) ?? null, to: range?.[1]?.format(DAY) ?? null })}
          />
          <Segmented
            aria-label={t('progress.historyStep')}
            value={step}
            onChange={(value) => onChange({ step: value === 'month' ? 'month' : null })}
            options={[
              { value: 'round', label: t('progress.stepRound') },
              { value: 'month', label: t('progress.stepMonth') },
            ]}
          />
          <ExportButtons path={`/campaigns/${campaignId}/progress/history`} query={query} name="progress-history" />
        </Space>
      </Space>
      {answer.error != null && <Alert type="error" showIcon title={errorText(answer.error, t)} role="alert" />}
      {answer.loading && !answer.data && <Spin description={t('common.loading')} />}
      {answer.data && (
        <Typography.Paragraph type="secondary">
          {t(answer.data.pointsAt === 'round_due_dates' ? 'progress.pointsAtRounds' : 'progress.pointsAtMonths', { from: answer.data.from, to: answer.data.to })}
        </Typography.Paragraph>
      )}
      {points.length > 0 ? <EChart option={option} label={summary} height={360} testId="history-chart" /> : answer.data && <Empty description={t('common.empty')} />}
    </Card>
  );
}

function DutiesCard({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  const query = { campaignId };
  const answer = useApiGet<DutyStatsView>('/overview/departments', query);
  const rows = useMemo(() => [...(answer.data?.rows ?? [])].filter((r) => r.total > 0).sort((a, b) => b.overdue - a.overdue || b.open - a.open), [answer.data]);
  const option = useMemo<EChartsOption>(
    () => ({
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t('progress.dutiesOverdue'), data: rows.map((r) => r.overdue), itemStyle: { color: LIGHT_COLOURS.red }, label: { show: true, position: 'top' } },
        { type: 'bar', name: t('progress.dutiesOpen'), data: rows.map((r) => r.open), itemStyle: { color: '#1677ff' } },
      ],
    }),
    [rows, t],
  );
  const overdueRows = rows.filter((r) => r.overdue > 0);
  const summary = t('progress.dutiesChart', {
    total: answer.data?.totals.overdue ?? 0,
    list: overdueRows.map((r) => `${r.name} ${r.overdue}`).join('、') || t('common.none'),
  });
  return (
    <Card>
      <Space wrap className="toolbar">
        <Typography.Title level={2} className="section-title">
          {t('progress.duties')}
        </Typography.Title>
        <ExportButtons path="/overview/departments" query={query} name="department-duties" />
      </Space>
      {answer.error != null && <Alert type="error" showIcon title={errorText(answer.error, t)} />}
      {answer.data && (
        <Typography.Paragraph data-testid="duties-overdue-total">
          {t('progress.dutiesTotals', { open: answer.data.totals.open, overdue: answer.data.totals.overdue, late: answer.data.totals.late })}
        </Typography.Paragraph>
      )}
      {rows.length > 0 ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <EChart option={option} label={summary} height={340} testId="duties-chart" />
          </Col>
          <Col xs={24} xl={10}>
            <Table
              data-testid="progress-duties"
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={rows}
              scroll={{ x: 420, y: 300 }}
              columns={[
                { title: t('common.department'), dataIndex: 'name' },
                { title: t('progress.dutiesOpen'), dataIndex: 'open', align: 'right', width: 90 },
                {
                  title: t('progress.dutiesOverdue'),
                  dataIndex: 'overdue',
                  align: 'right',
                  width: 90,
                  render: (n: number) => (n > 0 ? <Tag color="error">{formatNumber(n)}</Tag> : n),
                },
                { title: t('progress.dutiesLate'), dataIndex: 'late', align: 'right', width: 100 },
              ]}
            />
          </Col>
        </Row>
      ) : (
        answer.data && <Empty description={t('progress.noDuties')} />
      )}
      {answer.data && <Typography.Text type="secondary">{t('progress.dutiesNow')}</Typography.Text>}
    </Card>
  );
}
