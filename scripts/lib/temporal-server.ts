// Temporal's own server on PostgreSQL ("the cluster"), beside the CLI's dev server: built with Go
// into the cache outside the clone, its two databases created and migrated with Temporal's SQL
// tool, started from deploy/temporal/config/duban.yaml. `DUBAN_TEMPORAL=cluster npm start`, the
// cluster tests and the benchmarks use it; docker-compose.yml runs the same config and schema steps.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { Client } from 'pg';
import { createServer } from 'node:net';
import { waitForPort } from './processes';
import { dubanCacheDir, goBinary, isExecutable } from './temporal-cli';
import { REPO_ROOT } from './workflow-bundle';

export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const SERVER_MODULE = 'go.temporal.io/server/cmd/server';
const SQL_TOOL_MODULE = 'go.temporal.io/server/cmd/tools/sql';
/** The UI the CLI v1.5.1 embeds; on the cluster it runs as its own process. */
export const TEMPORAL_UI_VERSION = 'v2.42.1';
const UI_MODULE = 'github.com/temporalio/ui-server/v2/cmd/server';

export const TEMPORAL_CONFIG_ROOT = path.join(REPO_ROOT, 'deploy/temporal');

export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
}

async function goInstall(modules: string[], bin: string, log: (line: string) => void): Promise<void> {
  const go = goBinary();
  if (!go) throw new Error(`Go is needed to build ${modules.join(' and ')}; install Go, or set TEMPORAL_SERVER_PATH and TEMPORAL_SQL_TOOL_PATH to binaries you built`);
  mkdirSync(bin, { recursive: true });
  log(`Building ${modules.join(' and ')} with Go into ${bin} (several minutes the first time)...`);
  await new Promise<void>((resolve, reject) => {
    const build = spawn(go, ['install', ...modules], { env: { ...process.env, GOBIN: bin, GOFLAGS: '-mod=mod' }, stdio: ['ignore', 'inherit', 'inherit'] });
    build.on('error', reject);
    build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`go install ${modules.join(' ')} exited with ${code}`))));
  });
}

/**
 * The server and its SQL tool: TEMPORAL_SERVER_PATH and TEMPORAL_SQL_TOOL_PATH, else the cache,
 * built there with Go when missing (both in one `go install`, which shares the compilation).
 */
export async function ensureTemporalServer(log: (line: string) => void = console.log): Promise<TemporalServerBinaries> {
  const configured = { server: process.env.TEMPORAL_SERVER_PATH, sqlTool: process.env.TEMPORAL_SQL_TOOL_PATH };
  for (const [name, file] of Object.entries({ TEMPORAL_SERVER_PATH: configured.server, TEMPORAL_SQL_TOOL_PATH: configured.sqlTool })) {
    if (file && !isExecutable(file)) throw new Error(`${name}=${file} is not an executable file`);
  }
  const bin = path.join(dubanCacheDir(), `temporal-server-${TEMPORAL_SERVER_VERSION}`);
  const cached = { server: path.join(bin, 'server'), sqlTool: path.join(bin, 'sql') };
  const wanted: string[] = [];
  if (!configured.server && !isExecutable(cached.server)) wanted.push(`${SERVER_MODULE}@${TEMPORAL_SERVER_VERSION}`);
  if (!configured.sqlTool && !isExecutable(cached.sqlTool)) wanted.push(`${SQL_TOOL_MODULE}@${TEMPORAL_SERVER_VERSION}`);
  if (wanted.length > 0) await goInstall(wanted, bin, log);
  const binaries = { server: configured.server ?? cached.server, sqlTool: configured.sqlTool ?? cached.sqlTool };
  for (const file of Object.values(binaries)) if (!isExecutable(file)) throw new Error(`go install finished but ${file} is missing`);
  return binaries;
}

/** Temporal's Web UI server, built into the cache when missing. */
export async function ensureTemporalUi(log: (line: string) => void = console.log): Promise<string> {
  if (process.env.TEMPORAL_UI_PATH) {
    if (!isExecutable(process.env.TEMPORAL_UI_PATH)) throw new Error(`TEMPORAL_UI_PATH=${process.env.TEMPORAL_UI_PATH} is not an executable file`);
    return process.env.TEMPORAL_UI_PATH;
  }
  const bin = path.join(dubanCacheDir(), `temporal-ui-${TEMPORAL_UI_VERSION}`);
  const binary = path.join(bin, 'server');
  if (!isExecutable(binary)) await goInstall([`${UI_MODULE}@${TEMPORAL_UI_VERSION}`], bin, log);
  return binary;
}

/** Where the cluster keeps its two databases; names are configurable so that stacks can share a PostgreSQL. */
export interface TemporalDatabases {
  host: string;
  port: number;
  user: string;
  password: string;
  store: string;
  visibility: string;
}

