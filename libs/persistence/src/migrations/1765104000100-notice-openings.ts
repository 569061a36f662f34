import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each time an employer opens its rectification order through the link of the notice e-mail
 * (GET /notices/:token, no account): when, from where, and until when the link was good.
 */
export class NoticeOpenings1765104000100 implements MigrationInterface {
  name = 'NoticeOpenings1765104000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notice_openings (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES compliance_cases(id),
        opened_at timestamptz NOT NULL DEFAULT now(),
        client_address varchar(64),
        user_agent varchar(500),
        link_expires_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX notice_openings_case ON notice_openings (case_id, opened_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notice_openings`);
  }
}
