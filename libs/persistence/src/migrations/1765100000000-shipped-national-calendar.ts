import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A calendar revision can come from the State Council's notice shipped with Duban rather than
 * from an office user: `shipped_from` names the notice, and such a revision has no user. Every
 * revision is still attributable: a user, or a notice.
 */
export class ShippedNationalCalendar1765100000000 implements MigrationInterface {
  name = 'ShippedNationalCalendar1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE working_calendar_revisions ADD COLUMN shipped_from text`);
    await db.query(`ALTER TABLE working_calendar_revisions ALTER COLUMN changed_by DROP NOT NULL`);
    await db.query(`
      ALTER TABLE working_calendar_revisions ADD CONSTRAINT working_calendar_revisions_attributed
        CHECK ((changed_by IS NULL) <> (shipped_from IS NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM working_calendar_revisions WHERE changed_by IS NULL`);
    await db.query(`ALTER TABLE working_calendar_revisions DROP CONSTRAINT working_calendar_revisions_attributed`);
    await db.query(`ALTER TABLE working_calendar_revisions ALTER COLUMN changed_by SET NOT NULL`);
    await db.query(`ALTER TABLE working_calendar_revisions DROP COLUMN shipped_from`);
  }
}
