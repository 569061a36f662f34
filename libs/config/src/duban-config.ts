/**
 * Configuration comes from the environment, is read and checked once at start, and every
 * setting has a default that works on a developer's machine. A bad value stops start-up with
 * a message that names the variable.
 */
export interface DubanConfig {
  nodeEnv: string;
  databaseUrl: string;
  /**
   * Each process's connection pool: its size, how long a caller waits for a free connection
   * before a 503 (rather than waiting without end), and what a query inside a transaction
   * that asks for a second connection does (`throw` in tests, where it must fail; `warn`).
   */
  databasePool: { size: number; waitMs: number; nestedConnections: 'throw' | 'warn' };
  temporal: { address: string; namespace: string; taskQueue: string };
  smtp: { url: string; from: string };
  http: { host: string; port: number; bodyLimit: string; publicUrl: string };
  /** Secret: never logged. `developmentSecret`: the built-in one (development on loopback only; the API warns). */
  jwt: { secret: string; ttlSeconds: number; developmentSecret: boolean };
  /**
   * Sign-in: whether local passwords are accepted (false: single sign-on only, administrators
   * excepted), the throttle's limits, and how many password hashes run at once and may wait.
   */
  signIn: {
    localPasswords: boolean;
    accountLockAfter: number;
    addressFailures: number;
    hashConcurrency: number;
    hashQueue: number;
    /** How long a one-time link to set a password (a reset, a new account's welcome) stays usable. */
    passwordLinkHours: number;
  };
  /** Single sign-on (OpenID Connect, 统一身份认证); null when DUBAN_OIDC_ISSUER is unset. */
  oidc: OidcConfig | null;
  /** Express's `trust proxy`: behind a reverse proxy, the client address comes from X-Forwarded-For. */
  trustProxy: string | false;
  workflowBundlePath: string;
  /** Seconds between two runs of the sign-in housekeeping (ended sessions, spent links, forgotten failures). */
  housekeepingIntervalSeconds: number;
  /** The built web console (`npm run build:web`), served by the API under /console. */
  webConsoleDir: string;
  devSeed: boolean;
  /**
   * Compresses the plan's time for tests and demonstrations: one working day of the reminder
   * and escalation ladder lasts this many seconds. Unset in production.
   */
  workingDaySeconds?: number;
  /**
   * History length past which a duty's workflow continues as new (the workflow's default,
   * 2,000, when unset). Lowered by tests and benchmarks to watch the bound at work.
   */
  dutyHistoryEventsBound?: number;
  /** Largest evidence file accepted, in bytes (files are held in memory and stored in PostgreSQL). */
  evidenceMaxBytes: number;
  /**
   * Days an employer's link to its rectification order (the notice e-mail's, no account needed)
   * stays good, counted from the notice's issue: past the deadline and the escalation that
   * follows, so the unit can still read what it was ordered to do.
   */
  noticeLinkDays: number;
  /** How long a stopping worker lets running activities finish before cancelling them. */
  workerShutdownGraceSeconds: number;
  /** Largest unit file an import accepts. */
  importMaxBytes: number;
  /**
   * Duties per batch workflow when a phase fans out. Bounds each workflow's open children;
   * small values in tests make a small phase fan out as a tree.
   */
  phaseBatchSize: number;
}

/**
 * Roles a person signing in for the first time may be given: viewer and office belong to no
 * unit; a department officer to the department or district whose code DUBAN_OIDC_DEPARTMENT_CLAIM holds.
 */
export const OIDC_PROVISION_ROLES = ['viewer', 'office', 'department_officer'] as const;

