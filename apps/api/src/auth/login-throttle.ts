import { HttpException, HttpStatus, Injectable } from '@nestjs/common';

/** A 429 that says when to try again (the exception filter sends it as Retry-After). */
export class TooManyLoginAttemptsException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      {
        statusCode: 429,
        error: 'TOO_MANY_REQUESTS',
        message: `Too many failed log-ins; try again in ${retryAfterSeconds} s`,
        retryAfterSeconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/**
 * Failed log-ins counted in memory, per username and client address and per address alone,
 * over a sliding window. Over the limit, every attempt on that key (even with the right
 * password) is refused until the oldest failure leaves the window. One API process; the full
 * policy (shared counters, lockout notices) is a later issue.
 */
@Injectable()
export class LoginThrottle {
  static readonly WINDOW_MS = 5 * 60_000;
  /** Failures for one username from one address. */
  static readonly PER_USERNAME = 10;
  /** Failures from one address over all usernames (guessing names). */
  static readonly PER_ADDRESS = 100;

  private readonly failures = new Map<string, number[]>();

  /** Throws a 429 when either key is over its limit. */
  check(username: string, address: string, now = Date.now()): void {
    const wait = Math.max(
      this.waitMs(this.userKey(username, address), LoginThrottle.PER_USERNAME, now),
      this.waitMs(this.addressKey(address), LoginThrottle.PER_ADDRESS, now),
    );
    if (wait > 0) throw new TooManyLoginAttemptsException(Math.ceil(wait / 1000));
  }

  recordFailure(username: string, address: string, now = Date.now()): void {
    for (const key of [this.userKey(username, address), this.addressKey(address)]) {
      const list = this.recent(key, now);
      list.push(now);
      this.failures.set(key, list);
    }
    if (this.failures.size > 10_000) this.sweep(now);
  }

  /** A successful log-in clears its username's failures (not the address's). */
  recordSuccess(username: string, address: string): void {
    this.failures.delete(this.userKey(username, address));
  }

  private waitMs(key: string, limit: number, now: number): number {
    const list = this.recent(key, now);
    if (list.length < limit) return 0;
    return list[list.length - limit] + LoginThrottle.WINDOW_MS - now;
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - LoginThrottle.WINDOW_MS);
  }

  private sweep(now: number): void {
    for (const [key, list] of this.failures) {
      if (!list.some((t) => t > now - LoginThrottle.WINDOW_MS)) this.failures.delete(key);
    }
  }

  private userKey(username: string, address: string): string {
    return `u\u0001${username.toLowerCase()}\u0001${address}`;
  }

  private addressKey(address: string): string {
    return `a\u0001${address}`;
  }
}
