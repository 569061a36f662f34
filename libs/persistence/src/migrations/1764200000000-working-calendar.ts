import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The office's calendar, one revision per change of a year: who changed what, when, and why. */
export class WorkingCalendar1764200000000 implements MigrationInterface {
  name = 'WorkingCalendar1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE working_calendar_revisions (
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        revision integer NOT NULL CHECK (revision > 0),
        holidays date[] NOT NULL,
        make_up_workdays date[] NOT NULL,
        reason text,
        changed_by uuid NOT NULL REFERENCES users(id),
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (year, revision)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE working_calendar_revisions`);
  }
}
