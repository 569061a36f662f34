import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a duty gathers besides its transitions: evidence files (kept in PostgreSQL, one copy
 * per duty and checksum), the comment thread between the office and the department, and one
 * row per reminder sent (until now only the last one was kept, on the duty). Transitions learn
 * the departments of a reassignment and the evidence a submission names.
 */
export class DutyEvidence1764500000000 implements MigrationInterface {
  name = 'DutyEvidence1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE duty_evidence (
        id uuid PRIMARY KEY,
        duty_id uuid NOT NULL REFERENCES duties(id),
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        kind varchar(16) NOT NULL,
        content_type varchar(200) NOT NULL,
        file_name varchar(255) NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        uploader_username varchar(64) NOT NULL,
        uploader_role varchar(32) NOT NULL,
        uploader_department_id uuid REFERENCES departments(id),
        uploaded_at timestamptz NOT NULL,
        -- The same bytes sent twice to one duty are one file.
        UNIQUE (duty_id, sha256)
      )`);
    await db.query(`
      CREATE TABLE duty_comments (
        id uuid PRIMARY KEY,
        duty_id uuid NOT NULL REFERENCES duties(id),
        author_user_id uuid NOT NULL REFERENCES users(id),
        author_username varchar(64) NOT NULL,
        author_role varchar(32) NOT NULL,
        author_department_id uuid REFERENCES departments(id),
        body text NOT NULL CHECK (length(body) > 0),
        created_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX duty_comments_duty ON duty_comments (duty_id, created_at)`);
    await db.query(`
      CREATE TABLE duty_reminders (
        id bigserial PRIMARY KEY,
        duty_id uuid NOT NULL REFERENCES duties(id),
        -- The due time the reminder was for; NULL for reminders recorded before this table.
        due_at timestamptz,
        reminded_at timestamptz NOT NULL,
        department_id uuid REFERENCES departments(id),
        UNIQUE (duty_id, due_at)
      )`);
    // The last reminder of each duty is all that was kept; its due time may since have moved.
    await db.query(`INSERT INTO duty_reminders (duty_id, due_at, reminded_at, department_id)
                    SELECT id, NULL, reminded_at, department_id FROM duties WHERE reminded_at IS NOT NULL`);
    await db.query(`
      ALTER TABLE duty_transitions
        ADD COLUMN from_department_id uuid REFERENCES departments(id),
        ADD COLUMN to_department_id uuid REFERENCES departments(id),
        ADD COLUMN evidence_ids uuid[]`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE duty_transitions DROP COLUMN evidence_ids, DROP COLUMN to_department_id,
                      DROP COLUMN from_department_id`);
    await db.query(`DROP TABLE duty_reminders`);
    await db.query(`DROP TABLE duty_comments`);
    await db.query(`DROP TABLE duty_evidence`);
  }
}
