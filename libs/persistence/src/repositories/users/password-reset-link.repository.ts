import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/** The stored form of a link's token: its SHA-256, so the table alone opens no account. */
export function resetTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * One-time links to set a password (an administrator's reset by e-mail, an imported user's
 * first password). A new link for a user voids the ones before it; a link is used once.
 */
export class PasswordResetLinkRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A new link for the user (older unused ones void); returns the token, which only the e-mail carries. */
  async issue(userId: string, createdBy: string | null, validHours: number, tx?: EntityManager): Promise<{ token: string; expiresAt: Date }> {
    const runner = tx ?? this.dataSource.manager;
    const token = randomBytes(32).toString('base64url');
    await runner.query(`UPDATE password_reset_links SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    const [{ expires_at }] = await runner.query(
      `INSERT INTO password_reset_links (token_hash, user_id, created_by, expires_at) VALUES ($1, $2, $3, now() + $4 * interval '1 hour') RETURNING expires_at`,
      [resetTokenHash(token), userId, createdBy, validHours],
    );
    return { token, expiresAt: new Date(expires_at) };
  }

  /**
   * Uses the link: the user's id when it is live (unused, unexpired), else null. Marks it used in
   * the caller's transaction, so two concurrent uses cannot both succeed (the row is locked).
   */
  async consume(token: string, tx: EntityManager): Promise<string | null> {
    // TypeORM answers an UPDATE with [rows, count].
    const [rows]: [Array<{ user_id: string }>, number] = await tx.query(
      `UPDATE password_reset_links SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id`,
      [resetTokenHash(token)],
    );
    return rows[0]?.user_id ?? null;
  }

  /** Voids every open link of the user (deactivation, a one-time-password reset). */
  async voidAllOfUser(userId: string, tx?: EntityManager): Promise<void> {
    await (tx ?? this.dataSource.manager).query(`UPDATE password_reset_links SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
  }

  /** Links used or expired more than `days` ago open nothing and tell nothing the audit log does not. */
  async purgeOlderThan(days: number): Promise<number> {
    const [, count] = await this.dataSource.query(`DELETE FROM password_reset_links WHERE COALESCE(used_at, expires_at) < now() - make_interval(days => $1)`, [days]);
    return count;
  }
}
