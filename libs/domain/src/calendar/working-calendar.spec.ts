import { DateTime } from 'luxon';
import { InvalidCalendarError, WorkingCalendar } from './working-calendar';

// The 2025 National Day week as the State Council set it: Oct 1–8 off, Sun Sep 28 and
// Sat Oct 11 worked instead.
const nationalDay2025 = new WorkingCalendar({
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
  makeUpWorkdays: ['2025-09-28', '2025-10-11'],
});
const plain = new WorkingCalendar();
const shanghai = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Shanghai' }).toMillis();

describe('WorkingCalendar', () => {
  it('knows weekends, holidays and make-up working days', () => {
    expect(plain.isWorkingDay('2025-09-26')).toBe(true); // Friday
    expect(plain.isWorkingDay('2025-09-27')).toBe(false); // Saturday
    expect(nationalDay2025.isWorkingDay('2025-09-28')).toBe(true); // Sunday, made up
    expect(nationalDay2025.isWorkingDay('2025-10-01')).toBe(false); // Wednesday, holiday
    expect(nationalDay2025.isWorkingDay('2025-10-11')).toBe(true); // Saturday, made up
  });

  it('counts working days across a holiday week with make-up days', () => {
    // Friday 26 Sep + 1 = Sunday 28 (made up); + 2 = Monday 29; + 3 = Tuesday 30; + 4 = Thursday 9 Oct.
    expect(nationalDay2025.shiftWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
    expect(nationalDay2025.shiftWorkingDays('2025-09-26', 3)).toBe('2025-09-30');
    expect(nationalDay2025.shiftWorkingDays('2025-09-26', 4)).toBe('2025-10-09');
    expect(nationalDay2025.shiftWorkingDays('2025-10-09', 2)).toBe('2025-10-11');
    expect(nationalDay2025.shiftWorkingDays('2025-10-09', -4)).toBe('2025-09-26'); // 30, 29, 28 (made up), 26
    expect(plain.shiftWorkingDays('2025-09-26', 1)).toBe('2025-09-29');
  });

  it('with zero working days, keeps a working day and moves a day off to the next working day', () => {
    expect(nationalDay2025.shiftWorkingDays('2025-09-30', 0)).toBe('2025-09-30');
    expect(nationalDay2025.shiftWorkingDays('2025-10-04', 0)).toBe('2025-10-09');
  });

  it('puts deadlines at the end of the day in Asia/Shanghai', () => {
    const deadline = plain.endOfDay('2025-12-31');
    expect(new Date(deadline).toISOString()).toBe('2025-12-31T15:59:59.999Z');
    // 23:30 UTC on 30 Sep is already 1 Oct in Shanghai: the local date decides.
    expect(nationalDay2025.localDate(Date.parse('2025-09-30T23:30:00Z'))).toBe('2025-10-01');
    expect(nationalDay2025.deadlineAfterWorkingDays(Date.parse('2025-09-30T23:30:00Z'), 0)).toBe(shanghai('2025-10-09T23:59:59.999'));
  });

  it('moves an instant by working days at the same local time', () => {
    expect(nationalDay2025.addWorkingDays(shanghai('2025-10-09T18:00'), -2)).toBe(shanghai('2025-09-29T18:00'));
    expect(plain.addWorkingDays(shanghai('2025-10-10T18:00'), 1)).toBe(shanghai('2025-10-13T18:00'));
    // Zero is the instant itself, also on a day off (an overdue notice at a Sunday due time).
    expect(plain.addWorkingDays(shanghai('2025-10-12T18:00'), 0)).toBe(shanghai('2025-10-12T18:00'));
    expect(plain.addWorkingDays(shanghai('2025-10-12T18:00'), 1)).toBe(shanghai('2025-10-13T18:00'));
  });

  it('refuses bad dates and a day that is both off and on', () => {
    expect(() => new WorkingCalendar({ holidays: ['2025-02-30'], makeUpWorkdays: [] })).toThrow(InvalidCalendarError);
    expect(() => new WorkingCalendar({ holidays: ['1 Oct'], makeUpWorkdays: [] })).toThrow(InvalidCalendarError);
    expect(() => new WorkingCalendar({ holidays: ['2025-10-01'], makeUpWorkdays: ['2025-10-01'] })).toThrow('cannot be both');
    expect(() => plain.shiftWorkingDays('2025-10-01', 1.5)).toThrow(RangeError);
  });
});
