import type { DataSource, EntityManager } from 'typeorm';
import type { FailureCount, SignInPolicy } from '@duban/domain';

interface Row {
  failures: number;
  firstFailureAt: Date;
  lastFailureAt: Date;
  lockedAt: Date | null;
}

/**
 * Failed sign-ins, counted in PostgreSQL so that every API process sees the same counts. Keys
 * are account names (known or not) and client addresses; see the domain's sign-in policy.
 */
export class SignInFailureRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The counts for an account name and an address, and the database's clock to judge them by. */
  async read(accountKey: string, addressKey: string): Promise<{ now: Date; account: FailureCount | null; address: FailureCount | null }> {
    const rows: Array<Row & { key: string; now: Date }> = await this.dataSource.query(
      `SELECT now() AS now, f.key, f.failures, f.first_failure_at AS "firstFailureAt", f.last_failure_at AS "lastFailureAt", f.locked_at AS "lockedAt"
       FROM (SELECT 1) one LEFT JOIN sign_in_failures f ON f.key = ANY($1::varchar[])`,
      [[accountKey, addressKey]],
    );
    const pick = (key: string) => {
      const row = rows.find((r) => r.key === key);
      return row ? { failures: row.failures, firstFailureAt: row.firstFailureAt, lastFailureAt: row.lastFailureAt, lockedAt: row.lockedAt } : null;
    };
    return { now: rows[0].now, account: pick(accountKey), address: pick(addressKey) };
  }

  /**
   * Counts one failure for the account name and the address. Returns the account's count and
   * whether this failure locked it (true once: the failure that crossed the limit).
   */
  async recordFailure(accountKey: string, addressKey: string, policy: SignInPolicy): Promise<{ failures: number; lockedNow: boolean }> {
    return this.dataSource.transaction(async (tx) => {
      const [account] = await tx.query(
        `INSERT INTO sign_in_failures AS f (key, kind, failures) VALUES ($1, 'account', 1)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN f.locked_at IS NULL AND f.last_failure_at < now() - make_interval(hours => $2) THEN 1 ELSE f.failures + 1 END,
           first_failure_at = CASE WHEN f.locked_at IS NULL AND f.last_failure_at < now() - make_interval(hours => $2) THEN now() ELSE f.first_failure_at END,
           last_failure_at = now()
         RETURNING failures`,
        [accountKey, policy.accountForgetAfterHours],
      );
      const locked: unknown[] = await tx
        .query(`UPDATE sign_in_failures SET locked_at = now() WHERE key = $1 AND locked_at IS NULL AND failures >= $2 RETURNING key`, [accountKey, policy.accountLockAfter])
        .then(([rows]: [unknown[]]) => rows);
      await tx.query(
        `INSERT INTO sign_in_failures AS f (key, kind, failures) VALUES ($1, 'address', 1)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN f.first_failure_at < now() - make_interval(secs => $2) THEN 1 ELSE f.failures + 1 END,
           first_failure_at = CASE WHEN f.first_failure_at < now() - make_interval(secs => $2) THEN now() ELSE f.first_failure_at END,
           last_failure_at = now()`,
        [addressKey, policy.addressWindowSeconds],
      );
      return { failures: account.failures as number, lockedNow: locked.length > 0 };
    });
  }

  /**
   * Rows whose failures the policy has forgotten anyway (no lock; the last failure older than
   * the account's forget window, or the address's window): a spray of made-up names leaves a row
   * each, and they must not pile up for ever.
   */
  async purgeForgotten(policy: SignInPolicy): Promise<number> {
    const [, count] = await this.dataSource.query(
      `DELETE FROM sign_in_failures
        WHERE locked_at IS NULL
          AND ((kind = 'account' AND last_failure_at < now() - make_interval(hours => $1))
            OR (kind = 'address' AND last_failure_at < now() - make_interval(secs => $2)))`,
      [policy.accountForgetAfterHours, policy.addressWindowSeconds],
    );
    return count;
  }

  /** A successful sign-in forgets the account's failures (not the address's: one success among many guesses proves little). */
  async recordSuccess(accountKey: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM sign_in_failures WHERE key = $1 AND locked_at IS NULL`, [accountKey]);
  }

  /** Lifts a lock (and forgets the failures); returns what there was. */
  async unlock(accountKey: string, tx?: EntityManager): Promise<{ failures: number; lockedAt: Date | null } | null> {
    const [rows] = await (tx ?? this.dataSource.manager).query(`DELETE FROM sign_in_failures WHERE key = $1 RETURNING failures, locked_at AS "lockedAt"`, [accountKey]);
    return (rows as Array<{ failures: number; lockedAt: Date | null }>)[0] ?? null;
  }

  /** The lock state of account names, for the users list (key → locked at). */
  async locks(accountKeys: readonly string[]): Promise<Map<string, { failures: number; lockedAt: Date | null }>> {
    if (accountKeys.length === 0) return new Map();
    const rows: Array<{ key: string; failures: number; lockedAt: Date | null }> = await this.dataSource.query(
      `SELECT key, failures, locked_at AS "lockedAt" FROM sign_in_failures WHERE key = ANY($1::varchar[])`,
      [accountKeys],
    );
    return new Map(rows.map((r) => [r.key, { failures: r.failures, lockedAt: r.lockedAt }]));
  }
}
