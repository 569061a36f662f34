import type { DataSource, Repository } from 'typeorm';
import { EmailEntity } from '../../entities/common/email.entity';

export interface EmailDraft {
  idempotencyKey: string;
  dutyId: string | null;
  recipients: string[];
  subject: string;
  body: string;
  messageId: string;
}

/** The message as first recorded under its key: a resend sends this, not a fresh rendering. */
export interface StoredEmail {
  recipients: string[];
  subject: string;
  body: string;
  messageId: string;
}

export type EmailClaim =
  | { outcome: 'claimed'; email: StoredEmail }
  | { outcome: 'sent' }
  /** Another attempt holds a live lease: it may be talking to the SMTP server right now. */
  | { outcome: 'leased'; leaseMsLeft: number };

/** Runs one SQL statement and returns its rows (a pg Pool, or a TypeORM DataSource wrapped). */
export type SqlRunner = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

/**
 * The e-mail ledger's three steps, one SQL statement each, so nothing stands between the
 * SMTP server's acceptance and the sent mark but one round trip:
 *  - claim: record the message unless its key is known, and take a lease on it for this attempt
 *    unless it is sent or another attempt's lease is live;
 *  - markSent: right after the server accepted it;
 *  - release: after a failed send, so the next attempt need not wait for the lease to run out.
 */
export class EmailLedger {
  constructor(private readonly sql: SqlRunner) {}

  async claim(draft: EmailDraft, lease: { token: string; ms: number }): Promise<EmailClaim> {
    const rows = await this.sql(
      `WITH taken AS (
         INSERT INTO emails (idempotency_key, duty_id, recipients, subject, body, status, message_id, attempts, claimed_by, lease_until)
         VALUES ($1, $2, $3, $4, $5, 'pending', $6, 1, $7, clock_timestamp() + $8 * interval '1 millisecond')
         ON CONFLICT (idempotency_key) DO UPDATE
           SET attempts = emails.attempts + 1, claimed_by = EXCLUDED.claimed_by, lease_until = EXCLUDED.lease_until
           WHERE emails.status = 'pending'
             AND (emails.lease_until IS NULL OR emails.lease_until <= clock_timestamp() OR emails.claimed_by = EXCLUDED.claimed_by)
         RETURNING recipients, subject, body, message_id
       )
       SELECT 'claimed' AS outcome, recipients, subject, body, message_id, 0 AS ms_left FROM taken
       UNION ALL
       SELECT CASE WHEN status = 'sent' THEN 'sent' ELSE 'leased' END, NULL, NULL, NULL, NULL,
              GREATEST(0, ceil(extract(epoch FROM (lease_until - clock_timestamp())) * 1000))::int
       FROM emails WHERE idempotency_key = $1 AND NOT EXISTS (SELECT 1 FROM taken)`,
      [draft.idempotencyKey, draft.dutyId, draft.recipients, draft.subject, draft.body, draft.messageId, lease.token, lease.ms],
    );
    const row = rows[0];
    // A row inserted by a concurrent claim after this statement's snapshot: that claim holds it.
    if (!row) return { outcome: 'leased', leaseMsLeft: lease.ms };
    if (row.outcome === 'claimed') {
      return {
        outcome: 'claimed',
        email: { recipients: row.recipients as string[], subject: row.subject as string, body: row.body as string, messageId: row.message_id as string },
      };
    }
    if (row.outcome === 'sent') return { outcome: 'sent' };
    return { outcome: 'leased', leaseMsLeft: Number(row.ms_left) };
  }

  /** Sent, whoever holds the lease now: the server has it, so nobody must send it again. */
  async markSent(idempotencyKey: string): Promise<void> {
    await this.sql(`UPDATE emails SET status = 'sent', sent_at = clock_timestamp(), last_error = NULL, lease_until = NULL WHERE idempotency_key = $1`, [idempotencyKey]);
  }

  /** The send failed: frees the lease this attempt holds and keeps the error. */
  async release(idempotencyKey: string, token: string, error: string): Promise<void> {
    await this.sql(`UPDATE emails SET last_error = $3, lease_until = NULL WHERE idempotency_key = $1 AND status = 'pending' AND claimed_by = $2`, [
      idempotencyKey,
      token,
      error.slice(0, 2000),
    ]);
  }
}

export class EmailRepository {
  private readonly repo: Repository<EmailEntity>;
  /** The ledger over the app's own connection pool (the worker's mail path uses a pool of its own). */
  readonly ledger: EmailLedger;

  constructor(private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(EmailEntity);
    this.ledger = new EmailLedger((sql, params) => this.dataSource.query(sql, params));
  }

  forDuty(dutyId: string): Promise<EmailEntity[]> {
    return this.repo.find({ where: { dutyId }, order: { id: 'ASC' } });
  }
}
