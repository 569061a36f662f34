import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An approved exposure is withdrawn when its case closes (the unit rectified, or the office
 * dismissed the case): who, when and why are kept with the proposal, and when it was approved.
 * Exposures approved before this migration whose case has closed since are withdrawn here, from
 * the transition that closed the case: they were still printed on the public list.
 */
export class ExposureWithdrawal1765104000000 implements MigrationInterface {
  name = 'ExposureWithdrawal1765104000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE exposure_proposals
        ADD COLUMN approved_at timestamptz,
        ADD COLUMN withdrawn_at timestamptz,
        -- The closing transition's actor: a user, or the system actor (not a row of users).
        ADD COLUMN withdrawn_by uuid,
        ADD COLUMN withdrawer_username varchar(64),
        ADD COLUMN withdrawal_reason text`);
    await db.query(`UPDATE exposure_proposals SET approved_at = decided_at WHERE status = 'approved'`);
    await db.query(`UPDATE exposure_proposals SET withdrawn_at = decided_at, withdrawal_reason = decision_reason WHERE status = 'withdrawn'`);
    await db.query(`
      UPDATE exposure_proposals ep
         SET status = 'withdrawn', withdrawn_at = c.closed_at, withdrawn_by = t.actor_user_id, withdrawer_username = t.actor_username,
             withdrawal_reason = CASE WHEN c.outcome = 'rectified' THEN 'The unit rectified' ELSE 'The office dismissed the case' END || COALESCE('：' || t.reason, '')
        FROM compliance_cases c
        LEFT JOIN LATERAL (SELECT actor_user_id, actor_username, reason FROM compliance_case_transitions
                           WHERE case_id = c.id AND to_state = 'closed' ORDER BY seq DESC LIMIT 1) t ON true
       WHERE c.id = ep.case_id AND ep.status = 'approved' AND c.state = 'closed'`);
  }

  async down(db: QueryRunner): Promise<void> {
    // Withdrawn after approval goes back to approved: the record of before this migration.
    await db.query(`UPDATE exposure_proposals SET status = 'approved' WHERE status = 'withdrawn' AND approved_at IS NOT NULL`);
    await db.query(`
      ALTER TABLE exposure_proposals
        DROP COLUMN approved_at, DROP COLUMN withdrawn_at, DROP COLUMN withdrawn_by, DROP COLUMN withdrawer_username, DROP COLUMN withdrawal_reason`);
  }
}
