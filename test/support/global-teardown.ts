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
  await admin.query(`DROP DATABASE IF EXISTS ${state.databaseName} WITH (FORCE)`);
  await admin.end();
}
