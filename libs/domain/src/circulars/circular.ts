import type { InsuranceType } from '../campaigns/campaign-targets';
import type { AssessmentOutcomes } from '../assessments/assessment';
import type { ProgressLight, TargetIdentity } from '../progress/campaign-progress';
import type { ReportingUnitKind } from '../reports/report-figures';

/**
 * Circulars (通报): a quarterly one on progress (季通报) and the final one on the assessment
 * (docs/domain.md, "Assessment and circulars"). The text is drafted from the data, reviewed (and
 * revised) by the office, then published with a serial number. Pure: the caller gathers the data.
 */
export const CIRCULAR_KINDS = ['quarterly', 'final'] as const;
export type CircularKind = (typeof CIRCULAR_KINDS)[number];
export const CIRCULAR_STATUSES = ['draft', 'published'] as const;
export type CircularStatus = (typeof CIRCULAR_STATUSES)[number];

export interface Quarter {
  key: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** First and last day, YYYY-MM-DD. */
  start: string;
  end: string;
}

/** '2026-Q3' → 2026-07-01 … 2026-09-30; null when not of that form. */
export function parseQuarter(key: string): Quarter | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const quarter = Number(m[2]) as Quarter['quarter'];
  const startMonth = (quarter - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { key, year, quarter, start: `${year}-${pad(startMonth)}-01`, end: `${year}-${pad(endMonth)}-${pad(lastDay)}` };
}

export interface CircularTargetLine extends TargetIdentity {
  value: number;
  actual: number | null;
  reachedShare: number;
  expectedByNow: number;
  light: ProgressLight;
}

export interface CircularUnitLine {
  unitId: string;
  name: string;
  attainment: number | null;
  rank: number | null;
  light: ProgressLight | null;
}

export interface CircularAssessmentLine {
  unitId: string;
  name: string;
  unitKind: ReportingUnitKind;
  score: number;
  outcomes: AssessmentOutcomes;
}

/** What a circular is drafted from; kept with it (`data`) so the text can be checked against it. */
export interface CircularData {
  kind: CircularKind;
  periodKey: string;
  campaignName: string;
  /** The days the circular covers (a quarter; the campaign's period for the final one). */
  period: { start: string; end: string };
  /** The day the figures are read for. */
  asOf: string;
  /** The day the draft was made (the date under the signature). */
  draftedOn: string;
  timeShare: number;
  targets: CircularTargetLine[];
  districts: CircularUnitLine[];
  departments: CircularUnitLine[];
  /** Units with reports late (or not filed) among those due in the period, most late first. */
  lateReports: Array<{ unitId: string; name: string; late: number }>;
  assessment?: { asOf: string; units: CircularAssessmentLine[] };
}

