import { DateTime } from 'luxon';
import { DUBAN_TIME_ZONE, WorkingCalendar } from '../calendar/working-calendar';
import { addFieldMessage, type FieldMessages } from '../campaigns/field-messages';
import { REPORT_KINDS, type ReportKind, type ReportingUnitKind } from './report-figures';

/** One kind of report the plan asks for, who owes it, and (except ten-day reports) its due day. */
export interface ReportPlanEntry {
  kind: ReportKind;
  owedBy: ReportingUnitKind[];
  /**
   * monthly: day of the next month (default 5); quarterly: day of the month after the quarter
   * (default 10); year_end: day of January of the next year (default 15). Ten-day reports are
   * due on the 10th, the 20th and the 30th (or the month's last day) by the seeds' rule.
   */
  dueDay?: number;
}

/** A campaign's reporting rhythm (docs/domain.md, "Reports"). */
export interface ReportPlan {
  kinds: ReportPlanEntry[];
  /** A due date on a day off stays (keep) or moves to the next working day (顺延). */
  dueOnDayOff: 'keep' | 'next_working_day';
}

export const DEFAULT_REPORT_PLAN: ReportPlan = {
  kinds: [
    { kind: 'ten_day', owedBy: ['district', 'department'] },
    { kind: 'monthly', owedBy: ['district', 'department'], dueDay: 5 },
    { kind: 'quarterly', owedBy: ['district', 'department'], dueDay: 10 },
    { kind: 'year_end', owedBy: ['district', 'department'], dueDay: 15 },
  ],
  dueOnDayOff: 'next_working_day',
};

const DEFAULT_DUE_DAY: Record<Exclude<ReportKind, 'ten_day'>, number> = { monthly: 5, quarterly: 10, year_end: 15 };

/** A round of reports: the period it covers and when the reports are due. */
export interface ReportRound {
  kind: ReportKind;
  /** ten_day:2026-06-2, monthly:2026-06, quarterly:2026-Q2, year_end:2026 — unique per campaign. */
  roundKey: string;
  periodStart: string;
  periodEnd: string;
  /** Local date the reports are due (after moving off a day off when the plan says so). */
  dueDate: string;
  /** The end of the due date in Asia/Shanghai (epoch ms). */
  dueAt: number;
  /** When the round opens: the start of the covered period's first day, not before the campaign's. */
  opensAt: number;
  owedBy: ReportingUnitKind[];
}

/**
 * What is wrong with a plan (empty when nothing is). A plan without kinds is allowed: a
 * campaign that asks for no periodic reports.
 */
export function reportPlanProblems(plan: ReportPlan): FieldMessages {
  const fields: FieldMessages = {};
  if (plan.dueOnDayOff !== 'keep' && plan.dueOnDayOff !== 'next_working_day') addFieldMessage(fields, 'dueOnDayOff', 'keep or next_working_day');
  const seen = new Set<string>();
  plan.kinds.forEach((entry, i) => {
    const at = `kinds.${i}`;
    if (!REPORT_KINDS.includes(entry.kind)) addFieldMessage(fields, `${at}.kind`, `one of ${REPORT_KINDS.join(', ')}`);
    if (seen.has(entry.kind)) addFieldMessage(fields, `${at}.kind`, `${entry.kind} is named twice`);
    seen.add(entry.kind);
    if (entry.owedBy.length === 0) addFieldMessage(fields, `${at}.owedBy`, 'districts, departments or both owe it');
    if (new Set(entry.owedBy).size !== entry.owedBy.length) addFieldMessage(fields, `${at}.owedBy`, 'named twice');
    if (entry.dueDay !== undefined) {
      if (entry.kind === 'ten_day') addFieldMessage(fields, `${at}.dueDay`, 'ten-day reports are due on the 10th, 20th and 30th');
      else if (!Number.isInteger(entry.dueDay) || entry.dueDay < 1 || entry.dueDay > 28) {
        addFieldMessage(fields, `${at}.dueDay`, 'a day of the month, 1–28');
      }
    }
  });
  return fields;
}

