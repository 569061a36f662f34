import { DateTime } from 'luxon';
import { assertValidCalendarYear, WorkingCalendar } from '../working-calendar';
import { NATIONAL_HOLIDAY_NOTICES, nationalHolidayNotice, noticeCalendarDays, noticeCitation } from './index';

const weekday = (date: string) => DateTime.fromISO(date, { zone: 'Asia/Shanghai' }).weekday;

describe('the national calendar shipped with Duban', () => {
  it('ships one notice per year, 2024 to 2026, and nothing it has not read', () => {
    expect(NATIONAL_HOLIDAY_NOTICES.map((n) => n.year)).toEqual([2024, 2025, 2026]);
    expect(nationalHolidayNotice(2027)).toBeNull();
    expect(noticeCitation(nationalHolidayNotice(2025)!)).toBe('国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号），2024-11-12');
  });

  describe.each(NATIONAL_HOLIDAY_NOTICES.map((n) => [n.year, n] as const))('%i', (year, notice) => {
    const days = noticeCalendarDays(notice);

    it('names the notice it comes from, issued the year before', () => {
      expect(notice.title).toBe(`国务院办公厅关于${year}年部分节假日安排的通知`);
      expect(notice.issuedOn.startsWith(`${year - 1}-`)).toBe(true);
    });

    it('holds real dates of its own year only, none both a holiday and a make-up working day', () => {
      for (const date of [...days.holidays, ...days.makeUpWorkdays]) {
        expect(DateTime.fromISO(date).isValid && date.startsWith(`${year}-`)).toBe(true);
      }
      expect(days.holidays.filter((d) => days.makeUpWorkdays.includes(d))).toEqual([]);
      expect(new Set(days.holidays).size).toBe(days.holidays.length);
      // The same check the office's own saves go through.
      expect(() => assertValidCalendarYear(year, days)).not.toThrow();
    });

    it('has make-up working days on weekends only, and each festival as long as the notice says', () => {
      expect(days.makeUpWorkdays.filter((d) => weekday(d) <= 5)).toEqual([]);
      for (const festival of notice.festivals) {
        const length = DateTime.fromISO(festival.daysOff.to).diff(DateTime.fromISO(festival.daysOff.from), 'days').days + 1;
        expect([festival.name, length]).toEqual([festival.name, festival.statedDays]);
      }
    });

    it('puts New Year, Labour Day and National Day where the law fixes them', () => {
      expect(days.holidays).toEqual(expect.arrayContaining([`${year}-01-01`, `${year}-05-01`, `${year}-10-01`, `${year}-10-02`, `${year}-10-03`]));
    });
  });

  it('makes the 2026 Spring Festival nine days off between two Saturdays worked', () => {
    const calendar = new WorkingCalendar(noticeCalendarDays(nationalHolidayNotice(2026)!));
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // Saturday, 调休上班
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false); // Monday, 除夕
    expect(calendar.isWorkingDay('2026-02-23')).toBe(false); // Monday, 正月初七
    expect(calendar.shiftWorkingDays('2026-02-13', 2)).toBe('2026-02-24'); // Fri + Sat (worked) + Tue after the holiday
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
  });
});