const INSURANCE_WORDS: Record<InsuranceType, string> = { pension: '养老保险', unemployment: '失业保险', medical: '医疗保险', work_injury: '工伤保险', maternity: '生育保险' };
const LIGHT_WORDS: Record<ProgressLight, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };
const QUARTER_WORDS = ['', '一', '二', '三', '四'];
/** The ideographic space that separates columns in Chinese official text. */
const GAP = '\u3000';
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 76000 → 76,000; 1234.5 → 1,234.5 (two decimals at most). */
export function groupDigits(n: number): string {
  const [whole, fraction] = (Math.round(n * 100) / 100).toString().split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${fraction ? `.${fraction}` : ''}`;
}

const percent = (share: number) => `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
const dayText = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

function targetName(t: TargetIdentity): string {
  const type = INSURANCE_WORDS[t.insuranceType];
  if (t.kind === 'persons') return `${type}${t.measure === 'total_insured' ? '参保人数' : '新增参保人数'}`;
  if (t.kind === 'contribution_rate') return `${type}缴费率`;
  return `${type}基金征缴`;
}

function amount(t: TargetIdentity, n: number): string {
  if (t.kind === 'persons') return `${groupDigits(n)}人`;
  if (t.kind === 'contribution_rate') return `${groupDigits(n)}%`;
  return `${groupDigits(n)}元`;
}

function targetLine(t: CircularTargetLine, i: number): string {
  const name = `（${ORDINALS[i] ?? i + 1}）${targetName(t)}`;
  if (t.actual === null) return `${name}：目标${amount(t, t.value)}，尚无单位报送，${LIGHT_WORDS[t.light]}。`;
  const pace = t.kind === 'contribution_rate' ? '' : `，按时序进度应完成${amount(t, t.expectedByNow)}`;
  return `${name}：目标${amount(t, t.value)}，完成${amount(t, t.actual)}，完成率${percent(t.reachedShare)}${pace}，${LIGHT_WORDS[t.light]}。`;
}

function rankingLines(units: readonly CircularUnitLine[]): string[] {
  const ranked = units.filter((u) => u.rank !== null);
  const lines = ranked.map((u) => `第${u.rank}名${GAP}${u.name}${GAP}目标完成率${percent(u.attainment!)}（${LIGHT_WORDS[u.light ?? 'green']}）`);
  const unranked = units.filter((u) => u.rank === null);
  if (unranked.length > 0) lines.push(`未分解目标、不参与排名：${unranked.map((u) => u.name).join('、')}。`);
  return lines.length > 0 ? lines : ['（无）'];
}

/** Money to the fen: 12000.5 → 12,000.50元. */
const yuan = (n: number) => {
  const [whole, fen] = Math.abs(n).toFixed(2).split('.');
  return `${groupDigits(Number(whole))}.${fen}元`;
};

/**
 * The circular's title and body in Chinese, as the office's circulars read: addressees, the
 * period, overall progress per target with its light, district and department rankings, units
 * late with reports; the final one adds the assessment's outcomes. The office may revise it.
 */
export function circularText(data: CircularData): { title: string; body: string } {
  const sections: Array<{ heading: string; lines: string[] }> = [];
  const intro =
    data.kind === 'quarterly'
      ? (() => {
          const q = parseQuarter(data.periodKey)!;
          return `现将${data.campaignName}${q.year}年第${QUARTER_WORDS[q.quarter]}季度（${dayText(data.period.start)}至${dayText(data.period.end)}）工作进展情况通报如下：`;
        })()
      : `${data.campaignName}（${dayText(data.period.start)}至${dayText(data.period.end)}）已进入总结验收阶段。根据考核办法，领导小组办公室对各县市区和成员单位目标完成、督办事项按时办结、报告按时报送等情况进行了考核，现将考核结果通报如下：`;
  const title =
    data.kind === 'quarterly'
      ? (() => {
          const q = parseQuarter(data.periodKey)!;
          return `关于${data.campaignName}${q.year}年第${QUARTER_WORDS[q.quarter]}季度工作进展情况的通报`;
        })()
      : `关于${data.campaignName}考核结果的通报`;

  sections.push({
    heading: '总体进展',
    lines: [`截至${dayText(data.asOf)}，时间进度${percent(data.timeShare)}。`, ...(data.targets.length > 0 ? data.targets.map(targetLine) : ['本次专项行动未设定量化目标。'])],
  });
  sections.push({ heading: '县市区目标完成情况排名', lines: rankingLines(data.districts) });
  sections.push({ heading: '成员单位目标完成情况排名', lines: rankingLines(data.departments) });
  sections.push({
    heading: '报告报送情况',
    lines:
      data.lateReports.length === 0
        ? ['本期各单位均按时报送工作报告。']
        : [`本期以下单位未按时报送工作报告：${data.lateReports.map((u) => `${u.name}${u.late}次`).join('、')}。请上述单位落实专人，按时报送。`],
  });

  if (data.kind === 'final' && data.assessment) {
    const units = data.assessment.units;
    const names = (pick: (u: CircularAssessmentLine) => boolean) => units.filter(pick).map((u) => u.name);
    const list = (ns: string[], none: string) => (ns.length > 0 ? `${ns.join('、')}。` : none);
    const scores = [...units].sort((a, b) => b.score - a.score).map((u) => `${u.name}${GAP}${u.score.toFixed(1)}分`);
    const adjusted = units.filter((u) => u.outcomes.subsidyAdjustmentYuan !== null && u.outcomes.subsidyAdjustmentYuan !== 0);
    sections.push({ heading: '考核得分', lines: scores.length > 0 ? scores : ['（无）'] });
    sections.push({
      heading: '表扬',
      lines: [
        list(
          names((u) => u.outcomes.commendation),
          '本次考核无表扬单位。',
        ),
      ],
    });
    sections.push({
      heading: '通报批评',
      lines: [
        list(
          names((u) => u.outcomes.criticism),
          '本次考核无通报批评单位。',
        ),
      ],
    });
    sections.push({
      heading: '取消评先评优资格',
      lines: [
        list(
          names((u) => u.outcomes.awardIneligible),
          '本次考核无取消评先评优资格的单位。',
        ),
      ],
    });
    sections.push({
      heading: '补助资金调整',
      lines:
        adjusted.length === 0
          ? ['本次考核无补助资金调整。']
          : adjusted.map((u) => {
              const n = u.outcomes.subsidyAdjustmentYuan!;
              return `${u.name}：${n > 0 ? '超额完成目标，增加' : '未完成目标，扣减'}补助资金${yuan(n)}。`;
            }),
    });
  }
  sections.push({
    heading: '下一步工作要求',
    lines: [
      data.kind === 'quarterly'
        ? '进度滞后（黄灯、红灯）的单位要认真分析原因，制定整改措施，确保按时序进度完成目标任务；各单位要严格落实报告制度，按时准确报送数据。'
        : '受到表扬的单位要再接再厉；被通报批评的单位要深刻反思，于15个工作日内向领导小组办公室书面报告整改措施。',
    ],
  });

  const body = [
    '各县市区人民政府，领导小组各成员单位：',
    '',
    intro,
    '',
    ...sections.flatMap((s, i) => [`${ORDINALS[i]}、${s.heading}`, ...s.lines, '']),
    '领导小组办公室',
    dayText(data.draftedOn),
  ].join('\n');
  return { title, body };
}

/**
 * The serial number of a published circular: the issuer's abbreviation (the first character of
 * the jurisdiction, as 衡 for 衡阳市), 扩面办通, the year and the number within it —
 * 衡扩面办通〔2026〕3号.
 */
export function circularSerialPrefix(jurisdictionName: string, year: number): string {
  return `${[...jurisdictionName][0] ?? ''}扩面办通〔${year}〕`;
}

export function circularSerialNumber(jurisdictionName: string, year: number, n: number): string {
  return `${circularSerialPrefix(jurisdictionName, year)}${n}号`;
}
