// The working-day calendar: a year's public holidays and the weekend days worked instead (调休),
// kept by the office in revisions (GET/PUT /calendar/:year, GET /calendar/:year/revisions).
import type { IsoInstant } from './common';

/** One revision of a year's calendar (GET /calendar/:year/revisions, oldest first). */
export interface CalendarYearRevision {
  year: number;
  /** 0 when the office has not set the year yet. */
  revision: number;
  holidays: string[];
  makeUpWorkdays: string[];
  reason: string | null;
  /** The office user who saved it; null for a year not set and for a revision shipped with Duban. */
  changedBy: string | null;
  changedAt: IsoInstant | null;
  /** The State Council notice a shipped revision was loaded from; null when the office saved it. */
  shippedFrom: string | null;
}

/** The State Council notice Duban ships for a year, as the calendar page names it. */
export interface ShippedNoticeView {
  title: string;
  /** 文号; null where the shipped text did not carry it. */
  number: string | null;
  issuedOn: string;
}

/** GET /calendar/:year and the answer to PUT: a year's current revision, and whether Duban ships the State Council's notice for it. */
export interface CalendarYearView extends CalendarYearRevision {
  /** Null: Duban ships no notice for the year, so only what the office sets counts (a flag on the page). */
  shippedNotice: ShippedNoticeView | null;
}

/** PUT /calendar/:year: the office's new revision of the year. */
export interface SetCalendarYearBody {
  /** Public holidays (YYYY-MM-DD). */
  holidays: string[];
  /** Weekend days worked instead (调休), YYYY-MM-DD. */
  makeUpWorkdays: string[];
  /** The revision this change is based on (0 for a year not yet set). */
  expectedRevision: number;
  reason?: string;
}
