import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { loadDubanConfig, type DubanConfig } from '@duban/config';
import type { Role } from '@duban/domain';
import { hashPassword, UserRepository } from '@duban/persistence';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { DubanWorker } from '../../apps/worker/src/duban-worker';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { isolatedDatabase } from './isolated-database';
import { OpenApiResponseChecker } from './openapi-responses';
import { SmtpCatcher } from './smtp-catcher';

export interface HttpResult<T = any> {
  status: number;
  body: T;
}

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

/**
 * The whole slice for one test file: the API listening on a real port, a worker on its own
 * task queue, both on the run's database and Temporal server, and an SMTP server that
 * catches what the worker sends.
 */
export class TestStack {
  readonly smtp = new SmtpCatcher();
  config!: DubanConfig;
  api!: INestApplication;
  workerApp!: INestApplicationContext;
  worker!: DubanWorker;
  temporal!: Client;
  private temporalConnection!: Connection;
  private workerRun?: Promise<void>;
  private ownDatabase?: { url: string; drop(): Promise<void> };
  baseUrl = '';
  private openApi?: Promise<OpenApiResponseChecker>;

  /**
   * `port`: listen there rather than on any free port, for tests whose e-mails must link back
   * to this API (PUBLIC_URL is then set to it).
   */
  static async start(overrides: Record<string, string> = {}, options: { port?: number } = {}): Promise<TestStack> {
    quietTemporalRuntime();
    const stack = new TestStack();
    // A database of its own for each test file, so that files can run side by side (jest
    // --maxWorkers) without one file's rows showing up in another's counts and lists.
    if (overrides.DATABASE_URL === undefined) {
      stack.ownDatabase = await isolatedDatabase(`f${randomUUID().replace(/-/g, '').slice(0, 8)}`);
      overrides = { ...overrides, DATABASE_URL: stack.ownDatabase.url };
    }
    await stack.smtp.start();
    stack.config = loadDubanConfig({
      ...process.env,
      SMTP_URL: `smtp://127.0.0.1:${stack.smtp.port}`,
      TEMPORAL_TASK_QUEUE: `duban-test-${randomUUID()}`,
      PUBLIC_URL: options.port ? `http://127.0.0.1:${options.port}` : 'http://duban.test',
      ...overrides,
    });
    stack.api = await createApiApp(stack.config, { logger: false });
    await stack.api.listen(options.port ?? 0, '127.0.0.1');
    stack.baseUrl = (await stack.api.getUrl()).replace('[::1]', '127.0.0.1');
    await stack.startWorker();
    stack.temporalConnection = await Connection.connect({ address: stack.config.temporal.address });
    stack.temporal = new Client({ connection: stack.temporalConnection, namespace: stack.config.temporal.namespace });
    return stack;
  }

  /** Starts the worker (again, after stopWorker: as after a crash or a deployment). */
  async startWorker(): Promise<void> {
    this.workerApp = await NestFactory.createApplicationContext(WorkerModule.forRoot(this.config), { logger: false });
    this.worker = this.workerApp.get(DubanWorker);
    this.workerRun = this.worker.run();
  }

  async stopWorker(): Promise<void> {
    this.worker.shutdown();
    await this.workerRun;
    await this.workerApp.close();
  }

  get dataSource(): DataSource {
    return this.api.get(DataSource);
  }

  async stop(): Promise<void> {
    if (this.worker?.worker.getState() === 'RUNNING') await this.stopWorker();
    await this.api?.close();
    await this.temporalConnection?.close();
    await this.smtp.stop();
    await this.ownDatabase?.drop();
  }

  async http<T = any>(method: string, path: string, options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    if (process.env.DUBAN_SKIP_RESPONSE_VALIDATION !== '1') {
      const problem = (await this.responseChecker()).problem(method, path, response.status, response.headers.get('content-type'), parsed);
      if (problem) throw new Error(`The answer is not what the OpenAPI document says: ${problem}`);
    }
    return { status: response.status, body: parsed as T };
  }

  /**
   * Every answer `http` receives is checked against the served OpenAPI document (/docs-json,
   * read once per stack): its status must be documented for the route, a JSON body must match
   * that status's schema. DUBAN_SKIP_RESPONSE_VALIDATION=1 turns this off, for debugging only.
   */
  responseChecker(): Promise<OpenApiResponseChecker> {
    this.openApi ??= fetch(`${this.baseUrl}/docs-json`)
      .then((response) => {
        if (!response.ok) throw new Error(`GET /docs-json answered ${response.status}`);
        return response.json() as Promise<Record<string, unknown>>;
      })
      .then((document) => new OpenApiResponseChecker(document));
    return this.openApi;
  }

  /** Creates a user straight in the database (there is no sign-up) and logs in through the API. */
  async userWithToken(role: Role, departmentId: string | null = null, email: string | null = null) {
    passwordHash ??= hashPassword(TEST_PASSWORD);
    const username = `${role}-${randomUUID().slice(0, 8)}`;
    const users = new UserRepository(this.dataSource);
    const { user } = await users.ensure({
      id: randomUUID(),
      username,
      displayName: username,
      email: email ?? `${username}@duban.test`,
      passwordHash: await passwordHash,
      role,
      departmentId,
    });
    const login = await this.http('POST', '/auth/login', { body: { username, password: TEST_PASSWORD } });
    if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
    return { user, token: login.body.accessToken as string };
  }

  /** Registers a department through the API, with addresses unique to this test. */
  async department(officeToken: string) {
    const code = `D${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
    const result = await this.http('POST', '/departments', {
      token: officeToken,
      body: {
        code,
        name: `测试部门${code}`,
        liaisonEmail: `${code.toLowerCase()}-liaison@duban.test`,
        headEmail: `${code.toLowerCase()}-head@duban.test`,
      },
    });
    if (result.status !== 201) throw new Error(`department failed: ${JSON.stringify(result.body)}`);
    return result.body as { id: string; code: string; name: string; liaisonEmail: string; headEmail: string };
  }
}

let runtimeInstalled = false;
/** The SDK logs every worker state change at INFO; tests want warnings only. Once per process. */
function quietTemporalRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  runtimeInstalled = true;
}
