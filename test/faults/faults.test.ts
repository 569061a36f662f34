/**
 * Faults, repeated: the built API and worker, a Temporal dev server and a PostgreSQL server run
 * as child processes of this test, and the test kills each of them with SIGKILL, several times,
 * while a phase fans out to a few hundred duties and a unit file is imported, restarting each at
 * once (as a service manager would). Then nothing may be missing or doubled: the planned duties,
 * one assignment transition each, e-mails within the stated guarantee, the import's exact row
 * counts. Last, the database goes away and comes back: the API answers 503 meanwhile and recovers
 * without a restart, and the worker's activities retry and finish.
 *
 *   npm run build && npx jest --selectProjects faults
 *   DUBAN_FAULT_DUTIES=600 DUBAN_FAULT_IMPORT_ROWS=50000 npx jest --selectProjects faults
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, openAsBlob, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { createDataSource, seedDevelopmentData } from '@duban/persistence';
import { freePort, waitForPort } from '../../scripts/lib/processes';
import { ensureTemporalCli, startTemporalDevServer } from '../../scripts/lib/temporal-cli';
import { validCreditCode } from '../support/credit-codes';
import { SmtpCatcher } from '../support/smtp-catcher';
import { waitFor } from '../support/wait-for';
import { checkFanOut, fanOutCampaign, histogram, registerFanOutDistricts } from './support/fan-out';
import { OwnedPostgres } from './support/owned-postgres';
import { Supervised } from './support/supervised';

jest.setTimeout(240_000);

const REPO = path.resolve(__dirname, '../..');
// DUBAN_FAULT_DIST: another build to attack (to compare with an older version, say).
const DIST = path.resolve(process.env.DUBAN_FAULT_DIST ?? path.join(REPO, 'dist'));
const ENTRY = {
  api: path.join(DIST, 'apps/api/main.js'),
  worker: path.join(DIST, 'apps/worker/main.js'),
  bundle: path.join(DIST, 'workflows/workflow-bundle.js'),
};
const DUTIES = Number(process.env.DUBAN_FAULT_DUTIES ?? 300);
const DISTRICTS = 30;
// Large enough that the import is still running when the kills come (10,000 rows import in a second or two now, before the first).
const IMPORT_ROWS = Number(process.env.DUBAN_FAULT_IMPORT_ROWS ?? 50_000);
const PASSWORD = 'fault-tier-password';

describe('faults, repeated: kill -9 of the worker, Temporal and the API; a database restart', () => {
  const smtp = new SmtpCatcher();
  const work = mkdtempSync(path.join(tmpdir(), 'duban-faults-'));
  let pg: OwnedPostgres;
  let db: Pool;
  let temporal: Supervised;
  let api: Supervised;
  let worker: Supervised;
  let apiUrl = '';
  let token = '';
  const figures: Record<string, number | string> = {};
  const cleanups: Array<() => void> = [];

  beforeAll(async () => {
    const missing = Object.values(ENTRY).filter((file) => !existsSync(file));
    if (missing.length) throw new Error(`The fault tier runs the built apps; missing ${missing.join(', ')}: run npm run build first`);
    await smtp.start();
    const [pgPort, temporalPort, apiPort] = [await freePort(), await freePort(), await freePort()];
    pg = new OwnedPostgres(pgPort);
    await pg.init();
    await pg.start();
    db = new Pool({ connectionString: pg.url(), max: 4 });
    db.on('error', () => {});
    await db.query('CREATE DATABASE duban');
    await db.end();
    const databaseUrl = pg.url('duban');
    db = new Pool({ connectionString: databaseUrl, max: 4 });
    db.on('error', () => {});

    const binary = await ensureTemporalCli(() => {});
    // A file, so that the server keeps its workflows across kill -9; on tmpfs where there is one,
    // since SQLite's fsync per write on a busy disk slows the fan-out tenfold.
    const shm = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/duban-faults-temporal-') : work;
    cleanups.push(() => rmSync(shm, { recursive: true, force: true }));
    const dbFile = path.join(shm, 'temporal.db');
    temporal = new Supervised('Temporal', () => startTemporalDevServer({ binary, port: temporalPort, dbFile }));
    await temporal.start();

    apiUrl = `http://127.0.0.1:${apiPort}`;
    const env = {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      JWT_SECRET: 'faults-test-secret-0123456789-abcdefghijklmnop',
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
      TEMPORAL_TASK_QUEUE: 'duban-faults',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      PUBLIC_URL: apiUrl,
      WORKFLOW_BUNDLE_PATH: ENTRY.bundle,
      DUBAN_WEB_DIR: path.join(work, 'no-console'),
      DUBAN_PHASE_BATCH_SIZE: '100',
      DUBAN_WORKER_SHUTDOWN_GRACE_SECONDS: '0',
    };
    const node = (entry: string): ChildProcess => spawn(process.execPath, [entry], { env, cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    api = new Supervised('API', async () => {
      const child = node(ENTRY.api);
      await waitForPort(apiPort, { timeoutMs: 60_000, process: child });
      return child;
    });
    worker = new Supervised('worker', async () => node(ENTRY.worker));
    // The API migrates the database before it listens; the worker starts on the migrated schema.
    await api.start();
    await worker.start();

    const seeding = createDataSource(databaseUrl, 'faults-seed');
    await seeding.initialize();
    await seedDevelopmentData(seeding, PASSWORD);
    await seeding.destroy();
    const login = await http('POST', '/auth/login', { username: 'office', password: PASSWORD });
    if (login.status !== 200) throw new Error(`login: ${JSON.stringify(login.body)}`);
    token = login.body.accessToken;
  });

  afterAll(async () => {
    console.log(
      `Fault tier figures:\n${Object.entries(figures)
        .map(([k, v]) => `  ${k}: ${v}`)
        .join('\n')}`,
    );
    for (const process of [worker, api, temporal]) await process?.stop();
    await db?.end();
    await pg?.destroy();
    await smtp.stop();
    rmSync(work, { recursive: true, force: true });
    for (const cleanup of cleanups) cleanup();
  });

  /** One request; `patient` retries while the API is down or restarting (after a kill). */
  async function http(method: string, route: string, body?: unknown, options: { patient?: boolean } = {}): Promise<{ status: number; body: any; headers: Headers }> {
    const attempt = async () => {
      const response = await fetch(`${apiUrl}${route}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON
      }
      return { status: response.status, body: parsed as any, headers: response.headers };
    };
    if (!options.patient) return attempt();
    return waitFor(
      `${method} ${route}`,
      async () => {
        try {
          const result = await attempt();
          return result.status < 500 && result;
        } catch {
          return false;
        }
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
  }

  const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await db.query(sql, params)).rows[0].n);

  it('fans out a phase and imports a unit file through repeated kill -9s, losing and doubling nothing', async () => {
    const started = Date.now();
    const districts = await registerFanOutDistricts(http, DISTRICTS, '故障');
    const templates = Math.ceil(DUTIES / DISTRICTS);
    const campaign = await http(
      'POST',
      '/campaigns',
      fanOutCampaign(
        '故障演练',
        districts.map((d) => d.id),
        templates,
      ),
    );
    expect(campaign.status).toBe(201);
    const phaseId: string = campaign.body.phases[0].id;

    // The unit file: distinct credit codes, all valid.
    const departments = await http('GET', '/departments');
    const sia = (departments.body as Array<{ id: string; code: string }>).find((d) => d.code === 'SIA')!;
    const prefix = `故障导入${randomUUID().slice(0, 6)}`;
    const header = ['统一社会信用代码', '单位名称', '行业', '所属区县', '从业人数', '养老参保人数', '欠费金额'];
    const lines = [header.join(',')];
    for (let i = 0; i < IMPORT_ROWS; i++) lines.push([validCreditCode(), `${prefix}单位${i}`, '餐饮', districts[0].name, '10', '10', '0'].join(','));
    const file = path.join(work, 'units.csv');
    writeFileSync(file, `\uFEFF${lines.join('\n')}\n`);

    const launched = await http('POST', `/campaigns/${campaign.body.id}/phases/${phaseId}/launch`, {});
    expect(launched.status).toBe(200);
    expect(launched.body.dutyCount).toBe(templates * DISTRICTS);
    const planned: number = launched.body.dutyCount;
    const form = new FormData();
    form.append('dataset', 'social_insurance_registration');
    form.append('sourceDate', '2026-10-31');
    form.append('departmentId', sia.id);
    form.append('file', await openAsBlob(file), 'units.csv');
    const upload = await fetch(`${apiUrl}/unit-imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(upload.status).toBe(202);
    const importId: string = ((await upload.json()) as { id: string }).id;

    const sent = () => count(`SELECT count(*) AS n FROM emails e JOIN duties d ON d.id = e.duty_id WHERE d.phase_id = $1 AND e.status = 'sent'`, [phaseId]);
    const importRunning = async () => (await db.query(`SELECT status FROM unit_imports WHERE id = $1`, [importId])).rows[0]?.status === 'running';
    // Kill each while e-mails are going out: thresholds on the e-mails sent so far.
    // Close together, so that the activities a kill strands (Temporal retries them once their
    // 30 s start-to-close timeout is over) wait out their timeouts at the same time.
    const plan: Array<[fraction: number, target: Supervised]> = [
      [0.03, worker],
      [0.07, temporal],
      [0.1, api],
      [0.14, worker],
      [0.18, temporal],
      [0.21, api],
      [0.25, worker],
    ];
    const launchedAt = Date.now();
    const kills: string[] = [];
    let killsDuringImport = 0;
    for (const [fraction, target] of plan) {
      const at = Math.floor(planned * fraction);
      await waitFor(`${at} e-mails sent before killing the ${target.name}`, async () => (await sent()) >= at, { timeoutMs: 90_000, intervalMs: 50 });
      if (await importRunning().catch(() => false)) killsDuringImport++;
      await target.kill9();
      kills.push(`${target.name}@${at} (${((Date.now() - launchedAt) / 1000).toFixed(1)} s)`);
    }

    await waitFor('every duty recorded and its e-mail sent', async () => (await sent()) === planned, { timeoutMs: 150_000, intervalMs: 250 });
    const allSentAfter = (Date.now() - launchedAt) / 1000;
    const imported = await waitFor(
      'the import to finish',
      async () => {
        const got = await http('GET', `/unit-imports/${importId}`, undefined, { patient: true });
        return ['completed', 'failed'].includes(got.body.status) && got.body;
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );

    // Duties and e-mails: as planned, none twice, resends within the stated guarantee.
    const fanOut = await checkFanOut(db, phaseId, planned, smtp.emails, worker.kills);
    const { ledger } = fanOut;

    // The import: every row exactly once.
    expect(imported).toMatchObject({ status: 'completed', rowsRead: IMPORT_ROWS, rowsImported: IMPORT_ROWS, rowsRejected: 0 });
    expect(await count(`SELECT count(*) AS n FROM units WHERE name LIKE $1`, [`${prefix}%`])).toBe(IMPORT_ROWS);
    expect(await count(`SELECT count(DISTINCT credit_code) AS n FROM units WHERE name LIKE $1`, [`${prefix}%`])).toBe(IMPORT_ROWS);

    Object.assign(figures, {
      'kills (in order, at e-mails sent)': kills.join(', '),
      'kill -9 worker / Temporal / API': `${worker.kills} / ${temporal.kills} / ${api.kills}`,
      'kills while the import ran': killsDuringImport,
      'exits on their own (restarted)': `worker ${worker.unexpectedExits}, Temporal ${temporal.unexpectedExits}, API ${api.unexpectedExits}`,
      'duties planned / created': `${planned} / ${planned}`,
      'duplicate duties / transitions': `${fanOut.duplicateDuties} / ${fanOut.duplicateTransitions}`,
      'assignment e-mails received (copies)': fanOut.copies,
      'resends (same Message-ID, folded)': fanOut.resends,
      'ledger attempts > 1': ledger.filter((row) => row.attempts > 1).length,
      'import rows / imported': `${IMPORT_ROWS} / ${imported.rowsImported}`,
      'acceptance → sent mark (ms, p50 / p99 / max)': fanOut.acceptanceToSentMark,
      'launch → every e-mail sent (s)': allSentAfter.toFixed(1),
      'e-mails sent per 10 s after launch': histogram(
        ledger.map((row) => row.sent_ms - launchedAt),
        10_000,
      ),
      'fan-out and import with kills (s)': ((Date.now() - started) / 1000).toFixed(1),
    });
  });

  it('answers 503 while the database is away, recovers without a restart, and the worker finishes its work', async () => {
    const started = Date.now();
    const departments = await http('GET', '/departments', undefined, { patient: true });
    const department = (departments.body as Array<{ id: string; code: string; liaisonEmail: string }>).find((d) => d.code === 'SIA')!;
    const [apiStarts, workerStarts] = [api.starts, worker.starts];
    // The worker is frozen while the duties are assigned, so that their activities run while the database is away.
    worker.child!.kill('SIGSTOP');
    const duties: string[] = [];
    try {
      for (let i = 0; i < 10; i++) {
        const created = await http('POST', '/duties', {
          departmentId: department.id,
          title: `数据库重启${i}`,
          description: '',
          dueAt: new Date(Date.now() + 86_400_000).toISOString(),
        });
        expect(created.status).toBe(201);
        duties.push(created.body.id);
      }
      await pg.stop();
    } finally {
      worker.child!.kill('SIGCONT');
    }
    const down = Date.now();
    let workerComplaints = 0;
    worker.listeners.push((text) => {
      workerComplaints += (text.match(/ECONNREFUSED|Connection terminated|57P01|shutting down|starting up/gi) ?? []).length;
    });
    const answers: number[] = [];
    let retryAfter: string | null = null;
    // Answers while it is away: as many as come in two seconds.
    while (Date.now() - down < 2_000) {
      const got = await http('GET', '/duties?limit=5');
      answers.push(got.status);
      retryAfter ??= got.headers.get('retry-after');
    }
    const created = await http('POST', '/duties', { departmentId: department.id, title: '数据库不在时', description: '', dueAt: new Date(Date.now() + 86_400_000).toISOString() });
    answers.push(created.status);
    expect(new Set(answers)).toEqual(new Set([503]));
    expect(retryAfter).toBeTruthy();

    await pg.start();
    const back = Date.now();
    await waitFor('the API to answer again', async () => (await http('GET', '/duties?limit=5')).status === 200, { timeoutMs: 30_000, intervalMs: 100 });
    const apiRecoveredMs = Date.now() - back;
    await waitFor(
      "the frozen worker's e-mails, sent once the database is back",
      async () => (await count(`SELECT count(*) AS n FROM emails WHERE duty_id = ANY($1) AND status = 'sent'`, [duties])) === duties.length,
      { timeoutMs: 90_000, intervalMs: 200 },
    );
    const workerFinishedMs = Date.now() - back;
    // Its activities did run into the missing database (and were retried), rather than wait.
    expect(workerComplaints).toBeGreaterThan(0);
    const recorded = await count(`SELECT count(*) AS n FROM duties WHERE id = ANY($1)`, [duties]);
    expect(recorded).toBe(duties.length);
    for (const id of duties) {
      const [row] = (await db.query(`SELECT message_id FROM emails WHERE duty_id = $1`, [id])).rows as Array<{ message_id: string }>;
      expect(smtp.emails.filter((e) => e.messageId === row.message_id)).toHaveLength(1);
    }
    // Neither process was restarted: they rode it out.
    expect([api.starts, worker.starts]).toEqual([apiStarts, workerStarts]);
    Object.assign(figures, {
      'database away (s)': ((back - down) / 1000).toFixed(1),
      'worker log mentions of the lost database': workerComplaints,
      'answers while away': `${answers.length}, all 503 (Retry-After: ${retryAfter})`,
      'API answering again after (s)': (apiRecoveredMs / 1000).toFixed(1),
      "worker's pending e-mails all sent after (s)": (workerFinishedMs / 1000).toFixed(1),
      'database restart part (s)': ((Date.now() - started) / 1000).toFixed(1),
    });
  });
});
