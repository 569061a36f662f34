import { WorkingCalendar } from '../calendar/working-calendar';
import { DEFAULT_REPORT_PLAN, owedReportRounds, reportDutyTitle, reportPlanProblems, reportRounds, upcomingReportRounds, type ReportPlan } from './report-plan';

// National Day 2026: Oct 1 (Thu) – Oct 8 off, worked back on Sun Sep 27 and Sat Oct 10.
const calendar = new WorkingCalendar({
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'],
  makeUpWorkdays: ['2026-09-27', '2026-10-10'],
});
const year2026 = { periodStart: '2026-01-01', periodEnd: '2026-12-31' };
const only = (kind: ReportPlan['kinds'][number]['kind'], dueOnDayOff: ReportPlan['dueOnDayOff'] = 'next_working_day'): ReportPlan => ({
  kinds: DEFAULT_REPORT_PLAN.kinds.filter((k) => k.kind === kind),
  dueOnDayOff,
});
const due = (plan: ReportPlan, key: string, period = year2026) => reportRounds(plan, period, calendar).find((r) => r.roundKey === key);

describe('report rounds across a year', () => {
  it('asks for 36 ten-day, 12 monthly, 4 quarterly and 1 year-end report in a calendar year', () => {
    const rounds = reportRounds(DEFAULT_REPORT_PLAN, year2026, calendar);
    const count = (kind: string) => rounds.filter((r) => r.kind === kind).length;
    expect([count('ten_day'), count('monthly'), count('quarterly'), count('year_end')]).toEqual([36, 12, 4, 1]);
    expect(new Set(rounds.map((r) => r.roundKey)).size).toBe(rounds.length);
    // In the order they open.
    expect(rounds.map((r) => r.opensAt)).toEqual([...rounds.map((r) => r.opensAt)].sort((a, b) => a - b));
  });

  it('dues ten-day reports on the 10th, 20th and 30th; the last 旬 of a 31-day month still due the 30th', () => {
    const keep = only('ten_day', 'keep');
    expect(due(keep, 'ten_day:2026-01-1')).toMatchObject({ periodStart: '2026-01-01', periodEnd: '2026-01-10', dueDate: '2026-01-10' });
    expect(due(keep, 'ten_day:2026-01-2')).toMatchObject({ periodStart: '2026-01-11', periodEnd: '2026-01-20', dueDate: '2026-01-20' });
    expect(due(keep, 'ten_day:2026-01-3')).toMatchObject({ periodStart: '2026-01-21', periodEnd: '2026-01-31', dueDate: '2026-01-30' });
    expect(due(keep, 'ten_day:2026-07-3')).toMatchObject({ periodEnd: '2026-07-31', dueDate: '2026-07-30' });
  });

  it('dues the last 旬 of February on its last day, the 28th or in a leap year the 29th', () => {
    expect(due(only('ten_day', 'keep'), 'ten_day:2026-02-3')).toMatchObject({ periodEnd: '2026-02-28', dueDate: '2026-02-28' });
    const leap = { periodStart: '2028-02-01', periodEnd: '2028-02-29' };
    expect(due(only('ten_day', 'keep'), 'ten_day:2028-02-3', leap)).toMatchObject({ periodEnd: '2028-02-29', dueDate: '2028-02-29' });
  });

  it('moves a due date on a weekend or holiday to the next working day when the plan says so', () => {
    // Sat 2026-01-10 → Mon 01-12; Sat 2026-02-28 → Mon 03-02.
    expect(due(only('ten_day'), 'ten_day:2026-01-1')?.dueDate).toBe('2026-01-12');
    expect(due(only('ten_day'), 'ten_day:2026-02-3')?.dueDate).toBe('2026-03-02');
    // Tue 01-20 is a working day and stays.
    expect(due(only('ten_day'), 'ten_day:2026-01-2')?.dueDate).toBe('2026-01-20');
  });

  it('keeps a due date on a make-up working day and moves one inside the holiday week past it', () => {
    // Sat 2026-10-10 is worked (调休): the 上旬 report is due that Saturday.
    expect(due(only('ten_day'), 'ten_day:2026-10-1')?.dueDate).toBe('2026-10-10');
    // September's monthly report, due Mon Oct 5 (a holiday), moves past the holiday week to Fri Oct 9.
    expect(due(only('monthly'), 'monthly:2026-09')?.dueDate).toBe('2026-10-09');
    // The third quarter's, due Sat Oct 10, stays: that Saturday is worked.
    expect(due(only('quarterly'), 'quarterly:2026-Q3')).toMatchObject({ periodStart: '2026-07-01', periodEnd: '2026-09-30', dueDate: '2026-10-10' });
  });

  it('falls due at the end of the day in Asia/Shanghai, which is 15:59:59.999 UTC', () => {
    const round = due(only('ten_day', 'keep'), 'ten_day:2026-01-3')!;
    expect(new Date(round.dueAt).toISOString()).toBe('2026-01-30T15:59:59.999Z');
    // The round opens at local midnight of its first day: 16:00 UTC the day before.
    expect(new Date(round.opensAt).toISOString()).toBe('2026-01-20T16:00:00.000Z');
  });

  it('dues monthly reports by the 5th of the next month and the year-end summary in January', () => {
    expect(due(only('monthly', 'keep'), 'monthly:2026-12')).toMatchObject({ periodStart: '2026-12-01', periodEnd: '2026-12-31', dueDate: '2027-01-05' });
    expect(due(only('year_end', 'keep'), 'year_end:2026')).toMatchObject({ periodStart: '2026-01-01', periodEnd: '2026-12-31', dueDate: '2027-01-15' });
  });

  it('covers only periods that overlap the campaign; a round that began before it opens with the campaign', () => {
    const rounds = reportRounds(DEFAULT_REPORT_PLAN, { periodStart: '2026-05-15', periodEnd: '2026-11-30' }, calendar);
    const keys = rounds.map((r) => r.roundKey);
    expect(keys.filter((k) => k.startsWith('ten_day')).at(0)).toBe('ten_day:2026-05-2');
    expect(keys.filter((k) => k.startsWith('ten_day')).at(-1)).toBe('ten_day:2026-11-3');
    expect(keys.filter((k) => k.startsWith('quarterly'))).toEqual(['quarterly:2026-Q2', 'quarterly:2026-Q3', 'quarterly:2026-Q4']);
    const first = rounds.find((r) => r.roundKey === 'ten_day:2026-05-2')!;
    expect(new Date(first.opensAt).toISOString()).toBe('2026-05-14T16:00:00.000Z');
  });

  it('owes the rounds due after the campaign was set up, and lists as upcoming those not opened yet, in opening order', () => {
    const setUpAt = Date.parse('2026-06-12T10:00:00+08:00');
    const owed = owedReportRounds(DEFAULT_REPORT_PLAN, year2026, calendar, setUpAt);
    // May's monthly report (due 5 June) is not chased; the first 旬 of June (due the 10th) is past too; the second is owed.
    expect(owed.map((r) => r.roundKey)).not.toContain('monthly:2026-05');
    expect(owed.map((r) => r.roundKey)).not.toContain('ten_day:2026-06-1');
    // In the order they open: the year (1 Jan), the quarter (1 Apr) and the month (1 Jun) are under way at once.
    expect(owed.slice(0, 4).map((r) => r.roundKey)).toEqual(['year_end:2026', 'quarterly:2026-Q2', 'monthly:2026-06', 'ten_day:2026-06-2']);
    expect(owed.every((r) => r.dueAt > setUpAt)).toBe(true);

    const opened = new Set(['year_end:2026', 'quarterly:2026-Q2', 'monthly:2026-06']);
    const upcoming = upcomingReportRounds(DEFAULT_REPORT_PLAN, year2026, calendar, setUpAt, opened);
    expect(upcoming).toEqual(owed.filter((r) => !opened.has(r.roundKey)));
    expect(upcoming[0]).toMatchObject({ roundKey: 'ten_day:2026-06-2', periodStart: '2026-06-11', periodEnd: '2026-06-20' });
    expect(upcoming.map((r) => r.opensAt)).toEqual([...upcoming.map((r) => r.opensAt)].sort((a, b) => a - b));
    expect(upcoming.at(-1)).toMatchObject({ roundKey: 'ten_day:2026-12-3', periodEnd: '2026-12-31' });
    expect(upcoming).toHaveLength(owed.length - 3);
  });

  it('checks a plan field by field and accepts one without kinds', () => {
    expect(reportPlanProblems({ kinds: [], dueOnDayOff: 'keep' })).toEqual({});
    expect(
      reportPlanProblems({
        kinds: [
          { kind: 'monthly', owedBy: [], dueDay: 31 },
          { kind: 'monthly', owedBy: ['district'] },
          { kind: 'ten_day', owedBy: ['district'], dueDay: 5 },
        ],
        dueOnDayOff: 'keep',
      }),
    ).toEqual({
      'kinds.0.owedBy': ['districts, departments or both owe it'],
      'kinds.0.dueDay': ['a day of the month, 1–28'],
      'kinds.1.kind': ['monthly is named twice'],
      'kinds.2.dueDay': ['ten-day reports are due on the 10th, 20th and 30th'],
    });
  });

  it('names report duties in Chinese', () => {
    expect(reportDutyTitle({ kind: 'ten_day', roundKey: 'ten_day:2026-06-2' })).toBe('2026年6月中旬扩面工作旬报');
    expect(reportDutyTitle({ kind: 'quarterly', roundKey: 'quarterly:2026-Q2' })).toBe('2026年第二季度扩面工作季报');
    expect(reportDutyTitle({ kind: 'year_end', roundKey: 'year_end:2026' })).toBe('2026年度扩面工作总结');
  });
});
