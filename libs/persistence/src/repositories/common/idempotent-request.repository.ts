import type { DataSource } from 'typeorm';

/** A keyed request as stored: still running, or done with its answer. */
export interface IdempotentRequestRow {
  requestHash: string;
  status: 'running' | 'done';
  responseStatus: number | null;
  responseBody: unknown;
}

export interface IdempotentRequestId {
  userId: string;
  key: string;
  route: string;
}

/** The store behind Idempotency-Key: claim a key, record its answer, or give the claim back. */
export class IdempotentRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Claims the key for this request; false if a row is already there (running or done). */
  async claim(id: IdempotentRequestId, requestHash: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotent_requests (user_id, key, route, request_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [id.userId, id.key, id.route, requestHash],
    );
    return rows.length === 1;
  }

  async find(id: IdempotentRequestId): Promise<IdempotentRequestRow | null> {
    const rows: IdempotentRequestRow[] = await this.dataSource.query(
      `SELECT request_hash AS "requestHash", status, response_status AS "responseStatus", response_body AS "responseBody"
         FROM idempotent_requests WHERE user_id = $1 AND key = $2 AND route = $3`,
      [id.userId, id.key, id.route],
    );
    return rows[0] ?? null;
  }

  async complete(id: IdempotentRequestId, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotent_requests SET status = 'done', response_status = $4, response_body = $5::jsonb, completed_at = now()
        WHERE user_id = $1 AND key = $2 AND route = $3`,
      [id.userId, id.key, id.route, status, JSON.stringify(body ?? null)],
    );
  }

  /** Gives a claim back (its request failed and changed nothing): a retry may run it again. */
  async release(id: IdempotentRequestId): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotent_requests WHERE user_id = $1 AND key = $2 AND route = $3 AND status = 'running'`, [id.userId, id.key, id.route]);
  }
}
