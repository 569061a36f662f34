import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An extension is a history entry that sets a new due time. */
export class DutyExtensions1764100000000 implements MigrationInterface {
  name = 'DutyExtensions1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE duty_transitions ADD COLUMN due_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE duty_transitions DROP COLUMN due_at`);
  }
}
