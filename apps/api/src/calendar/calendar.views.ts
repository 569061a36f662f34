import type { CalendarYearRevision, CalendarYearView, ShippedNoticeView } from '@duban/contracts';
import type { CalendarYearRevision as CalendarYearRevisionRow } from '@duban/persistence';
import { isoDateOrNull } from '../common/instants';

// Rows of the working-calendar repository mapped to the answers of libs/contracts/src/calendar.ts.

export function calendarRevisionView(row: CalendarYearRevisionRow): CalendarYearRevision {
  return {
    year: row.year,
    revision: row.revision,
    holidays: row.holidays,
    makeUpWorkdays: row.makeUpWorkdays,
    reason: row.reason,
    changedBy: row.changedBy,
    changedAt: isoDateOrNull(row.changedAt),
    shippedFrom: row.shippedFrom,
  };
}

export function calendarYearView(row: CalendarYearRevisionRow, shippedNotice: ShippedNoticeView | null): CalendarYearView {
  return { ...calendarRevisionView(row), shippedNotice };
}
