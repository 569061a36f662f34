import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Node's own scrypt (RFC 7914). The cost is one of OWASP's equivalent choices, N=2^15, r=8,
// p=3: 32 MiB per hash rather than N=2^17's 128 MiB, so that the few hashes running at once
// stay small on a 2-core machine. The parameters are stored with each hash: older hashes are
// still verified with their own and are rewritten at the next successful sign-in.
const COST = { N: 2 ** 15, r: 8, p: 3 } as const;
const KEY_LENGTH = 64;
/** Enough for the old N=2^17, r=8 hashes (128 MiB) that are still to be rewritten. */
const MAX_MEMORY = 160 * 1024 * 1024;
/** A stored hash asking for more than this is refused, not computed (a forged row must not exhaust memory). */
const MAX_STORED_N = 2 ** 17;

/** Raised when more hashes wait than the limit allows: the caller answers 503 with Retry-After. */
export class PasswordHashingBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many sign-ins are being checked at once; try again shortly');
    this.name = 'PasswordHashingBusyError';
  }
}

/**
 * At most `concurrency` hashes run at once in this process and at most `maxWaiting` wait;
 * beyond that a caller is refused at once. A burst of sign-ins then costs bounded memory
 * (concurrency × 32 MiB) and a bounded wait, instead of every hash allocating together.
 */
class HashingGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  concurrency = 2;
  maxWaiting = 200;

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new PasswordHashingBusyError(2);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter; otherwise it is freed.
      if (next) next();
      else this.running--;
    }
  }

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}

const gate = new HashingGate();

/** Sets how many hashes run at once and how many may wait (DUBAN_PASSWORD_HASH_CONCURRENCY, …_QUEUE). */
export function configurePasswordHashing(options: { concurrency?: number; maxWaiting?: number }): void {
  if (options.concurrency !== undefined) gate.concurrency = Math.max(1, options.concurrency);
  if (options.maxWaiting !== undefined) gate.maxWaiting = Math.max(0, options.maxWaiting);
}

export function passwordHashingLoad(): { running: number; waiting: number } {
  return gate.load;
}

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return gate.run(
    () => new Promise((resolve, reject) => scrypt(password, salt, KEY_LENGTH, { ...options, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key)))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * One-time passwords are random (about 79 bits, see newOneTimePassword): no list of guesses
 * helps against them, so the slow hash that protects chosen passwords buys nothing and would make
 * onboarding 500 users a matter of minutes. They are hashed at N=2^12, r=8, p=1 (4 MiB, a few ms).
 * Sign-in spends a decoy check on top for them (see hashIsCheaperThanPasswords), so the clock
 * does not tell who has not yet signed in.
 */
const ONE_TIME_COST = { N: 2 ** 12, r: 8, p: 1 } as const;

export async function hashOneTimePassword(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, ONE_TIME_COST);
  return ['scrypt', ONE_TIME_COST.N, ONE_TIME_COST.r, ONE_TIME_COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True for a hash that costs less to check than today's password hash (a one-time password's). */
export function hashIsCheaperThanPasswords(stored: string): boolean {
  const parsed = parse(stored);
  return parsed !== null && parsed.N * parsed.r * parsed.p < COST.N * COST.r * COST.p;
}

function parse(stored: string): { N: number; r: number; p: number; salt: Buffer; key: Buffer } | null {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  const N = Number(n);
  const R = Number(r);
  const P = Number(p);
  if (scheme !== 'scrypt' || !salt || !key) return null;
  if (!Number.isInteger(N) || N < 2 || N > MAX_STORED_N || (N & (N - 1)) !== 0) return null;
  if (!Number.isInteger(R) || R < 1 || R > 16 || !Number.isInteger(P) || P < 1 || P > 16) return null;
  return { N, r: R, p: P, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, { N: parsed.N, r: parsed.r, p: parsed.p });
  return actual.length === parsed.key.length && timingSafeEqual(actual, parsed.key);
}

/** Whether a stored hash was made with other parameters than today's (rewrite it after a successful sign-in). */
export function passwordNeedsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.N !== COST.N || parsed.r !== COST.r || parsed.p !== COST.p;
}

let decoy: Promise<string> | undefined;

/**
 * Spends the same work as checking a real password, for a sign-in whose account does not
 * exist, is deactivated or has no local password: the clock must not tell them apart.
 */
export async function verifyDecoyPassword(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(18).toString('base64'));
  await verifyPassword(password, await decoy);
  return false;
}
