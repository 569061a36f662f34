import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

export const HISTORIES_DIR = path.resolve(__dirname, '../replay/histories');

/**
 * With RECORD_HISTORIES=1, saves a finished workflow's history as a replay fixture (unless one
 * by that name exists). Recorded
 * histories are committed; workflow-replay.test.ts replays every one against today's code, so
 * a change that would break running workflows fails CI (and needs `patched()`).
 */
export async function recordHistoryIfAsked(handle: WorkflowHandle, name: string): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  const file = path.join(HISTORIES_DIR, `${name}.json`);
  // Histories recorded by older workflow code are the point: never overwrite one.
  if (existsSync(file)) return;
  const history = await handle.fetchHistory();
  mkdirSync(HISTORIES_DIR, { recursive: true });
  writeFileSync(file, historyToJSON(history));
}