const iso = (d: DateTime) => d.toISODate()!;

/**
 * Every round of the plan whose covered period overlaps the campaign's, in the order they
 * open (then by kind as the plan lists them). Pure: the calendar moves due dates off days off.
 */
export function reportRounds(plan: ReportPlan, period: { periodStart: string; periodEnd: string }, calendar: WorkingCalendar): ReportRound[] {
  const start = DateTime.fromISO(period.periodStart, { zone: DUBAN_TIME_ZONE });
  const end = DateTime.fromISO(period.periodEnd, { zone: DUBAN_TIME_ZONE });
  const campaignOpens = start.startOf('day').toMillis();
  const rounds: Array<ReportRound & { order: number }> = [];
  plan.kinds.forEach((entry, order) => {
    for (const covered of coveredPeriods(entry, start, end)) {
      const due = plan.dueOnDayOff === 'next_working_day' ? calendar.shiftWorkingDays(covered.due, 0) : covered.due;
      rounds.push({
        kind: entry.kind,
        roundKey: covered.key,
        periodStart: covered.start,
        periodEnd: covered.end,
        dueDate: due,
        dueAt: DateTime.fromISO(due, { zone: DUBAN_TIME_ZONE }).endOf('day').toMillis(),
        opensAt: Math.max(campaignOpens, DateTime.fromISO(covered.start, { zone: DUBAN_TIME_ZONE }).startOf('day').toMillis()),
        owedBy: [...entry.owedBy],
        order,
      });
    }
  });
  return rounds.sort((a, b) => a.opensAt - b.opensAt || a.order - b.order || a.periodStart.localeCompare(b.periodStart)).map(({ order: _order, ...round }) => round);
}

/**
 * The rounds a campaign owes: the plan's rounds due after the campaign was set up in Duban
 * (`setUpAt`, epoch ms). A campaign registered in June for a plan that began in May is not
 * chased for May's reports; a round under way when it was set up (or whose due date has passed
 * since) is owed. What the reporting workflow opens, one by one.
 */
export function owedReportRounds(plan: ReportPlan, period: { periodStart: string; periodEnd: string }, calendar: WorkingCalendar, setUpAt: number): ReportRound[] {
  return reportRounds(plan, period, calendar).filter((round) => round.dueAt > setUpAt);
}

/**
 * The rounds still to open, in the order the reporting workflow will open them: the owed
 * rounds that have not been opened yet. Computed with the plan and calendar as they stand, as
 * the workflow computes them when each round's time comes.
 */
export function upcomingReportRounds(
  plan: ReportPlan,
  period: { periodStart: string; periodEnd: string },
  calendar: WorkingCalendar,
  setUpAt: number,
  openedRoundKeys: ReadonlySet<string>,
): ReportRound[] {
  return owedReportRounds(plan, period, calendar, setUpAt).filter((round) => !openedRoundKeys.has(round.roundKey));
}

interface CoveredPeriod {
  key: string;
  start: string;
  end: string;
  /** Due date before any move off a day off. */
  due: string;
}

