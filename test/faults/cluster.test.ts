/**
 * The cluster path: Temporal's own server on the machine's PostgreSQL (databases of this test's
 * own, several history shards, deploy/temporal/config), the built API and two built workers on
 * one task queue. A phase fans out; once both workers are sending, one is killed with kill -9 and
 * left down, and Temporal's server is killed and restarted. The other worker must finish the
 * work alone, with the durability tests' invariants: the planned duties, none twice, one
 * assignment each, e-mails within the stated guarantee.
 *
 *   npm run build && npx jest test/faults/cluster.test.ts
 *   DUBAN_CLUSTER_DUTIES=600 npx jest test/faults/cluster.test.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { createDataSource, seedDevelopmentData } from '@duban/persistence';
import { freePort, waitForPort } from '../../scripts/lib/processes';
import { ensureTemporalServer, freeTemporalServerPorts, prepareTemporalDatabases, startTemporalCluster, type TemporalDatabases } from '../../scripts/lib/temporal-server';
import { SmtpCatcher } from '../support/smtp-catcher';
import { waitFor } from '../support/wait-for';
import { checkFanOut, fanOutCampaign, histogram, registerFanOutDistricts } from './support/fan-out';
import { OwnedPostgres } from './support/owned-postgres';
import { Supervised } from './support/supervised';

jest.setTimeout(300_000);

const REPO = path.resolve(__dirname, '../..');
const DIST = path.resolve(process.env.DUBAN_FAULT_DIST ?? path.join(REPO, 'dist'));
const ENTRY = {
  api: path.join(DIST, 'apps/api/main.js'),
  worker: path.join(DIST, 'apps/worker/main.js'),
  bundle: path.join(DIST, 'workflows/workflow-bundle.js'),
};
const DUTIES = Number(process.env.DUBAN_CLUSTER_DUTIES ?? 300);
const DISTRICTS = 30;
const HISTORY_SHARDS = 4;
const PASSWORD = 'cluster-test-password';

describe('the cluster: two workers on Temporal’s server on PostgreSQL', () => {
  const smtp = new SmtpCatcher();
  const work = mkdtempSync(path.join(tmpdir(), 'duban-cluster-'));
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  // A PostgreSQL server of the test's own (as the fault tier's): Temporal's pools and two workers
  // must not take the connections the integration tests beside it need from the machine's server.
  let pg: OwnedPostgres;
  let temporalDatabases: TemporalDatabases;
  let db: Pool;
  let temporal: Supervised;
  let api: Supervised;
  const workers: Supervised[] = [];
  let apiUrl = '';
  let token = '';
  const figures: Record<string, number | string> = {};

  beforeAll(async () => {
    const missing = Object.values(ENTRY).filter((file) => !existsSync(file));
    if (missing.length) throw new Error(`The cluster test runs the built apps; missing ${missing.join(', ')}: run npm run build first`);
    await smtp.start();
    pg = new OwnedPostgres(await freePort());
    await pg.init();
    await pg.start();
    temporalDatabases = { host: '127.0.0.1', port: pg.port, user: 'postgres', password: '', store: 'temporal', visibility: 'temporal_visibility' };
    const binaries = await ensureTemporalServer(() => {});
    const prepareStarted = Date.now();
    await prepareTemporalDatabases(binaries.sqlTool, temporalDatabases, () => {});
    figures["Temporal's two databases created and migrated (s)"] = ((Date.now() - prepareStarted) / 1000).toFixed(1);
    const ports = await freeTemporalServerPorts();
    temporal = new Supervised(
      "Temporal's server",
      async () => (await startTemporalCluster({ binaries, databases: temporalDatabases, ports, historyShards: HISTORY_SHARDS })).process,
    );
    const serverStarted = Date.now();
    await temporal.start();
    figures["Temporal's server up (s)"] = ((Date.now() - serverStarted) / 1000).toFixed(1);

    const admin = new Client({ connectionString: pg.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE duban');
    await admin.end();
    const databaseUrl = new URL(pg.url('duban'));
    db = new Pool({ connectionString: databaseUrl.toString(), max: 4 });
    db.on('error', () => {});
    const apiPort = await freePort();
    apiUrl = `http://127.0.0.1:${apiPort}`;
    const env = {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      JWT_SECRET: 'cluster-test-secret-0123456789-abcdefghijklmnop',
      DATABASE_URL: databaseUrl.toString(),
      TEMPORAL_ADDRESS: `127.0.0.1:${ports.frontend}`,
      // A queue of this run's own: two stacks never share one.
      TEMPORAL_TASK_QUEUE: `duban-cluster-${suffix}`,
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
    // The API migrates the database before it listens; the workers start on the migrated schema.
    await api.start();
    for (const name of ['worker A', 'worker B']) {
      const worker = new Supervised(name, async () => node(ENTRY.worker));
      await worker.start();
      workers.push(worker);
    }
    const seeding = createDataSource(databaseUrl.toString(), 'cluster-seed');
    await seeding.initialize();
    await seedDevelopmentData(seeding, PASSWORD);
    await seeding.destroy();
    const login = await http('POST', '/auth/login', { username: 'office', password: PASSWORD });
    if (login.status !== 200) throw new Error(`login: ${JSON.stringify(login.body)}`);
    token = login.body.accessToken;
  });

  afterAll(async () => {
    console.log(
      `Cluster test figures:\n${Object.entries(figures)
        .map(([k, v]) => `  ${k}: ${v}`)
        .join('\n')}`,
    );
    for (const process of [...workers, api, temporal]) await process?.stop();
    await db?.end();
    await pg?.destroy();
    await smtp.stop();
    rmSync(work, { recursive: true, force: true });
  });

  async function http(method: string, route: string, body?: unknown): Promise<{ status: number; body: any }> {
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
    return { status: response.status, body: parsed as any };
  }

  const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await db.query(sql, params)).rows[0].n);

  /** The worker process that sent each e-mail, from the lease token it claimed it with (`…/pid<n>-…`). */
  async function sendersOf(phaseId: string): Promise<Map<number, number>> {
    const rows = (
      await db.query(`SELECT substring(e.claimed_by from '/pid([0-9]+)-') AS pid FROM emails e JOIN duties d ON d.id = e.duty_id WHERE d.phase_id = $1 AND e.status = 'sent'`, [
        phaseId,
      ])
    ).rows as Array<{ pid: string | null }>;
    const senders = new Map<number, number>();
    for (const { pid } of rows) if (pid) senders.set(Number(pid), (senders.get(Number(pid)) ?? 0) + 1);
    return senders;
  }

  it('fans a phase out with two workers, one killed mid-way and Temporal restarted, losing and doubling nothing', async () => {
    const started = Date.now();
    const districts = await registerFanOutDistricts(http, DISTRICTS, '集群');
    const templates = Math.ceil(DUTIES / DISTRICTS);
    const campaign = await http(
      'POST',
      '/campaigns',
      fanOutCampaign(
        '集群演练',
        districts.map((d) => d.id),
        templates,
      ),
    );
    expect(campaign.status).toBe(201);
    const phaseId: string = campaign.body.phases[0].id;
    const launched = await http('POST', `/campaigns/${campaign.body.id}/phases/${phaseId}/launch`, {});
    expect(launched.status).toBe(200);
    const planned: number = launched.body.dutyCount;
    expect(planned).toBe(templates * DISTRICTS);
    const launchedAt = Date.now();
    const sent = () => count(`SELECT count(*) AS n FROM emails e JOIN duties d ON d.id = e.duty_id WHERE d.phase_id = $1 AND e.status = 'sent'`, [phaseId]);

    const [victim, survivor] = workers;
    const victimPid = victim.child!.pid!;
    const survivorPid = survivor.child!.pid!;
    // Both workers take part before the kill: Temporal spreads one queue's tasks over its pollers.
    await waitFor(
      'both workers sending e-mails',
      async () => {
        const senders = await sendersOf(phaseId);
        return (senders.get(victimPid) ?? 0) >= 5 && (senders.get(survivorPid) ?? 0) >= 5 && (await sent()) >= planned * 0.2;
      },
      { timeoutMs: 120_000, intervalMs: 100 },
    );
    const sentAtKill = await sent();
    const byVictimBeforeKill = (await sendersOf(phaseId)).get(victimPid) ?? 0;
    await victim.kill9({ restart: false });
    const killedAt = Date.now();
    // Temporal's server too, while the survivor takes over the victim's workflows: its state is in PostgreSQL.
    await waitFor('more e-mails before Temporal is killed', async () => (await sent()) >= sentAtKill + planned * 0.1, { timeoutMs: 120_000, intervalMs: 100 });
    const sentAtTemporalKill = await sent();
    await temporal.kill9();
    const temporalBackAt = Date.now();

    await waitFor('every duty recorded and its e-mail sent', async () => (await sent()) === planned, { timeoutMs: 240_000, intervalMs: 250 });
    const allSentAfter = (Date.now() - launchedAt) / 1000;

    const fanOut = await checkFanOut(db, phaseId, planned, smtp.emails, victim.kills);
    const senders = await sendersOf(phaseId);
    // The survivor finished alone: everything sent after the kill is its own.
    expect([...senders.keys()].sort()).toEqual([victimPid, survivorPid].sort());
    expect(senders.get(victimPid) ?? 0).toBeLessThanOrEqual(byVictimBeforeKill + 1);
    const sentAfterKill = fanOut.ledger.filter((row) => row.sent_ms > killedAt + 1_000);
    expect(sentAfterKill.length).toBeGreaterThan(0);
    expect(sentAfterKill.every((row) => row.claimed_by?.includes(`/pid${survivorPid}-`))).toBe(true);

    // The work spread over the server's history shards (ids hash to shards), not one.
    const store = new Client({ ...temporalDatabases, password: temporalDatabases.password || undefined, database: temporalDatabases.store });
    await store.connect();
    let shardsUsed: number;
    try {
      shardsUsed = Number((await store.query(`SELECT count(DISTINCT shard_id) AS n FROM executions WHERE workflow_id LIKE 'duty-%'`)).rows[0].n);
    } finally {
      await store.end();
    }
    expect(shardsUsed).toBe(HISTORY_SHARDS);

    Object.assign(figures, {
      'duties planned / created': `${planned} / ${planned}`,
      'duplicate duties / transitions': `${fanOut.duplicateDuties} / ${fanOut.duplicateTransitions}`,
      'e-mails sent by worker A / B': `${senders.get(victimPid) ?? 0} / ${senders.get(survivorPid) ?? 0}`,
      'worker A killed (kill -9, left down) at e-mails sent': `${sentAtKill} (${((killedAt - launchedAt) / 1000).toFixed(1)} s after launch)`,
      "Temporal's server killed and restarted at e-mails sent": `${sentAtTemporalKill} (back ${((temporalBackAt - launchedAt) / 1000).toFixed(1)} s after launch)`,
      'assignment e-mails received (copies)': fanOut.copies,
      'resends (same Message-ID, folded)': fanOut.resends,
      'history shards used': `${shardsUsed} of ${HISTORY_SHARDS}`,
      'acceptance → sent mark (ms, p50 / p99 / max)': fanOut.acceptanceToSentMark,
      'launch → every e-mail sent (s)': allSentAfter.toFixed(1),
      'e-mails sent per 10 s after launch': histogram(
        fanOut.ledger.map((row) => row.sent_ms - launchedAt),
        10_000,
      ),
      'whole test (s)': ((Date.now() - started) / 1000).toFixed(1),
    });
  });
});