export function temporalDatabasesFromEnv(env: NodeJS.ProcessEnv = process.env): TemporalDatabases {
  const port = Number(env.TEMPORAL_DB_PORT ?? 5432);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`TEMPORAL_DB_PORT=${env.TEMPORAL_DB_PORT} is not a port number`);
  const names = { store: env.TEMPORAL_DB_NAME ?? 'temporal', visibility: env.TEMPORAL_VISIBILITY_DB_NAME ?? 'temporal_visibility' };
  for (const [setting, name] of [
    ['TEMPORAL_DB_NAME', names.store],
    ['TEMPORAL_VISIBILITY_DB_NAME', names.visibility],
  ]) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`${setting}=${name} is not a plain PostgreSQL name (lower-case letters, digits, _)`);
  }
  return { host: env.TEMPORAL_DB_HOST ?? '127.0.0.1', port, user: env.TEMPORAL_DB_USER ?? 'postgres', password: env.TEMPORAL_DB_PASSWORD ?? '', ...names };
}

/**
 * Creates the store and visibility databases if missing and migrates both to the schema this
 * server version needs: deploy/temporal/prepare-databases.sh, the same steps docker-compose.yml
 * runs. Safe on every start: the SQL tool applies only the versions a database lacks.
 */
export async function prepareTemporalDatabases(sqlTool: string, db: TemporalDatabases, log: (line: string) => void = console.log): Promise<void> {
  const env = {
    ...process.env,
    TEMPORAL_SQL_TOOL: sqlTool,
    TEMPORAL_DB_HOST: db.host,
    TEMPORAL_DB_PORT: String(db.port),
    TEMPORAL_DB_USER: db.user,
    TEMPORAL_DB_PASSWORD: db.password,
    TEMPORAL_DB_NAME: db.store,
    TEMPORAL_VISIBILITY_DB_NAME: db.visibility,
  };
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('sh', [path.join(TEMPORAL_CONFIG_ROOT, 'prepare-databases.sh')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`deploy/temporal/prepare-databases.sh exited with ${code}:\n${text.slice(-3000)}`))));
  });
  for (const line of output.split('\n')) if (line.startsWith('Temporal database ')) log(line);
}

/** The ports one server listens on; each service has a gRPC and a membership port. */
export interface TemporalServerPorts {
  frontend: number;
  frontendMembership: number;
  frontendHttp: number;
  history: number;
  historyMembership: number;
  matching: number;
  matchingMembership: number;
  worker: number;
  workerMembership: number;
}

/** Temporal's usual ports (the frontend on 7233, as the dev server). */
export const DEFAULT_TEMPORAL_SERVER_PORTS: TemporalServerPorts = {
  frontend: 7233,
  frontendMembership: 6933,
  frontendHttp: 7243,
  history: 7234,
  historyMembership: 6934,
  matching: 7235,
  matchingMembership: 6935,
  worker: 7239,
  workerMembership: 6939,
};

function listenable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Free ports for a server of a test's or a benchmark's own. Below 32768: Temporal keeps
 * membership ports in a PostgreSQL smallint, and the kernel hands out ephemeral ports (which
 * outgoing connections may take meanwhile) above it.
 */
export async function freeTemporalServerPorts(): Promise<TemporalServerPorts> {
  const ports = {} as TemporalServerPorts;
  const taken = new Set<number>();
  for (const key of Object.keys(DEFAULT_TEMPORAL_SERVER_PORTS) as Array<keyof TemporalServerPorts>) {
    for (let attempt = 0; ; attempt++) {
      const port = 10_000 + Math.floor(Math.random() * 22_000);
      if (!taken.has(port) && (await listenable(port))) {
        taken.add(port);
        ports[key] = port;
        break;
      }
      if (attempt > 200) throw new Error('no free port between 10000 and 32000 for a Temporal server');
    }
  }
  return ports;
}

export interface TemporalClusterOptions {
  binaries: TemporalServerBinaries;
  databases: TemporalDatabases;
  ports?: TemporalServerPorts;
  /** Fixed at the store's first use (see deploy/temporal/config/duban.yaml). */
  historyShards?: number;
  namespace?: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Where the server's log goes; by default it is kept (the last 20 kB) for the error message. */
  onOutput?: (text: string) => void;
}

export interface TemporalCluster {
  process: ChildProcess;
  address: string;
  ports: TemporalServerPorts;
}

