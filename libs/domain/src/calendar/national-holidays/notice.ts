import { DateTime } from 'luxon';
import type { WorkingCalendarDays } from '../working-calendar';

/**
 * One festival of a State Council notice, as the notice states it: the days off (放假, a span
 * or a single day), how many days it says they are (共n天), and the weekend days worked instead
 * (调休上班).
 */
export interface NoticeFestival {
  name: string;
  daysOff: { from: string; to: string };
  /** 共n天 as the notice says it; the spec checks the span against it. */
  statedDays: number;
  makeUpWorkdays: readonly string[];
}

/**
 * The State Council General Office's (国务院办公厅) yearly notice of public holidays and make-up
 * working days (国务院办公厅关于YYYY年部分节假日安排的通知), shipped with Duban so that no office
 * has to type it in. Only notices whose text was read are shipped; a year without one is the
 * office's to set (`PUT /calendar/:year`).
 */
export interface NationalHolidayNotice {
  year: number;
  title: string;
  /** 文号, e.g. 国办发明电〔2024〕12号; null where the shipped text did not carry it. */
  number: string | null;
  /** The notice's date (YYYY-MM-DD). */
  issuedOn: string;
  festivals: readonly NoticeFestival[];
}

/** Every date of a span, both ends included. */
function datesFrom(from: string, to: string): string[] {
  const out: string[] = [];
  const end = DateTime.fromISO(to, { zone: 'UTC' });
  for (let day = DateTime.fromISO(from, { zone: 'UTC' }); day <= end; day = day.plus({ days: 1 })) out.push(day.toISODate()!);
  return out;
}

/** A notice as the calendar keeps it: every day off (weekend days of a holiday included) and every make-up working day. */
export function noticeCalendarDays(notice: NationalHolidayNotice): WorkingCalendarDays {
  return {
    holidays: notice.festivals.flatMap((f) => datesFrom(f.daysOff.from, f.daysOff.to)).sort(),
    makeUpWorkdays: notice.festivals
      .flatMap((f) => f.makeUpWorkdays)
      .slice()
      .sort(),
  };
}

/** Where a shipped year comes from, in words for the record and the page: title, 文号 and date. */
export function noticeCitation(notice: NationalHolidayNotice): string {
  return `${notice.title}${notice.number ? `（${notice.number}）` : ''}，${notice.issuedOn}`;
}
