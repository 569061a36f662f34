import type { DataSource } from 'typeorm';
import { NATIONAL_HOLIDAY_NOTICES, noticeCalendarDays, noticeCitation } from '@duban/domain';
import { WorkingCalendarRepository } from './repositories/calendar/working-calendar.repository';

/**
 * A start-up step, after the migrations: each year whose State Council notice ships with Duban
 * and that has no revision yet gets the notice's days as revision 1. A step rather than a
 * migration so that a notice added in a later release loads on the next start, and so that an
 * office's own revisions (or a year it set before the notice shipped) are never overwritten.
 * Returns the years it loaded.
 */
export async function loadShippedNationalCalendars(dataSource: DataSource): Promise<number[]> {
  const calendars = new WorkingCalendarRepository(dataSource);
  const loaded: number[] = [];
  for (const notice of NATIONAL_HOLIDAY_NOTICES) {
    const citation = noticeCitation(notice);
    if (await calendars.loadShippedYear(notice.year, noticeCalendarDays(notice), citation, `按${citation}预置`)) loaded.push(notice.year);
  }
  return loaded;
}
