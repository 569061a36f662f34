import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Go-live (issue 14): the system administrator role, users that can be switched off (never
 * deleted: history keeps naming who acted), sign-in sessions that can be revoked, counters of
 * failed sign-ins shared by every API process, one-time password-reset links, the audit log,
 * and departments that can be renamed, given their people's names and phones, and deactivated.
 */
export class GoLive1765000000000 implements MigrationInterface {
  name = 'GoLive1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await db.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'office', 'department_officer', 'inspector', 'viewer'))`);
    await db.query(`ALTER TABLE saved_filters DROP CONSTRAINT saved_filters_shared_with_role_check`);
    await db.query(`ALTER TABLE saved_filters ADD CONSTRAINT saved_filters_shared_with_role_check
      CHECK (shared_with_role IN ('admin', 'office', 'department_officer', 'inspector', 'viewer'))`);
    await db.query(`
      ALTER TABLE users
        ADD COLUMN phone varchar(32),
        ADD COLUMN active boolean NOT NULL DEFAULT true,
        ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
        ADD COLUMN password_changed_at timestamptz,
        -- Single sign-on: the identity platform's value of the configured claim.
        ADD COLUMN external_subject varchar(255),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN updated_by uuid REFERENCES users(id),
        ADD COLUMN deactivated_at timestamptz,
        -- No local password (a user who signs in only through single sign-on).
        ALTER COLUMN password_hash DROP NOT NULL`);
    await db.query(`CREATE UNIQUE INDEX users_external_subject_key ON users (external_subject) WHERE external_subject IS NOT NULL`);
    // Usernames are compared without case at sign-in: two that differ only in case are one.
    await db.query(`CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username))`);

    await db.query(`
      CREATE TABLE sign_in_sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        method varchar(16) NOT NULL CHECK (method IN ('password', 'oidc')),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        client_address varchar(64),
        user_agent varchar(300),
        revoked_at timestamptz,
        revoked_reason varchar(64)
      )`);
    await db.query(`CREATE INDEX sign_in_sessions_user_live ON sign_in_sessions (user_id) WHERE revoked_at IS NULL`);

    // One row per account name (known or not, so that an unknown name behaves as a known one)
    // and per client address: failures since the last success, and a lock the administrator lifts.
    await db.query(`
      CREATE TABLE sign_in_failures (
        key varchar(160) PRIMARY KEY,
        kind varchar(8) NOT NULL CHECK (kind IN ('account', 'address')),
        failures integer NOT NULL DEFAULT 0,
        first_failure_at timestamptz NOT NULL DEFAULT now(),
        last_failure_at timestamptz NOT NULL DEFAULT now(),
        locked_at timestamptz
      )`);

    await db.query(`
      CREATE TABLE password_reset_links (
        token_hash char(64) PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);

    await db.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES users(id),
        -- Kept as typed: a failed sign-in names an account that may not exist.
        actor_username varchar(200),
        action varchar(64) NOT NULL,
        target_type varchar(32),
        target_id varchar(64),
        target_label varchar(200),
        from_value jsonb,
        to_value jsonb,
        reason text,
        client_address varchar(64)
      )`);
    await db.query(`CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC)`);
    await db.query(`CREATE INDEX audit_log_target ON audit_log (target_type, target_id)`);
    await db.query(`CREATE INDEX audit_log_actor ON audit_log (actor_id)`);

    await db.query(`
      ALTER TABLE departments
        ADD COLUMN active boolean NOT NULL DEFAULT true,
        ADD COLUMN liaison_name varchar(100),
        ADD COLUMN liaison_phone varchar(32),
        ADD COLUMN head_name varchar(100),
        ADD COLUMN head_phone varchar(32),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN updated_by uuid REFERENCES users(id),
        ADD COLUMN deactivated_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE departments DROP COLUMN active, DROP COLUMN liaison_name, DROP COLUMN liaison_phone, DROP COLUMN head_name,
      DROP COLUMN head_phone, DROP COLUMN updated_at, DROP COLUMN updated_by, DROP COLUMN deactivated_at`);
    await db.query(`DROP TABLE audit_log`);
    await db.query(`DROP TABLE password_reset_links`);
    await db.query(`DROP TABLE sign_in_failures`);
    await db.query(`DROP TABLE sign_in_sessions`);
    await db.query(`DROP INDEX users_username_lower_key`);
    await db.query(`DROP INDEX users_external_subject_key`);
    await db.query(`DELETE FROM saved_filters WHERE shared_with_role = 'admin'`);
    await db.query(`ALTER TABLE saved_filters DROP CONSTRAINT saved_filters_shared_with_role_check`);
    await db.query(`ALTER TABLE saved_filters ADD CONSTRAINT saved_filters_shared_with_role_check
      CHECK (shared_with_role IN ('office', 'department_officer', 'inspector', 'viewer'))`);
    await db.query(`DELETE FROM users WHERE role = 'admin'`);
    await db.query(`ALTER TABLE users DROP COLUMN phone, DROP COLUMN active, DROP COLUMN must_change_password, DROP COLUMN password_changed_at,
      DROP COLUMN external_subject, DROP COLUMN updated_at, DROP COLUMN updated_by, DROP COLUMN deactivated_at`);
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await db.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('office', 'department_officer', 'inspector', 'viewer'))`);
  }
}
