import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Requests sent with an Idempotency-Key: one row per user, key and route, holding a hash of
 * the body and, once the request has been answered, the answer, so that a retry replays it
 * rather than doing the work again. A row without an answer is a request still running.
 */
export class IdempotentRequests1764900000600 implements MigrationInterface {
  name = 'IdempotentRequests1764900000600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE idempotent_requests (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        key varchar(255) NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
        route text NOT NULL,
        request_hash char(64) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done')),
        response_status smallint,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        CONSTRAINT idempotent_requests_pkey PRIMARY KEY (user_id, key, route),
        CHECK ((status = 'done') = (response_status IS NOT NULL))
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE idempotent_requests`);
  }
}
