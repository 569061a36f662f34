import { DateTime } from 'luxon';
import { DomainError, DomainErrorCode } from '../errors';

/** Every deadline in Duban is local time for its users (docs/domain.md, "Working days, the calendar and the time zone"). */
export const DUBAN_TIME_ZONE = 'Asia/Shanghai';

/** What the office keeps per year: public holidays and make-up working days (调休). */
export interface WorkingCalendarDays {
  /** ISO dates (YYYY-MM-DD) that are days off although they may fall on a weekday. */
  holidays: readonly string[];
  /** ISO dates that are working days although they fall on a weekend. */
  makeUpWorkdays: readonly string[];
}

export const EMPTY_CALENDAR: WorkingCalendarDays = { holidays: [], makeUpWorkdays: [] };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** No plan looks further than this; a calendar that never has a working day is a mistake. */
const MAX_DAYS_SCANNED = 3660;

export class InvalidCalendarError extends Error {}

/**
 * Working days in one time zone: Monday to Friday, minus holidays, plus make-up working days.
 * Pure and deterministic (dates come in, dates go out), so workflows use it as well.
 */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<string>;
  private readonly makeUpWorkdays: ReadonlySet<string>;

  constructor(
    days: WorkingCalendarDays = EMPTY_CALENDAR,
    readonly zone: string = DUBAN_TIME_ZONE,
  ) {
    for (const date of [...days.holidays, ...days.makeUpWorkdays]) {
      if (!ISO_DATE.test(date) || !DateTime.fromISO(date, { zone }).isValid) {
        throw new InvalidCalendarError(`${date} is not a date (YYYY-MM-DD)`);
      }
    }
    const both = days.holidays.filter((d) => days.makeUpWorkdays.includes(d));
    if (both.length > 0) throw new InvalidCalendarError(`${both.join(', ')} cannot be both a holiday and a working day`);
    this.holidays = new Set(days.holidays);
    this.makeUpWorkdays = new Set(days.makeUpWorkdays);
  }

  isWorkingDay(date: string): boolean {
    if (this.makeUpWorkdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    return this.day(date).weekday <= 5;
  }

  /** The local date (YYYY-MM-DD) of an instant. */
  localDate(instant: number): string {
    return DateTime.fromMillis(instant, { zone: this.zone }).toISODate()!;
  }

  /**
   * The working day `n` working days after `date` (before it when n < 0). With n = 0: `date`
   * itself when it is a working day, else the next working day.
   */
  shiftWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError(`a whole number of working days is needed, got ${n}`);
    let day = this.day(date);
    const step = n < 0 ? -1 : 1;
    let remaining = Math.abs(n);
    if (n === 0) {
      for (let i = 0; !this.isWorkingDay(day.toISODate()!); i++) {
        if (i > MAX_DAYS_SCANNED) throw new InvalidCalendarError('no working day within ten years');
        day = day.plus({ days: 1 });
      }
      return day.toISODate()!;
    }
    for (let i = 0; remaining > 0; i++) {
      if (i > MAX_DAYS_SCANNED) throw new InvalidCalendarError('no working day within ten years');
      day = day.plus({ days: step });
      if (this.isWorkingDay(day.toISODate()!)) remaining--;
    }
    return day.toISODate()!;
  }

  /** The last millisecond of a local day: deadlines fall at the end of the day. */
  endOfDay(date: string): number {
    return this.day(date).endOf('day').toMillis();
  }

  /**
   * The instant `n` working days after (or before) `instant`, at the same local time of day.
   * Zero working days is the instant itself, even on a day off.
   */
  addWorkingDays(instant: number, n: number): number {
    if (n === 0) return instant;
    const local = DateTime.fromMillis(instant, { zone: this.zone });
    const target = this.day(this.shiftWorkingDays(local.toISODate()!, n));
    return target.set({ hour: local.hour, minute: local.minute, second: local.second, millisecond: local.millisecond }).toMillis();
  }

  /** A deadline `n` working days after the local date of `instant`: the end of that working day. */
  deadlineAfterWorkingDays(instant: number, n: number): number {
    return this.endOfDay(this.shiftWorkingDays(this.localDate(instant), n));
  }

  private day(date: string): DateTime {
    const day = DateTime.fromISO(date, { zone: this.zone });
    if (!day.isValid) throw new InvalidCalendarError(`${date} is not a date (YYYY-MM-DD)`);
    return day.startOf('day');
  }
}

/**
 * Checks what the office sets for one year: real dates, all in that year, none both a holiday
 * and a make-up working day, and make-up working days on weekends only.
 */
export function assertValidCalendarYear(year: number, days: WorkingCalendarDays): void {
  try {
    new WorkingCalendar(days);
  } catch (error) {
    if (error instanceof InvalidCalendarError) throw new DomainError(DomainErrorCode.InvalidCalendar, error.message);
    throw error;
  }
  const outside = [...days.holidays, ...days.makeUpWorkdays].filter((d) => !d.startsWith(`${year}-`));
  if (outside.length > 0) {
    throw new DomainError(DomainErrorCode.InvalidCalendar, `${outside.join(', ')} not in ${year}`);
  }
  const weekdays = days.makeUpWorkdays.filter((d) => DateTime.fromISO(d).weekday <= 5);
  if (weekdays.length > 0) {
    throw new DomainError(DomainErrorCode.InvalidCalendar, `${weekdays.join(', ')} fall on weekdays: a make-up working day is a weekend day worked`);
  }
}
