import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A phase launched before its window opens: the office's explicit choice (`early` with a reason),
 * kept on the phase beside the forced launch's reason, so the record says who opened it early and why.
 */
export class EarlyLaunch1765200000000 implements MigrationInterface {
  name = 'EarlyLaunch1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE campaign_phases ADD COLUMN launched_early boolean NOT NULL DEFAULT false, ADD COLUMN early_reason text`);
    await db.query(`ALTER TABLE campaign_phases ADD CONSTRAINT campaign_phases_early_has_reason CHECK (NOT launched_early OR length(trim(early_reason)) > 0)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE campaign_phases DROP CONSTRAINT campaign_phases_early_has_reason`);
    await db.query(`ALTER TABLE campaign_phases DROP COLUMN early_reason, DROP COLUMN launched_early`);
  }
}
