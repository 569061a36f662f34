import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { assertMay, assertValidCalendarYear, DomainError, DomainErrorCode, DUBAN_TIME_ZONE, nationalHolidayNotice, type Actor } from '@duban/domain';
import { WorkingCalendarRepository } from '@duban/persistence';
import type { CalendarYearRevision, CalendarYearView, ShippedNoticeView } from '@duban/contracts';
import type { SetCalendarYearDto } from './calendar.dto';
import { calendarRevisionView, calendarYearView } from './calendar.views';

@Injectable()
export class CalendarService {
  private readonly logger = new Logger('Calendar');

  constructor(
    private readonly calendars: WorkingCalendarRepository,
    private readonly dataSource: DataSource,
  ) {}

  async get(year: number): Promise<CalendarYearView> {
    return calendarYearView(await this.calendars.current(checkedYear(year)), shippedNotice(year));
  }

  async revisions(year: number): Promise<CalendarYearRevision[]> {
    return (await this.calendars.revisions(checkedYear(year))).map(calendarRevisionView);
  }

  /** The office sets a year's holidays and make-up working days; each save is a new revision. */
  async set(actor: Actor, year: number, dto: SetCalendarYearDto): Promise<CalendarYearView> {
    assertMay(actor, 'calendar.edit');
    checkedYear(year);
    const days = { holidays: [...new Set(dto.holidays)], makeUpWorkdays: [...new Set(dto.makeUpWorkdays)] };
    assertValidCalendarYear(year, days);
    const saved = await this.calendars.saveRevision(year, dto.expectedRevision, days, actor.userId, dto.reason ?? null);
    if (!saved) {
      const current = await this.calendars.current(year);
      throw new DomainError(
        DomainErrorCode.CalendarChangedMeanwhile,
        `The ${year} calendar is at revision ${current.revision}, not ${dto.expectedRevision}: reload and apply your change again`,
      );
    }
    return calendarYearView(saved, shippedNotice(year));
  }

  /**
   * The start log's warning: this year, next year and every year of a campaign's period that
   * has not ended, when Duban ships no State Council notice for it — the office must type that
   * year's holidays in, or due dates there count Monday to Friday only.
   */
  async warnAboutYearsNotShipped(now: Date = new Date()): Promise<number[]> {
    const thisYear = DateTime.fromJSDate(now, { zone: DUBAN_TIME_ZONE }).year;
    const rows: Array<{ year: number }> = await this.dataSource.query(
      `SELECT DISTINCT generate_series(GREATEST(extract(year FROM period_start)::int, $1), extract(year FROM period_end)::int) AS year
         FROM campaigns WHERE extract(year FROM period_end)::int >= $1`,
      [thisYear],
    );
    const years = [...new Set([thisYear, thisYear + 1, ...rows.map((r) => r.year)])].sort((a, b) => a - b);
    const missing = years.filter((year) => year <= 2100 && !nationalHolidayNotice(year));
    for (const year of missing) {
      const current = await this.calendars.current(year);
      this.logger.warn(
        current.revision === 0
          ? `No State Council holiday notice for ${year} ships with Duban and the office has not set ${year}: ` +
              `its due dates count Monday to Friday only until the office enters the notice's days (PUT /calendar/${year}, or the console's calendar page)`
          : `No State Council holiday notice for ${year} ships with Duban: ${year} runs on the office's revision ${current.revision}`,
      );
    }
    return missing;
  }
}

function shippedNotice(year: number): ShippedNoticeView | null {
  const notice = nationalHolidayNotice(year);
  return notice ? { title: notice.title, number: notice.number, issuedOn: notice.issuedOn } : null;
}

function checkedYear(year: number): number {
  if (year < 2000 || year > 2100) {
    throw new DomainError(DomainErrorCode.InvalidCalendar, `The calendar covers the years 2000 to 2100, not ${year}`);
  }
  return year;
}