/** The environment deploy/temporal/config/duban.yaml reads. */
export function temporalServerEnv(options: Pick<TemporalClusterOptions, 'databases' | 'ports' | 'historyShards' | 'logLevel'>): NodeJS.ProcessEnv {
  const ports = options.ports ?? DEFAULT_TEMPORAL_SERVER_PORTS;
  const db = options.databases;
  return {
    TEMPORAL_LOG_LEVEL: options.logLevel ?? 'warn',
    TEMPORAL_HISTORY_SHARDS: String(options.historyShards ?? 8),
    TEMPORAL_DB_HOST: db.host,
    TEMPORAL_DB_PORT: String(db.port),
    TEMPORAL_DB_USER: db.user,
    TEMPORAL_DB_PASSWORD: db.password,
    TEMPORAL_DB_NAME: db.store,
    TEMPORAL_VISIBILITY_DB_NAME: db.visibility,
    TEMPORAL_FRONTEND_PORT: String(ports.frontend),
    TEMPORAL_FRONTEND_MEMBERSHIP_PORT: String(ports.frontendMembership),
    TEMPORAL_FRONTEND_HTTP_PORT: String(ports.frontendHttp),
    TEMPORAL_HISTORY_PORT: String(ports.history),
    TEMPORAL_HISTORY_MEMBERSHIP_PORT: String(ports.historyMembership),
    TEMPORAL_MATCHING_PORT: String(ports.matching),
    TEMPORAL_MATCHING_MEMBERSHIP_PORT: String(ports.matchingMembership),
    TEMPORAL_WORKER_PORT: String(ports.worker),
    TEMPORAL_WORKER_MEMBERSHIP_PORT: String(ports.workerMembership),
    TEMPORAL_DYNAMIC_CONFIG_FILE: path.join(TEMPORAL_CONFIG_ROOT, 'config/dynamicconfig/duban.yaml'),
  };
}

/**
 * Registers the namespace when the server does not know it (the dev server makes `default` by
 * itself; Temporal's server makes none), then waits until a workflow can be started in it: a
 * new namespace reaches the history and matching services only at their next cache refresh.
 */
export async function ensureTemporalNamespace(address: string, namespace: string, options: { retentionDays?: number; timeoutMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  let lastError: unknown;
  while (Date.now() < deadline) {
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address, connectTimeout: 2000 });
      const service = connection.workflowService;
      try {
        await service.describeNamespace({ namespace });
      } catch (error) {
        if ((error as { code?: number }).code !== 5) throw error; // 5: NOT_FOUND
        await service
          .registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs((options.retentionDays ?? 30) * 86_400_000) })
          .catch((registering: { code?: number }) => {
            if (registering.code !== 6) throw registering; // 6: ALREADY_EXISTS (a concurrent start)
          });
      }
      // Readable through the frontend is not enough: ask the matching service, which learns of
      // the namespace at its own refresh.
      await service.describeTaskQueue({ namespace, taskQueue: { name: 'duban-namespace-probe' }, taskQueueType: 1 });
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await connection?.close().catch(() => {});
    }
  }
  throw new Error(`Temporal at ${address} did not accept namespace ${namespace}: ${String(lastError)}`);
}

/**
 * Forgets the members an earlier server process left in the store. Duban runs Temporal's four
 * services in one process, so at its start every member on record is dead (stopped, or killed
 * with -9); left there, each service first tries to join them and starts only after its join
 * times out (some 50 s on every restart). Not for a deployment of several server processes.
 */
async function forgetDeadMembers(db: TemporalDatabases): Promise<void> {
  const pg = new Client({ host: db.host, port: db.port, user: db.user, password: db.password || undefined, database: db.store, connectionTimeoutMillis: 5000 });
  await pg.connect();
  try {
    await pg.query('DELETE FROM cluster_membership');
  } finally {
    await pg.end();
  }
}

/**
 * Starts the server (all four services in one process) from the repository's config on migrated
 * databases, and waits until its frontend answers and the namespace is usable.
 */
export async function startTemporalCluster(options: TemporalClusterOptions): Promise<TemporalCluster> {
  const ports = options.ports ?? DEFAULT_TEMPORAL_SERVER_PORTS;
  await forgetDeadMembers(options.databases);
  const env = { ...process.env, ...temporalServerEnv({ ...options, ports }) };
  const server = spawn(options.binaries.server, ['--root', TEMPORAL_CONFIG_ROOT, '--config', 'config', '--env', 'duban', '--allow-no-auth', 'start'], {
    env,
    cwd: TEMPORAL_CONFIG_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    options.onOutput?.(chunk.toString());
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  const address = `127.0.0.1:${ports.frontend}`;
  const exited = new Promise<never>((_, reject) => server.once('exit', (code, signal) => reject(new Error(`the server exited (${signal ?? `code ${code}`})`))));
  exited.catch(() => {});
  try {
    await waitForPort(ports.frontend, { timeoutMs: 90_000, process: server });
    await Promise.race([ensureTemporalNamespace(address, options.namespace ?? 'default'), exited]);
  } catch (error) {
    server.kill('SIGKILL');
    throw new Error(`Temporal's server did not start: ${String(error)}\n${output.slice(-4000)}`);
  }
  return { process: server, address, ports };
}