export interface OidcConfig {
  /** The provider's issuer URL; its discovery document is read at the first sign-in, not at start. */
  issuer: string;
  clientId: string;
  /** Secret: never logged. */
  clientSecret: string;
  /** Registered at the provider; PUBLIC_URL + /auth/oidc/callback unless set. */
  redirectUri: string;
  scopes: string;
  /** The claim that names the person (preferred_username) and the user field it is compared with. */
  matchClaim: string;
  matchField: 'username' | 'email';
  /** An unknown person is refused, or given a user with this role. */
  provision: 'refuse' | (typeof OIDC_PROVISION_ROLES)[number];
  /** With provision department_officer: the claim that holds the code of the person's department or district. */
  departmentClaim: string | null;
  /** The console's button. */
  label: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Configuration error in ${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** Only for development: production refuses to start without its own JWT_SECRET. */
const DEVELOPMENT_JWT_SECRET = 'duban-development-secret-change-me-0123456789';

type Env = Record<string, string | undefined>;

export function loadDubanConfig(env: Env = process.env): DubanConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const host = text(env, 'HOST', '127.0.0.1');
  // The secret in the repository signs tokens anyone can forge: only a developer's own machine may use it.
  const developmentSecret = !env.JWT_SECRET;
  if (developmentSecret && !(nodeEnv === 'development' && isLoopback(host))) {
    throw new ConfigError(
      'JWT_SECRET',
      `must be set (at least 32 random characters) unless NODE_ENV=development and HOST is a loopback address (now NODE_ENV=${nodeEnv}, HOST=${host})`,
    );
  }
  const jwtSecret = env.JWT_SECRET || DEVELOPMENT_JWT_SECRET;
  if (jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  }
  if (!developmentSecret && jwtSecret === DEVELOPMENT_JWT_SECRET) {
    throw new ConfigError('JWT_SECRET', 'is the development secret from the repository; choose your own');
  }
  const devSeed = boolean(env, 'DUBAN_DEV_SEED', false);
  if (devSeed && nodeEnv === 'production') {
    throw new ConfigError('DUBAN_DEV_SEED', 'must be false when NODE_ENV=production (development users share a published password)');
  }
  const publicUrl = url(env, 'PUBLIC_URL', 'http://localhost:3000', ['http:', 'https:']).replace(/\/+$/, '');
  return {
    nodeEnv,
    databaseUrl: url(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/duban', ['postgres:', 'postgresql:']),
    databasePool: {
      size: integer(env, 'DATABASE_POOL_SIZE', 10, 2, 200),
      waitMs: integer(env, 'DATABASE_POOL_WAIT_MS', 15_000, 100, 600_000),
      nestedConnections: oneOf(env, 'DATABASE_NESTED_CONNECTIONS', nodeEnv === 'test' ? 'throw' : 'warn', ['throw', 'warn'] as const),
    },
    temporal: {
      address: hostPort(env, 'TEMPORAL_ADDRESS', '127.0.0.1:7233'),
      namespace: text(env, 'TEMPORAL_NAMESPACE', 'default'),
      taskQueue: text(env, 'TEMPORAL_TASK_QUEUE', 'duban'),
    },
    smtp: {
      url: url(env, 'SMTP_URL', 'smtp://127.0.0.1:1025', ['smtp:', 'smtps:']),
      from: text(env, 'MAIL_FROM', '"督办系统 Duban" <duban@localhost>'),
    },
    http: {
      host,
      port: integer(env, 'PORT', 3000, 0, 65535),
      bodyLimit: pattern(env, 'BODY_LIMIT', '100kb', /^\d+(b|kb|mb)$/i, 'a size such as 100kb or 1mb'),
      publicUrl,
    },
    jwt: { secret: jwtSecret, ttlSeconds: integer(env, 'JWT_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600), developmentSecret },
    signIn: {
      localPasswords: boolean(env, 'DUBAN_LOCAL_PASSWORDS', true),
      accountLockAfter: integer(env, 'DUBAN_SIGN_IN_LOCK_AFTER', 20, 3, 1000),
      addressFailures: integer(env, 'DUBAN_SIGN_IN_ADDRESS_LIMIT', 100, 10, 100_000),
      hashConcurrency: integer(env, 'DUBAN_PASSWORD_HASH_CONCURRENCY', 2, 1, 64),
      hashQueue: integer(env, 'DUBAN_PASSWORD_HASH_QUEUE', 200, 0, 100_000),
      passwordLinkHours: integer(env, 'DUBAN_PASSWORD_LINK_HOURS', 72, 1, 720),
    },
    oidc: oidcConfig(env, publicUrl),
    trustProxy: text(env, 'DUBAN_TRUST_PROXY', '') || false,
    workflowBundlePath: text(env, 'WORKFLOW_BUNDLE_PATH', 'dist/workflows/workflow-bundle.js'),
    housekeepingIntervalSeconds: integer(env, 'DUBAN_HOUSEKEEPING_INTERVAL_SECONDS', 86_400, 1, 30 * 86_400),
    webConsoleDir: text(env, 'DUBAN_WEB_DIR', 'dist/web'),
    devSeed,
    workingDaySeconds: env.DUBAN_WORKING_DAY_SECONDS ? integer(env, 'DUBAN_WORKING_DAY_SECONDS', 0, 1, 86_400) : undefined,
    dutyHistoryEventsBound: env.DUBAN_DUTY_HISTORY_EVENTS ? integer(env, 'DUBAN_DUTY_HISTORY_EVENTS', 2_000, 100, 40_000) : undefined,
    // Capped at 100 MiB: an upload is buffered whole and stored as one bytea value.
    evidenceMaxBytes: integer(env, 'DUBAN_EVIDENCE_MAX_BYTES', 10 * 1024 * 1024, 1, 100 * 1024 * 1024),
    noticeLinkDays: integer(env, 'DUBAN_NOTICE_LINK_DAYS', 90, 1, 730),
    workerShutdownGraceSeconds: integer(env, 'DUBAN_WORKER_SHUTDOWN_GRACE_SECONDS', 10, 0, 3600),
    importMaxBytes: integer(env, 'DUBAN_IMPORT_MAX_BYTES', 200 * 1024 * 1024, 1, 2 * 1024 * 1024 * 1024),
    // Temporal advises at most a few hundred open children per workflow.
    phaseBatchSize: integer(env, 'DUBAN_PHASE_BATCH_SIZE', 200, 1, 500),
  };
}

function oidcConfig(env: Env, publicUrl: string): OidcConfig | null {
  if (!env.DUBAN_OIDC_ISSUER) {
    const stray = ['DUBAN_OIDC_CLIENT_ID', 'DUBAN_OIDC_CLIENT_SECRET'].find((name) => env[name]);
    if (stray) throw new ConfigError('DUBAN_OIDC_ISSUER', `must be set when ${stray} is (single sign-on is off without it)`);
    return null;
  }
  // Kept exactly as given: it must equal the provider's `iss`, trailing slash and all.
  const issuer = url(env, 'DUBAN_OIDC_ISSUER', '', ['https:', 'http:']);
  const required = (name: string) => {
    const value = env[name]?.trim();
    if (!value) throw new ConfigError(name, 'must be set when DUBAN_OIDC_ISSUER is');
    return value;
  };
  const clientId = required('DUBAN_OIDC_CLIENT_ID');
  const clientSecret = required('DUBAN_OIDC_CLIENT_SECRET');
  const scopes = text(env, 'DUBAN_OIDC_SCOPES', 'openid profile email').trim().split(/\s+/);
  if (!scopes.includes('openid')) throw new ConfigError('DUBAN_OIDC_SCOPES', `must include openid, got "${scopes.join(' ')}"`);
  const matchClaim = pattern(env, 'DUBAN_OIDC_MATCH_CLAIM', 'preferred_username', /^[A-Za-z0-9_.:-]{1,100}$/, 'a claim name such as preferred_username or email');
  const matchField = oneOf(env, 'DUBAN_OIDC_MATCH_FIELD', 'username', ['username', 'email'] as const);
  const provision = oneOf(env, 'DUBAN_OIDC_PROVISION', 'refuse', ['refuse', ...OIDC_PROVISION_ROLES] as const);
  const departmentClaim = env.DUBAN_OIDC_DEPARTMENT_CLAIM
    ? pattern(env, 'DUBAN_OIDC_DEPARTMENT_CLAIM', '', /^[A-Za-z0-9_.:-]{1,100}$/, 'a claim name such as department_code')
    : null;
  if (provision === 'department_officer' && !departmentClaim) {
    throw new ConfigError('DUBAN_OIDC_DEPARTMENT_CLAIM', 'must name the claim holding the department code when DUBAN_OIDC_PROVISION=department_officer');
  }
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri: url(env, 'DUBAN_OIDC_REDIRECT_URI', `${publicUrl}/auth/oidc/callback`, ['https:', 'http:']),
    scopes: scopes.join(' '),
    matchClaim,
    matchField,
    provision,
    departmentClaim,
    label: text(env, 'DUBAN_OIDC_LABEL', '统一身份认证登录').slice(0, 100),
  };
}

function oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const value = text(env, name, fallback);
  if (!(allowed as readonly string[]).includes(value)) throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function text(env: Env, name: string, fallback: string): string {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  return value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `expected true or false, got "${raw}"`);
}

function url(env: Env, name: string, fallback: string, protocols: string[]): string {
  const value = text(env, name, fallback);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return value;
}

function hostPort(env: Env, name: string, fallback: string): string {
  return pattern(env, name, fallback, /^[^\s:/]+:\d{1,5}$/, 'host:port, for example 127.0.0.1:7233');
}

function pattern(env: Env, name: string, fallback: string, re: RegExp, expected: string): string {
  const value = text(env, name, fallback);
  if (!re.test(value)) throw new ConfigError(name, `expected ${expected}, got "${value}"`);
  return value;
}

/** A copy safe to log: the database password, the JWT secret and the single sign-on client secret are hidden. */
export function describeConfig(config: DubanConfig): Record<string, unknown> {
  const db = new URL(config.databaseUrl);
  if (db.password) db.password = '***';
  const smtp = new URL(config.smtp.url);
  if (smtp.password) smtp.password = '***';
  return {
    ...config,
    databaseUrl: db.toString(),
    smtp: { ...config.smtp, url: smtp.toString() },
    jwt: { secret: '***', ttlSeconds: config.jwt.ttlSeconds, developmentSecret: config.jwt.developmentSecret },
    oidc: config.oidc ? { ...config.oidc, clientSecret: '***' } : null,
  };
}
