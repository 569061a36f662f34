import { Client } from 'pg';
import { stopProcess } from '../../scripts/lib/processes';
import { TEST_STATE, type TestRunState } from './test-run-state';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<symbol, unknown>)[TEST_STATE] as TestRunState | undefined;
  if (!state) return;
  if (state.temporalServer) await stopProcess(state.temporalServer);
  if (process.env.KEEP_TEST_DATABASE) {
    console.log(`Kept test database ${state.databaseName}`);
    return;
  }
  const admin = new Client({ connectionString: state.adminUrl });
  await admin.connect();
  // The run's database and those its test files made for themselves (test/support/isolated-database.ts),
  // also of a file that failed before its afterAll.
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`, [
    state.databaseName,
    `${state.databaseName}\\_%`,
  ]);
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
}
