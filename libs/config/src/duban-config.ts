/**
 * Configuration comes from the environment, is read and checked once at start, and every
 * setting has a default that works on a developer's machine. A bad value stops start-up with
 * a message that names the variable.
 */
export interface DubanConfig {
  nodeEnv: string;
  databaseUrl: string;
  temporal: { address: string; namespace: string; taskQueue: string };
  smtp: { url: string; from: string };
  http: { host: string; port: number; bodyLimit: string; publicUrl: string };
  /** Secret: never logged. */
  jwt: { secret: string; ttlSeconds: number };
  workflowBundlePath: string;
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
  const jwtSecret = env.JWT_SECRET ?? (nodeEnv === 'production' ? undefined : DEVELOPMENT_JWT_SECRET);
  if (jwtSecret === undefined) {
    throw new ConfigError('JWT_SECRET', 'must be set when NODE_ENV=production');
  }
  if (jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  }
  return {
    nodeEnv,
    databaseUrl: url(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/duban', ['postgres:', 'postgresql:']),
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
      host: text(env, 'HOST', '127.0.0.1'),
      port: integer(env, 'PORT', 3000, 0, 65535),
      bodyLimit: pattern(env, 'BODY_LIMIT', '100kb', /^\d+(b|kb|mb)$/i, 'a size such as 100kb or 1mb'),
      publicUrl: url(env, 'PUBLIC_URL', 'http://localhost:3000', ['http:', 'https:']).replace(/\/+$/, ''),
    },
    jwt: { secret: jwtSecret, ttlSeconds: integer(env, 'JWT_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600) },
    workflowBundlePath: text(env, 'WORKFLOW_BUNDLE_PATH', 'dist/workflows/workflow-bundle.js'),
    webConsoleDir: text(env, 'DUBAN_WEB_DIR', 'dist/web'),
    devSeed: boolean(env, 'DUBAN_DEV_SEED', false),
    workingDaySeconds: env.DUBAN_WORKING_DAY_SECONDS ? integer(env, 'DUBAN_WORKING_DAY_SECONDS', 0, 1, 86_400) : undefined,
    dutyHistoryEventsBound: env.DUBAN_DUTY_HISTORY_EVENTS ? integer(env, 'DUBAN_DUTY_HISTORY_EVENTS', 2_000, 100, 40_000) : undefined,
    // Capped at 100 MiB: an upload is buffered whole and stored as one bytea value.
    evidenceMaxBytes: integer(env, 'DUBAN_EVIDENCE_MAX_BYTES', 10 * 1024 * 1024, 1, 100 * 1024 * 1024),
    workerShutdownGraceSeconds: integer(env, 'DUBAN_WORKER_SHUTDOWN_GRACE_SECONDS', 10, 0, 3600),
    importMaxBytes: integer(env, 'DUBAN_IMPORT_MAX_BYTES', 200 * 1024 * 1024, 1, 2 * 1024 * 1024 * 1024),
    // Temporal advises at most a few hundred open children per workflow.
    phaseBatchSize: integer(env, 'DUBAN_PHASE_BATCH_SIZE', 200, 1, 500),
  };
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

/** A copy safe to log: the database password and the JWT secret are hidden. */
export function describeConfig(config: DubanConfig): Record<string, unknown> {
  const db = new URL(config.databaseUrl);
  if (db.password) db.password = '***';
  const smtp = new URL(config.smtp.url);
  if (smtp.password) smtp.password = '***';
  return {
    ...config,
    databaseUrl: db.toString(),
    smtp: { ...config.smtp, url: smtp.toString() },
    jwt: { secret: '***', ttlSeconds: config.jwt.ttlSeconds },
  };
}