/** The covered periods of one kind that overlap [start, end]. */
function coveredPeriods(entry: ReportPlanEntry, start: DateTime, end: DateTime): CoveredPeriod[] {
  const out: CoveredPeriod[] = [];
  const overlaps = (from: DateTime, to: DateTime) => from <= end && to >= start;
  if (entry.kind === 'year_end') {
    for (let year = start.year; year <= end.year; year++) {
      const from = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: DUBAN_TIME_ZONE });
      const to = from.endOf('year').startOf('day');
      if (!overlaps(from, to)) continue;
      const due = DateTime.fromObject({ year: year + 1, month: 1, day: entry.dueDay ?? DEFAULT_DUE_DAY.year_end }, { zone: DUBAN_TIME_ZONE });
      out.push({ key: `year_end:${year}`, start: iso(from), end: iso(to), due: iso(due) });
    }
    return out;
  }
  for (let month = start.startOf('month'); month <= end; month = month.plus({ months: 1 })) {
    const monthEnd = month.endOf('month').startOf('day');
    const ym = month.toFormat('yyyy-MM');
    if (entry.kind === 'ten_day') {
      // 上旬 1–10 due the 10th, 中旬 11–20 due the 20th, 下旬 21–month end due the 30th (or the last day).
      const thirds: Array<[number, DateTime, DateTime, DateTime]> = [
        [1, month, month.set({ day: 10 }), month.set({ day: 10 })],
        [2, month.set({ day: 11 }), month.set({ day: 20 }), month.set({ day: 20 })],
        [3, month.set({ day: 21 }), monthEnd, month.set({ day: Math.min(30, month.daysInMonth!) })],
      ];
      for (const [n, from, to, due] of thirds) {
        if (overlaps(from, to)) out.push({ key: `ten_day:${ym}-${n}`, start: iso(from), end: iso(to), due: iso(due) });
      }
    } else if (entry.kind === 'monthly') {
      if (!overlaps(month, monthEnd)) continue;
      const due = month.plus({ months: 1 }).set({ day: entry.dueDay ?? DEFAULT_DUE_DAY.monthly });
      out.push({ key: `monthly:${ym}`, start: iso(month), end: iso(monthEnd), due: iso(due) });
    } else if (entry.kind === 'quarterly' && (month.month - 1) % 3 === 0) {
      const quarterEnd = month.plus({ months: 2 }).endOf('month').startOf('day');
      if (!overlaps(month, quarterEnd)) continue;
      const due = month.plus({ months: 3 }).set({ day: entry.dueDay ?? DEFAULT_DUE_DAY.quarterly });
      out.push({ key: `quarterly:${month.year}-Q${(month.month + 2) / 3}`, start: iso(month), end: iso(quarterEnd), due: iso(due) });
    }
  }
  // A quarter that began before the campaign's first month still overlaps it.
  if (entry.kind === 'quarterly' && (start.month - 1) % 3 !== 0) {
    const first = start.startOf('month').set({ month: start.month - ((start.month - 1) % 3) });
    const quarterEnd = first.plus({ months: 2 }).endOf('month').startOf('day');
    const due = first.plus({ months: 3 }).set({ day: entry.dueDay ?? DEFAULT_DUE_DAY.quarterly });
    out.unshift({ key: `quarterly:${first.year}-Q${(first.month + 2) / 3}`, start: iso(first), end: iso(quarterEnd), due: iso(due) });
  }
  return out;
}

/** A round's name in Chinese, for duty titles and circulars: 2026年6月中旬, 2026年第二季度. */
export function reportRoundName(round: Pick<ReportRound, 'kind' | 'roundKey'>): string {
  const [, key] = round.roundKey.split(':');
  if (round.kind === 'ten_day') {
    const [year, month, third] = key.split('-');
    return `${year}年${Number(month)}月${['上旬', '中旬', '下旬'][Number(third) - 1]}`;
  }
  if (round.kind === 'monthly') {
    const [year, month] = key.split('-');
    return `${year}年${Number(month)}月`;
  }
  if (round.kind === 'quarterly') {
    const [year, q] = key.split('-Q');
    return `${year}年第${['一', '二', '三', '四'][Number(q) - 1]}季度`;
  }
  return `${key}年度`;
}

/** The title of a report duty: 2026年6月中旬扩面工作旬报. */
export function reportDutyTitle(round: Pick<ReportRound, 'kind' | 'roundKey'>): string {
  const suffix: Record<ReportKind, string> = { ten_day: '扩面工作旬报', monthly: '扩面工作月报', quarterly: '扩面工作季报', year_end: '扩面工作总结' };
  return `${reportRoundName(round)}${suffix[round.kind]}`;
}
