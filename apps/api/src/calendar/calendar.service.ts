import { Injectable } from '@nestjs/common';
import { assertValidCalendarYear, DomainError, DomainErrorCode, type Actor } from '@duban/domain';
import { WorkingCalendarRepository, type CalendarYearRevision } from '@duban/persistence';
import type { SetCalendarYearDto } from './calendar.dto';

@Injectable()
export class CalendarService {
  constructor(private readonly calendars: WorkingCalendarRepository) {}

  get(year: number): Promise<CalendarYearRevision> {
    return this.calendars.current(checkedYear(year));
  }

  revisions(year: number): Promise<CalendarYearRevision[]> {
    return this.calendars.revisions(checkedYear(year));
  }

  /** The office sets a year's holidays and make-up working days; each save is a new revision. */
  async set(actor: Actor, year: number, dto: SetCalendarYearDto): Promise<CalendarYearRevision> {
    if (actor.role !== 'office') {
      throw new DomainError(DomainErrorCode.ActionNotPermitted, 'Only the office keeps the working-day calendar');
    }
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
    return saved;
  }
}

function checkedYear(year: number): number {
  if (year < 2000 || year > 2100) {
    throw new DomainError(DomainErrorCode.InvalidCalendar, `The calendar covers the years 2000 to 2100, not ${year}`);
  }
  return year;
}
