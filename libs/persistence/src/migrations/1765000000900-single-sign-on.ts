import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on attempts under way: one row per trip to the identity provider, holding what
 * the callback must check (state, nonce, PKCE verifier) and where the console goes afterwards.
 * A callback uses its row once (used_at): a replayed callback finds it used and starts no session.
 */
export class SingleSignOn1765000000900 implements MigrationInterface {
  name = 'SingleSignOn1765000000900';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE single_sign_on_attempts (
        state varchar(64) PRIMARY KEY,
        nonce varchar(64) NOT NULL,
        code_verifier varchar(128) NOT NULL,
        return_to varchar(500) NOT NULL,
        client_address varchar(64),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await db.query(`CREATE INDEX single_sign_on_attempts_expires_at ON single_sign_on_attempts (expires_at)`);
    await db.query(`CREATE INDEX single_sign_on_attempts_open_by_address ON single_sign_on_attempts (client_address, expires_at) WHERE used_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE single_sign_on_attempts`);
  }
}
