import type { ChildProcess } from 'node:child_process';

/** Shared between global setup and teardown, which jest runs in the same process. */
export const TEST_STATE = Symbol.for('duban.testRunState');

export interface TestRunState {
  adminUrl: string;
  databaseName: string;
  temporalServer?: ChildProcess;
}
