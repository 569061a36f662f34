/**
 * Duban as it is deployed, for the benchmarks: the built API and N built workers as child
 * processes (so that two workers are two processes, really in parallel), on a database of their
 * own and the run's Temporal server (TEMPORAL_ADDRESS), with an SMTP server that accepts and
 * discards. Each worker exposes the Temporal runtime's Prometheus figures (bench/support/with-metrics.ts).
 * Needs `npm run build` (dist/apps/{api,worker}/main.js, dist/workflows/workflow-bundle.js).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { Role } from '@duban/domain';
import { createDataSource, hashPassword, seedDevelopmentData, UserRepository } from '@duban/persistence';
import { freePort, stopProcess, waitForPort } from '../../scripts/lib/processes';
import { isolatedDatabase } from '../../test/support/isolated-database';
import { waitFor } from '../../test/support/wait-for';
import { rssBytes, scrapeMetrics, type Metrics } from './proc';

const REPO = path.resolve(__dirname, '../..');
const DIST = path.join(REPO, 'dist');
export const BUILT = {
  api: path.join(DIST, 'apps/api/main.js'),
  worker: path.join(DIST, 'apps/worker/main.js'),
  bundle: path.join(DIST, 'workflows/workflow-bundle.js'),
};
const PASSWORD = 'bench-password-0123456789';

interface Child {
  process: ChildProcess;
  output: string;
  metricsAddress?: string;
}

export class BenchStack {
  readonly taskQueue = `duban-bench-${randomUUID()}`;
  readonly workers: Child[] = [];
  api?: Child;
  apiUrl = '';
  dataSource!: DataSource;
  temporal!: Client;
  /** E-mails the SMTP server accepted. */
  mailsAccepted = 0;
  private smtp?: SMTPServer;
  private smtpPort = 0;
  private connection?: Connection;
  private database?: { url: string; drop(): Promise<void> };
  private env: Record<string, string> = {};

  static async start(options: { label: string; env?: Record<string, string> }): Promise<BenchStack> {
    const missing = Object.values(BUILT).filter((file) => !existsSync(file));
    if (missing.length) throw new Error(`The benchmark runs the built apps; missing ${missing.join(', ')}: run npm run build first`);
    const stack = new BenchStack();
    stack.database = await isolatedDatabase(options.label);
    await stack.startSmtp();
    const apiPort = await freePort();
    stack.apiUrl = `http://127.0.0.1:${apiPort}`;
    stack.env = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      JWT_SECRET: randomBytes(32).toString('base64url'),
      DATABASE_URL: stack.database.url,
      TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS!,
      TEMPORAL_NAMESPACE: process.env.TEMPORAL_NAMESPACE ?? 'default',
      TEMPORAL_TASK_QUEUE: stack.taskQueue,
      SMTP_URL: `smtp://127.0.0.1:${stack.smtpPort}`,
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      PUBLIC_URL: stack.apiUrl,
      WORKFLOW_BUNDLE_PATH: BUILT.bundle,
      DUBAN_WEB_DIR: path.join(mkdtempSync(path.join(tmpdir(), 'duban-bench-')), 'no-console'),
      // Production's strictness about nested connections, a warning rather than a failure.
      DATABASE_NESTED_CONNECTIONS: 'warn',
      DUBAN_WORKER_SHUTDOWN_GRACE_SECONDS: '0',
      ...options.env,
    };
    // The API migrates the database before it listens; the workers start on the migrated schema.
    const api = stack.spawnChild(BUILT.api);
    stack.api = api;
    await waitForPort(apiPort, { timeoutMs: 120_000, process: api.process }).catch((error) => {
      throw new Error(`${String(error)}\n${api.output}`);
    });
    stack.dataSource = createDataSource(stack.database.url, 'duban-bench');
    await stack.dataSource.initialize();
    stack.connection = await Connection.connect({ address: stack.env.TEMPORAL_ADDRESS });
    stack.temporal = new Client({ connection: stack.connection, namespace: stack.env.TEMPORAL_NAMESPACE });
    return stack;
  }

  private spawnChild(entry: string, extraEnv: Record<string, string> = {}, viaMetrics = false): Child {
    const args = viaMetrics ? ['--import', 'tsx', path.join(__dirname, 'with-metrics.ts'), entry] : [entry];
    const child: Child = { process: spawn(process.execPath, args, { cwd: REPO, env: { ...this.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] }), output: '' };
    const keep = (chunk: Buffer) => (child.output = (child.output + chunk.toString()).slice(-20_000));
    child.process.stdout?.on('data', keep);
    child.process.stderr?.on('data', keep);
    return child;
  }

  /** Starts `n` more workers on the stack's task queue; resolves once each polls. */
  async startWorkers(n: number): Promise<void> {
    const started: Child[] = [];
    for (let i = 0; i < n; i++) {
      const metricsAddress = `127.0.0.1:${await freePort()}`;
      const child = this.spawnChild(BUILT.worker, { BENCH_METRICS_ADDRESS: metricsAddress }, true);
      child.metricsAddress = metricsAddress;
      started.push(child);
      this.workers.push(child);
    }
    await waitFor(
      'the workers to poll',
      async () => {
        for (const child of started) {
          if (child.process.exitCode !== null) throw new Error(`a worker exited with ${child.process.exitCode}: ${child.output}`);
          if (!child.output.includes('Polling task queue')) return false;
          await scrapeMetrics(child.metricsAddress!);
        }
        return true;
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );
  }

  async stopWorkers(): Promise<void> {
    await Promise.all(this.workers.map((child) => stopProcess(child.process, 15_000)));
    this.workers.length = 0;
  }

  get workerPids(): number[] {
    return this.workers.map((child) => child.process.pid!);
  }

  get apiPids(): number[] {
    return this.api ? [this.api.process.pid!] : [];
  }

  /** PostgreSQL's backends serving this stack's database right now. */
  async postgresPids(): Promise<number[]> {
    const rows: Array<{ pid: number }> = await this.dataSource.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
    return rows.map((row) => row.pid);
  }

  workerRss(): number[] {
    return this.workerPids.map(rssBytes);
  }

  async workerMetrics(): Promise<Metrics[]> {
    return Promise.all(this.workers.map((child) => scrapeMetrics(child.metricsAddress!)));
  }

  async stop(): Promise<void> {
    await this.stopWorkers();
    if (this.api) await stopProcess(this.api.process, 15_000);
    await this.dataSource?.destroy();
    await this.connection?.close();
    await new Promise<void>((resolve) => (this.smtp ? this.smtp.close(() => resolve()) : resolve()));
    await this.database?.drop();
  }

  /** An SMTP server that takes every message and keeps nothing but the count. */
  private async startSmtp(): Promise<void> {
    this.smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        stream.on('end', () => {
          this.mailsAccepted++;
          callback();
        });
        stream.resume();
      },
    });
    this.smtpPort = await freePort();
    await new Promise<void>((resolve) => this.smtp!.listen(this.smtpPort, '127.0.0.1', () => resolve()));
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON answers, read as they come
  async http<T = any>(method: string, route: string, options: { token?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.apiUrl}${route}`, {
      method,
      headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, body: body as T };
  }

  /** The development seed (the member departments, the matrix), then a token for a new user of `role`. */
  async seed(): Promise<void> {
    await seedDevelopmentData(this.dataSource, 'seed-password');
  }

  private passwordHash?: Promise<string>;
  async userWithToken(role: Role, departmentId: string | null = null): Promise<{ userId: string; token: string }> {
    this.passwordHash ??= hashPassword(PASSWORD);
    const username = `bench-${role}-${randomUUID().slice(0, 8)}`;
    const { user } = await new UserRepository(this.dataSource).ensure({
      id: randomUUID(),
      username,
      displayName: username,
      email: `${username}@duban.test`,
      passwordHash: await this.passwordHash,
      role,
      departmentId,
    });
    const login = await this.http('POST', '/auth/login', { body: { username, password: PASSWORD } });
    if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
    return { userId: user.id, token: login.body.accessToken };
  }

  async registerDistricts(officeToken: string, count: number): Promise<Array<{ id: string; name: string }>> {
    const districts = [];
    for (let i = 0; i < count; i++) {
      const code = `B${randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase()}`;
      const created = await this.http('POST', '/departments', {
        token: officeToken,
        body: { code, name: `基准区${i + 1}`, kind: 'district', liaisonEmail: `${code.toLowerCase()}-liaison@duban.test`, headEmail: `${code.toLowerCase()}-head@duban.test` },
      });
      if (created.status !== 201) throw new Error(`district failed: ${JSON.stringify(created.body)}`);
      districts.push(created.body);
    }
    return districts;
  }
}
