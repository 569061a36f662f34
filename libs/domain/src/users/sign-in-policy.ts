/**
 * When a sign-in may even be tried. Failures are counted per account name (whether or not such
 * an account exists, so that the answers never tell) and per client address. Every refused
 * attempt counts, also one refused for being too soon: a guesser gains nothing by hammering.
 *
 * - an account: the first `accountFreeFailures` failures cost nothing; after that each attempt
 *   must wait `backoffSeconds × 2^(failures − free)` (at most `backoffMaxSeconds`) since the
 *   last failure; at `accountLockAfter` failures the account is locked until an administrator
 *   lifts the lock. Failures are forgotten after a success or `accountForgetAfterHours` of quiet.
 * - an address: at `addressFailures` failures within `addressWindowSeconds` every sign-in from
 *   it waits until the window ends (a guesser trying many names).
 */
export interface SignInPolicy {
  accountFreeFailures: number;
  accountLockAfter: number;
  backoffSeconds: number;
  backoffMaxSeconds: number;
  accountForgetAfterHours: number;
  addressFailures: number;
  addressWindowSeconds: number;
}

export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = {
  accountFreeFailures: 5,
  accountLockAfter: 20,
  backoffSeconds: 30,
  backoffMaxSeconds: 300,
  accountForgetAfterHours: 24,
  addressFailures: 100,
  addressWindowSeconds: 15 * 60,
};

export interface FailureCount {
  failures: number;
  firstFailureAt: Date;
  lastFailureAt: Date;
  lockedAt: Date | null;
}

export type SignInGate = { kind: 'open' } | { kind: 'throttled'; retryAfterSeconds: number; by: 'account' | 'address' } | { kind: 'locked' };

/** Whether the failures counted so far still count at `now`. */
export function accountFailuresCount(account: FailureCount | null, now: Date, policy: SignInPolicy = DEFAULT_SIGN_IN_POLICY): number {
  if (!account) return 0;
  if (account.lockedAt) return account.failures;
  const quietMs = now.getTime() - account.lastFailureAt.getTime();
  return quietMs > policy.accountForgetAfterHours * 3600_000 ? 0 : account.failures;
}

export function addressFailuresCount(address: FailureCount | null, now: Date, policy: SignInPolicy = DEFAULT_SIGN_IN_POLICY): number {
  if (!address) return 0;
  return now.getTime() - address.firstFailureAt.getTime() > policy.addressWindowSeconds * 1000 ? 0 : address.failures;
}

export function signInGate(account: FailureCount | null, address: FailureCount | null, now: Date, policy: SignInPolicy = DEFAULT_SIGN_IN_POLICY): SignInGate {
  if (account?.lockedAt) return { kind: 'locked' };
  const byAccount = accountFailuresCount(account, now, policy);
  if (byAccount >= policy.accountLockAfter) return { kind: 'locked' };
  const waits: Array<{ seconds: number; by: 'account' | 'address' }> = [];
  if (account && byAccount >= policy.accountFreeFailures) {
    const backoff = Math.min(policy.backoffMaxSeconds, policy.backoffSeconds * 2 ** (byAccount - policy.accountFreeFailures));
    const left = account.lastFailureAt.getTime() + backoff * 1000 - now.getTime();
    if (left > 0) waits.push({ seconds: Math.ceil(left / 1000), by: 'account' });
  }
  if (address && addressFailuresCount(address, now, policy) >= policy.addressFailures) {
    const left = address.firstFailureAt.getTime() + policy.addressWindowSeconds * 1000 - now.getTime();
    if (left > 0) waits.push({ seconds: Math.ceil(left / 1000), by: 'address' });
  }
  if (waits.length === 0) return { kind: 'open' };
  const longest = waits.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  return { kind: 'throttled', retryAfterSeconds: longest.seconds, by: longest.by };
}

/** Whether the failure just counted (the account's `failures`-th) locks the account. */
export function failureLocksAccount(failures: number, policy: SignInPolicy = DEFAULT_SIGN_IN_POLICY): boolean {
  return failures >= policy.accountLockAfter;
}

/** The key an account name is counted under: sign-in compares usernames without case. */
export function accountKey(username: string): string {
  return `account:${username.trim().toLowerCase()}`;
}

export function addressKey(address: string): string {
  return `address:${address}`;
}
