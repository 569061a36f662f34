import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the assessment and the circulars record beyond the reports groundwork: why the office
 * finalised an assessment, why a circular's draft was revised, and circular serial numbers
 * unique across the office (衡扩面办通〔2026〕3号 is issued once).
 */
export class Assessment1764900000200 implements MigrationInterface {
  name = 'Assessment1764900000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE assessments ADD COLUMN finalise_reason text, ADD COLUMN created_at timestamptz NOT NULL DEFAULT now()`);
    await db.query(`ALTER TABLE circulars ADD COLUMN revision_reason text`);
    await db.query(`CREATE UNIQUE INDEX circulars_serial_number ON circulars (serial_number) WHERE serial_number IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX circulars_serial_number`);
    await db.query(`ALTER TABLE circulars DROP COLUMN revision_reason`);
    await db.query(`ALTER TABLE assessments DROP COLUMN created_at, DROP COLUMN finalise_reason`);
  }
}
