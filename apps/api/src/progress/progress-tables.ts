import type { InsuranceType, ProgressLight, ReportingUnitKind, TargetIdentity } from '@duban/domain';
import type { CsvValue } from '../duties/csv';
import type { ExportTable } from '../common/table-export';
import type { HistoryView, ProgressView, RankingsView, UnitProgressView } from '@duban/contracts';

export const INSURANCE_TYPE_WORDS: Record<InsuranceType, string> = {
  pension: '养老保险',
  unemployment: '失业保险',
  medical: '医疗保险',
  work_injury: '工伤保险',
  maternity: '生育保险',
};
export const LIGHT_WORDS: Record<ProgressLight, string> = { green: '绿', yellow: '黄', red: '红' };
export const UNIT_KIND_WORDS: Record<ReportingUnitKind, string> = { district: '县区', department: '部门' };

/** What a target measures, in the words of the plans. */
export function targetWords(target: TargetIdentity): string {
  if (target.kind === 'persons') return target.measure === 'total_insured' ? '参保总人数' : '新增参保人数';
  return target.kind === 'contribution_rate' ? '缴费率（%）' : '基金征收（元）';
}

/** A share (1 = all of it) as a percentage with two decimals, as the tables show it. */
export const percent = (share: number | null | undefined): number | null => (share === null || share === undefined ? null : Math.round(share * 10_000) / 100);
const light = (l: ProgressLight | null) => (l ? LIGHT_WORDS[l] : '');

export const PROGRESS_HEADER = [
  '范围',
  '单位代码',
  '单位名称',
  '险种',
  '指标',
  '目标值',
  '挑战值',
  '实际值',
  '完成率（%）',
  '挑战完成率（%）',
  '按进度应完成',
  '进度灯',
  '报送单位数',
  '已报送（计入）',
  '曾报送',
  '最近报告轮次',
  '报送时间',
  '版本',
  '综合完成率（%）',
  '排名',
] as const;

/**
 * One row per campaign target (范围 整体), then one per unit × its share of a target (a unit
 * with no share: one row without target columns, so that whether it reported still shows).
 */
export function progressTable(view: ProgressView): ExportTable {
  const rows: CsvValue[][] = view.targets.map((t) => [
    '整体',
    null,
    view.campaignName,
    INSURANCE_TYPE_WORDS[t.insuranceType],
    targetWords(t),
    t.value,
    t.stretch ?? null,
    t.actual,
    percent(t.reachedShare),
    percent(t.stretchShare),
    t.expectedByNow,
    light(t.light),
    t.reportingUnits,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ]);
  for (const unit of [...view.districts, ...view.departments]) {
    const unitCells = (u: UnitProgressView): CsvValue[] => [UNIT_KIND_WORDS[u.unitKind], u.code, u.name];
    const reportCells = (u: UnitProgressView): CsvValue[] => [
      u.reported,
      u.hasFiled,
      u.latestReport?.roundKey ?? null,
      u.latestReport?.filedAt ? new Date(u.latestReport.filedAt) : null,
      u.latestReport?.version ?? null,
      percent(u.attainment),
      u.rank,
    ];
    if (unit.targets.length === 0) rows.push([...unitCells(unit), ...Array<null>(10).fill(null), ...reportCells(unit)]);
    for (const t of unit.targets) {
      rows.push([
        ...unitCells(unit),
        INSURANCE_TYPE_WORDS[t.insuranceType],
        targetWords(t),
        t.share,
        null,
        t.actual,
        percent(t.reachedShare),
        null,
        t.expectedByNow,
        light(t.light),
        null,
        ...reportCells(unit),
      ]);
    }
  }
  return { asciiBase: `campaign-progress-${view.asOf}`, chineseBase: `扩面进度${view.asOf}`, header: PROGRESS_HEADER, rows };
}

export const RANKINGS_HEADER = ['排名', '类别', '单位代码', '单位名称', '综合完成率（%）', '进度灯', '已报送（计入）', '曾报送', '最近报告轮次', '报送时间'] as const;

export function rankingsTable(view: RankingsView): ExportTable {
  return {
    asciiBase: `progress-ranking-${view.kind}-${view.asOf}`,
    chineseBase: `${UNIT_KIND_WORDS[view.kind]}进度排名${view.asOf}`,
    header: RANKINGS_HEADER,
    rows: view.rankings.map((u) => [
      u.rank,
      UNIT_KIND_WORDS[u.unitKind],
      u.code,
      u.name,
      percent(u.attainment),
      light(u.light),
      u.reported,
      u.hasFiled,
      u.latestReport?.roundKey ?? null,
      u.latestReport?.filedAt ? new Date(u.latestReport.filedAt) : null,
    ]),
  };
}

export const HISTORY_HEADER = ['日期', '到期报告轮次', '时间进度（%）', '险种', '指标', '目标值', '实际值', '完成率（%）', '按进度应完成', '进度灯', '报送单位数'] as const;

/** One row per point × target. */
export function historyTable(view: HistoryView): ExportTable {
  return {
    asciiBase: `progress-history-${view.from}-${view.to}`,
    chineseBase: `进度走势${view.from}至${view.to}`,
    header: HISTORY_HEADER,
    rows: view.points.flatMap((p) =>
      p.targets.map((t) => [
        p.date,
        p.dueRounds.join(' '),
        percent(p.timeShare),
        INSURANCE_TYPE_WORDS[t.insuranceType],
        targetWords(t),
        t.value,
        t.actual,
        percent(t.reachedShare),
        t.expectedByNow,
        light(t.light),
        t.reportingUnits,
      ]),
    ),
  };
}
