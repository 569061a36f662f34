import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { bundleDubanWorkflows } from '../../scripts/lib/workflow-bundle';
import { ensureTemporalCli, startTemporalDevServer } from '../../scripts/lib/temporal-cli';
import { freePort } from '../../scripts/lib/processes';
import { ensureTemporalServer, freeTemporalServerPorts, prepareTemporalDatabases, startTemporalCluster } from '../../scripts/lib/temporal-server';
import { TEST_STATE, type TestRunState } from './test-run-state';

/**
 * Once per run: a fresh database on the real PostgreSQL, a Temporal dev server of our own
 * (unless TEMPORAL_ADDRESS points at one; DUBAN_TEST_TEMPORAL=cluster: Temporal's own server on
 * PostgreSQL, docs/temporal-cluster.md), and the workflow bundle. Test files find them
 * through the environment, which jest's workers inherit.
 */
export default async function globalSetup(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const databaseName = `duban_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${databaseName}`;

  const state: TestRunState = { adminUrl, databaseName };
  (globalThis as Record<symbol, unknown>)[TEST_STATE] = state;

  if (!process.env.TEMPORAL_ADDRESS && process.env.DUBAN_TEST_TEMPORAL === 'cluster') {
    // The same tests (or benchmarks) on Temporal's own server on PostgreSQL, with databases of the run's own.
    const binaries = await ensureTemporalServer((line) => console.log(line));
    const admin = new URL(adminUrl);
    const databases = {
      host: admin.hostname,
      port: Number(admin.port || 5432),
      user: decodeURIComponent(admin.username || 'postgres'),
      password: decodeURIComponent(admin.password),
      store: `${databaseName}_temporal`,
      visibility: `${databaseName}_temporal_visibility`,
    };
    await prepareTemporalDatabases(binaries.sqlTool, databases, () => {});
    const cluster = await startTemporalCluster({ binaries, databases, ports: await freeTemporalServerPorts() });
    state.temporalServer = cluster.process;
    process.env.TEMPORAL_ADDRESS = cluster.address;
  } else if (!process.env.TEMPORAL_ADDRESS) {
    const binary = await ensureTemporalCli((line) => console.log(line));
    const port = await freePort();
    state.temporalServer = await startTemporalDevServer({ binary, port });
    process.env.TEMPORAL_ADDRESS = `127.0.0.1:${port}`;
  }

  const bundleDir = await mkdtemp(path.join(tmpdir(), 'duban-test-'));
  const bundlePath = path.join(bundleDir, 'workflow-bundle.js');
  await writeFile(bundlePath, await bundleDubanWorkflows());

  process.env.DATABASE_URL = databaseUrl.toString();
  process.env.WORKFLOW_BUNDLE_PATH = bundlePath;
  process.env.NODE_ENV = 'test';
  // Outside development on loopback the API refuses to start without a secret of its own.
  process.env.JWT_SECRET ??= randomBytes(32).toString('base64url');
}
