import type { DataSource } from 'typeorm';

export interface SingleSignOnAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** Expired attempts are kept this long (for a replay to be told apart from a forgery), then deleted. */
const KEEP_AFTER_EXPIRY = '1 day';

/** Trips to the identity provider under way; each one can be completed once. */
export class SingleSignOnAttemptRepository {
  constructor(private readonly dataSource: DataSource) {}

  async start(attempt: SingleSignOnAttempt, ttlSeconds: number, clientAddress: string | null): Promise<void> {
    await this.dataSource.query(`DELETE FROM single_sign_on_attempts WHERE expires_at < now() - $1::interval`, [KEEP_AFTER_EXPIRY]);
    await this.dataSource.query(
      `INSERT INTO single_sign_on_attempts (state, nonce, code_verifier, return_to, client_address, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
      [attempt.state, attempt.nonce, attempt.codeVerifier, attempt.returnTo, clientAddress?.slice(0, 64) ?? null, ttlSeconds],
    );
  }

  /** Attempts from this address that are neither completed nor expired (a flood of starts is held up by it). */
  async openFrom(clientAddress: string): Promise<number> {
    const [{ count }] = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM single_sign_on_attempts WHERE client_address = $1 AND used_at IS NULL AND expires_at > now()`,
      [clientAddress.slice(0, 64)],
    )) as Array<{ count: number }>;
    return count;
  }

  /**
   * Marks the attempt used and returns it; 'used' when a callback came for it before (a replay),
   * 'expired' past its expiry, 'unknown' for a state this API never issued.
   */
  async complete(state: string): Promise<SingleSignOnAttempt | 'used' | 'expired' | 'unknown'> {
    const [rows] = (await this.dataSource.query(
      `UPDATE single_sign_on_attempts SET used_at = now()
       WHERE state = $1 AND used_at IS NULL AND expires_at > now()
       RETURNING state, nonce, code_verifier AS "codeVerifier", return_to AS "returnTo"`,
      [state],
    )) as [SingleSignOnAttempt[], number];
    if (rows.length === 1) return rows[0];
    const [found] = (await this.dataSource.query(`SELECT used_at IS NOT NULL AS used FROM single_sign_on_attempts WHERE state = $1`, [state])) as Array<{ used: boolean }>;
    if (!found) return 'unknown';
    return found.used ? 'used' : 'expired';
  }
}
