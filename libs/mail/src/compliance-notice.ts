import { DateTime } from 'luxon';
import { DUBAN_TIME_ZONE, FINDING_LABELS, type Finding } from '@duban/domain';

export interface RectificationNoticeFacts {
  noticeNumber: string;
  unitName: string | null;
  creditCode: string;
  finding: Finding;
  /** What the comparison saw (registries, head counts, arrears). */
  evidenceOfFinding: Record<string, unknown>;
  issuedAt: Date;
  deadline: Date;
  /** The department that issues the order. */
  issuerName: string;
  campaignName: string;
  link: string;
}

/** The law each finding breaks, and what the unit must do (Social Insurance Law of the PRC). */
const FINDING_TEXT: Record<Finding, { fact: string; law: string; order: string }> = {
  not_registered: {
    fact: '经市场监管、税务等部门数据比对，你单位已办理市场主体登记或税务登记，但未办理社会保险登记。',
    law: '《中华人民共和国社会保险法》第五十七条、第五十八条、第八十四条',
    order: '为全部职工办理社会保险登记并依法申报缴纳社会保险费',
  },
  under_insured: {
    fact: '经数据比对，你单位参加社会保险的职工人数少于用工人数，存在未为全部职工参保的情况。',
    law: '《中华人民共和国社会保险法》第五十八条、第六十条、第八十四条',
    order: '为未参保职工补办社会保险登记并足额缴纳社会保险费',
  },
  in_arrears: {
    fact: '经数据比对，你单位存在未按时足额缴纳社会保险费的情况。',
    law: '《中华人民共和国社会保险法》第六十条、第六十三条、第八十六条',
    order: '补缴欠缴的社会保险费及滞纳金',
  },
};

const INSURANCE_TYPE_WORDS: Record<string, string> = {
  pension: '养老保险',
  unemployment: '失业保险',
  medical: '医疗保险',
  work_injury: '工伤保险',
  maternity: '生育保险',
};

const dateText = (instant: Date) => DateTime.fromJSDate(instant).setZone(DUBAN_TIME_ZONE).toFormat('yyyy年M月d日');
const deadlineText = (instant: Date) => DateTime.fromJSDate(instant).setZone(DUBAN_TIME_ZONE).toFormat("yyyy年M月d日 HH:mm '(北京时间)'");

/** Text made safe to place inside HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function details(facts: RectificationNoticeFacts): string[] {
  const e = facts.evidenceOfFinding;
  const lines: string[] = [];
  if (typeof e.employees === 'number') lines.push(`用工人数：${e.employees}人`);
  if (e.shortfall && typeof e.shortfall === 'object') {
    for (const [type, gap] of Object.entries(e.shortfall as Record<string, number>)) lines.push(`${INSURANCE_TYPE_WORDS[type] ?? type}未参保：${gap}人`);
  }
  // Yuan to the fen; a number since money is one in every answer, text in cases found before.
  if (typeof e.arrearsYuan === 'number' || typeof e.arrearsYuan === 'string') lines.push(`欠缴金额：${Number(e.arrearsYuan).toFixed(2)}元`);
  return lines;
}

/** The rectification order (限期改正通知书): one text for the e-mail, and a printable page. */
export function renderRectificationNotice(facts: RectificationNoticeFacts): { subject: string; text: string; html: string } {
  const t = FINDING_TEXT[facts.finding];
  const unit = facts.unitName ?? facts.creditCode;
  const title = '社会保险限期改正通知书';
  const paragraphs = [
    `${unit}（统一社会信用代码：${facts.creditCode}）：`,
    `${t.fact}（${FINDING_LABELS[facts.finding]}）`,
    ...details(facts),
    `根据${t.law}的规定，现责令你单位于${deadlineText(facts.deadline)}前${t.order}，并将办理情况报${facts.issuerName}。`,
    '逾期未改正的，将依法移交劳动保障监察机构查处，并可采取媒体曝光、限制参加政府投资项目投标、申请人民法院强制执行等措施。',
  ];
  const signature = [facts.issuerName, `${facts.campaignName}`, dateText(facts.issuedAt)];
  const text = [title, `编号：${facts.noticeNumber}`, '', ...paragraphs, '', ...signature, '', `在线查看与打印：${facts.link}`].join('\n');
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)} ${escapeHtml(facts.noticeNumber)}</title>
<style>
body { font-family: "SimSun", "Songti SC", serif; max-width: 46em; margin: 2em auto; line-height: 1.9; color: #000; }
h1 { text-align: center; font-size: 1.6em; letter-spacing: 0.2em; }
.number { text-align: right; } .signature { text-align: right; margin-top: 3em; }
@media print { body { margin: 0; } .noprint { display: none; } }
</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p class="number">编号：${escapeHtml(facts.noticeNumber)}</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<div class="signature">${signature.map((s) => `<div>${escapeHtml(s)}</div>`).join('')}</div>
<p class="noprint"><button onclick="window.print()">打印</button></p>
</body></html>`;
  return { subject: `【${title}】${unit}`, text, html };
}
