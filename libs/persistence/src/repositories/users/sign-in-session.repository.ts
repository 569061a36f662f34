import type { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@duban/domain';

export type SessionRevocation = 'signed_out' | 'signed_out_everywhere' | 'password_changed' | 'password_reset' | 'deactivated' | 'role_changed' | 'department_changed';

/** A live session with its user as the database has them now (the token's claims are not trusted for these). */
export interface LiveSession {
  sessionId: string;
  userId: string;
  username: string;
  role: Role;
  departmentId: string | null;
  mustChangePassword: boolean;
}

/**
 * Each sign-in is a row; a token names its row (`sid`). Revoking the row ends the token at
 * once, whatever its expiry: sign-out, a password change, deactivation, a role or department change.
 */
export class SignInSessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async start(session: { id: string; userId: string; method: 'password' | 'oidc'; expiresAt: Date; clientAddress: string | null; userAgent: string | null }): Promise<void> {
    await this.dataSource.query(`INSERT INTO sign_in_sessions (id, user_id, method, expires_at, client_address, user_agent) VALUES ($1, $2, $3, $4, $5, $6)`, [
      session.id,
      session.userId,
      session.method,
      session.expiresAt,
      session.clientAddress?.slice(0, 64) ?? null,
      session.userAgent?.slice(0, 300) ?? null,
    ]);
  }

  /** The session and its user, if the session is neither revoked nor expired and the user is active. */
  async live(sessionId: string, userId: string): Promise<LiveSession | null> {
    const rows: LiveSession[] = await this.dataSource.query(
      `SELECT s.id AS "sessionId", u.id AS "userId", u.username, u.role, u.department_id AS "departmentId",
              u.must_change_password AS "mustChangePassword"
       FROM sign_in_sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [sessionId, userId],
    );
    return rows[0] ?? null;
  }

  /** Ends one session; false when it was already ended. */
  async revoke(sessionId: string, reason: SessionRevocation, tx?: EntityManager): Promise<boolean> {
    const [, count] = await (tx ?? this.dataSource.manager).query(`UPDATE sign_in_sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`, [
      sessionId,
      reason,
    ]);
    return count > 0;
  }

  /** Ends every session of the user (but `except`, the caller's own, when given); returns how many. */
  async revokeAllOfUser(userId: string, reason: SessionRevocation, tx?: EntityManager, except?: string): Promise<number> {
    const [, count] = await (tx ?? this.dataSource.manager).query(
      `UPDATE sign_in_sessions SET revoked_at = now(), revoked_reason = $2
       WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [userId, reason, except ?? null],
    );
    return count;
  }

  /** Expired and revoked sessions older than `days` carry nothing anyone reads. */
  async purgeOlderThan(days: number): Promise<number> {
    const [, count] = await this.dataSource.query(
      `DELETE FROM sign_in_sessions WHERE (revoked_at IS NOT NULL OR expires_at < now()) AND created_at < now() - make_interval(days => $1)`,
      [days],
    );
    return count;
  }
}
