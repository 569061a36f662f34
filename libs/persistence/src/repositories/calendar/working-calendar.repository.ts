import type { DataSource } from 'typeorm';
import type { WorkingCalendarDays } from '@duban/domain';
import { isUniqueViolation } from '../common/pg-errors';

export interface CalendarYearRevision {
  year: number;
  /** 0 when the office has not set the year yet. */
  revision: number;
  holidays: string[];
  makeUpWorkdays: string[];
  reason: string | null;
  /** The office user who saved it; null for a year not set and for a revision shipped with Duban. */
  changedBy: string | null;
  changedAt: Date | null;
  /** The State Council notice a shipped revision was loaded from; null when the office saved it. */
  shippedFrom: string | null;
}

interface RevisionRow {
  year: number;
  revision: number;
  holidays: string[];
  make_up_workdays: string[];
  reason: string | null;
  changed_by: string | null;
  changed_at: Date | null;
  shipped_from: string | null;
}

const toRevision = (row: RevisionRow): CalendarYearRevision => ({
  year: row.year,
  revision: row.revision,
  holidays: row.holidays,
  makeUpWorkdays: row.make_up_workdays,
  reason: row.reason,
  changedBy: row.changed_by,
  changedAt: row.changed_at,
  shippedFrom: row.shipped_from,
});

// Dates as text, so no time zone ever shifts a holiday by a day.
const COLUMNS = `year, revision, holidays::text[] AS holidays, make_up_workdays::text[] AS make_up_workdays,
                 reason, changed_by, changed_at, shipped_from`;

export class WorkingCalendarRepository {
  constructor(private readonly dataSource: DataSource) {}

  async current(year: number): Promise<CalendarYearRevision> {
    const rows: RevisionRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM working_calendar_revisions WHERE year = $1 ORDER BY revision DESC LIMIT 1`, [year]);
    return rows[0] ? toRevision(rows[0]) : { year, revision: 0, holidays: [], makeUpWorkdays: [], reason: null, changedBy: null, changedAt: null, shippedFrom: null };
  }

  async revisions(year: number): Promise<CalendarYearRevision[]> {
    const rows: RevisionRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM working_calendar_revisions WHERE year = $1 ORDER BY revision`, [year]);
    return rows.map(toRevision);
  }

  /**
   * Writes the next revision of a year. `expectedRevision` is the one the caller saw: if
   * someone else saved in between, nothing is written and null comes back.
   */
  async saveRevision(year: number, expectedRevision: number, days: WorkingCalendarDays, changedBy: string, reason: string | null): Promise<CalendarYearRevision | null> {
    try {
      const rows: RevisionRow[] = await this.dataSource.query(
        `INSERT INTO working_calendar_revisions (year, revision, holidays, make_up_workdays, reason, changed_by)
         SELECT $1, $2 + 1, $3::date[], $4::date[], $5, $6
         WHERE COALESCE((SELECT max(revision) FROM working_calendar_revisions WHERE year = $1), 0) = $2
         RETURNING ${COLUMNS}`,
        [year, expectedRevision, [...days.holidays].sort(), [...days.makeUpWorkdays].sort(), reason, changedBy],
      );
      return rows[0] ? toRevision(rows[0]) : null;
    } catch (error) {
      // Two saves of the same revision at once: the primary key lets one through.
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /**
   * Loads a year shipped with Duban as its revision 1, only when the year has no revision yet:
   * an office that set the year itself, or amended the shipped days, keeps what it saved. Safe
   * to run at every start and from two processes at once (the primary key lets one through).
   * Returns whether it wrote the year.
   */
  async loadShippedYear(year: number, days: WorkingCalendarDays, shippedFrom: string, reason: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO working_calendar_revisions (year, revision, holidays, make_up_workdays, reason, changed_by, shipped_from)
       VALUES ($1, 1, $2::date[], $3::date[], $4, NULL, $5)
       ON CONFLICT (year, revision) DO NOTHING
       RETURNING year`,
      [year, [...days.holidays].sort(), [...days.makeUpWorkdays].sort(), reason, shippedFrom],
    );
    return rows.length > 0;
  }

  /** Every year's current days, merged: what a new duty's clock runs on. */
  async allCurrentDays(): Promise<WorkingCalendarDays> {
    const rows: Array<{ holidays: string[]; make_up_workdays: string[] }> = await this.dataSource.query(
      `SELECT DISTINCT ON (year) holidays::text[] AS holidays, make_up_workdays::text[] AS make_up_workdays
       FROM working_calendar_revisions ORDER BY year, revision DESC`,
    );
    return {
      holidays: rows.flatMap((r) => r.holidays),
      makeUpWorkdays: rows.flatMap((r) => r.make_up_workdays),
    };
  }
}
