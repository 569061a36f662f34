import { DateTime } from 'luxon';
import { DUBAN_TIME_ZONE, OUTCOME_LABELS, type AssessmentOutcomes, type Scorecard } from '@duban/domain';
import { escapeHtml } from './compliance-notice';
import type { RenderedEmail } from './duty-email-templates';

const dateText = (instant: Date) => DateTime.fromJSDate(instant).setZone(DUBAN_TIME_ZONE).toFormat('yyyy年M月d日');
const percent = (n: number) => `${(Math.round(n * 10) / 10).toFixed(1)}%`;
const money = (n: number) =>
  `${Math.abs(n)
    .toFixed(2)
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')}元`;

export interface AssessmentOutcomeFacts {
  campaignName: string;
  unitName: string;
  scorecard: Scorecard;
  outcomes: AssessmentOutcomes;
  subsidyBaseYuan: number | null;
  finalisedAt: Date;
  link: string;
}

/** The finalised outcome, to the unit's liaison. */
export function renderAssessmentOutcome(facts: AssessmentOutcomeFacts): RenderedEmail {
  const s = facts.scorecard;
  const o = facts.outcomes;
  const verdicts = [o.commendation && OUTCOME_LABELS.commendation, o.criticism && OUTCOME_LABELS.criticism, o.awardIneligible && OUTCOME_LABELS.awardIneligible].filter(Boolean);
  const adjustment = o.subsidyAdjustmentYuan;
  const subsidy =
    adjustment === null
      ? '无'
      : `${adjustment > 0 ? '增加' : adjustment < 0 ? '扣减' : '不调整，'}${adjustment === 0 ? '' : money(adjustment)}（补助基数${money(facts.subsidyBaseYuan ?? 0)}）`;
  const lines = [
    `${facts.unitName}：`,
    '',
    `${facts.campaignName}考核结果已经领导小组办公室审定（${dateText(facts.finalisedAt)}）。贵单位考核结果如下：`,
    '',
    `考核得分：${s.score.toFixed(1)}分`,
    s.attainment === null || s.targetsScore === null ? '目标完成：未分解目标' : `目标完成率：${percent(s.attainment * 100)}（目标项得分${s.targetsScore}）`,
    `督办事项按时办结：${s.dutiesOnTime}/${s.dutiesDue}（${percent(s.dutiesOnTimeRate)}）`,
    `报告按时报送：${s.reportsOnTime}/${s.reportsDue}（${percent(s.reportsOnTimeRate)}）`,
    `事项被退回：${s.returns}次，扣${s.returnPenalty}分`,
    `考核结论：${verdicts.length > 0 ? verdicts.join('；') : '合格'}`,
    `补助资金调整：${subsidy}`,
    '',
    `查看详情：${facts.link}`,
  ];
  return { subject: `【考核结果】${facts.campaignName}：${facts.unitName}`, text: lines.join('\n') };
}

export interface CircularFacts {
  serialNumber: string | null;
  title: string;
  body: string;
  publishedAt: Date | null;
  link: string;
}

/** The published circular as an e-mail to a member department or district. */
export function renderCircularEmail(facts: CircularFacts): RenderedEmail {
  const text = [facts.title, facts.serialNumber ?? '', '', facts.body, '', `在线查看与打印：${facts.link}`].join('\n');
  return { subject: `【通报】${facts.title}${facts.serialNumber ? `（${facts.serialNumber}）` : ''}`, text };
}

/** The circular as a printable page (a draft is marked as one). Every piece of text is escaped. */
export function renderCircularPage(facts: CircularFacts): string {
  const paragraphs = facts.body.split('\n').map((line) => (line.trim() === '' ? '<p class="gap"></p>' : `<p>${escapeHtml(line)}</p>`));
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(facts.title)}</title>
<style>
body { font-family: "FangSong", "STFangsong", "SimSun", serif; max-width: 46em; margin: 2em auto; line-height: 1.9; color: #000; }
.issuer { text-align: center; color: #c00; font-size: 1.8em; letter-spacing: 0.2em; border-bottom: 2px solid #c00; padding-bottom: 0.3em; }
.number { text-align: center; } h1 { text-align: center; font-size: 1.4em; } p { margin: 0; text-indent: 2em; } p.gap { height: 0.8em; }
.draft { color: #c00; text-align: center; font-weight: bold; }
@media print { body { margin: 0; } .noprint { display: none; } }
</style></head><body>
<div class="issuer">领导小组办公室</div>
${facts.serialNumber ? `<p class="number">${escapeHtml(facts.serialNumber)}</p>` : '<p class="draft">（草稿，未印发）</p>'}
<h1>${escapeHtml(facts.title)}</h1>
${paragraphs.join('\n')}
${facts.publishedAt ? `<p class="number">印发日期：${dateText(facts.publishedAt)}</p>` : ''}
<p class="noprint"><button onclick="window.print()">打印</button></p>
</body></html>`;
}
