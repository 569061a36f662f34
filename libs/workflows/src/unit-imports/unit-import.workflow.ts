import { proxyActivities } from '@temporalio/workflow';
import type { UnitImportActivities, UnitImportSummary } from './unit-import-contract';

// Reading a file of a million rows takes minutes; the activity heartbeats after
// every chunk written (every 5 s while one is written, every thousand rows while reading), so a worker
// that dies is noticed within half a minute and the retry resumes after the last chunk committed.
const activities = proxyActivities<UnitImportActivities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** Imports one uploaded file of unit facts (`unit-import-<id>`); progress is in the import's record. */
export async function UnitImportWorkflow(input: { importId: string }): Promise<UnitImportSummary> {
  return activities.importUnitRows(input);
}
