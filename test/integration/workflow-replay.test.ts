import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { HISTORIES_DIR } from '../support/recorded-histories';

const histories = readdirSync(HISTORIES_DIR).filter((file) => file.endsWith('.json'));

describe('recorded workflow histories replay against the current workflow code', () => {
  beforeAll(() => {
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      // already installed by another suite in this worker process
    }
  });

  it('has histories of every workflow type to replay', () => {
    const types = new Set(histories.map((file) => file.split('.')[0]));
    expect([...types].sort()).toEqual([
      'account-mail-workflow',
      'assessment-workflow',
      'campaign-reporting-workflow',
      'campaign-workflow',
      'circular-publication-workflow',
      'compliance-case-batch-workflow',
      'compliance-case-workflow',
      'compliance-run-workflow',
      'duty-workflow',
      'phase-duty-batch-workflow',
      'phase-workflow',
      'sign-in-housekeeping-workflow',
      'unit-import-workflow',
    ]);
  });

  it.each(histories)('%s replays without non-determinism', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(path.join(HISTORIES_DIR, file), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.WORKFLOW_BUNDLE_PATH! }, replayName: file }, history, file.replace(/\.json$/, ''));
  });
});
