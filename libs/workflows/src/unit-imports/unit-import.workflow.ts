import { proxyActivities } from '@temporalio/workflow';
import type { UnitImportActivities, UnitImportSummary } from './unit-import-contract';

// Reading a file of a hundred thousand rows takes a minute or more; the activity heartbeats after
// every batch (and every thousand rows while a retry reads past what was written), so a worker
// that dies is noticed within half a minute and the retry resumes where it was.
const activities = proxyActivities<UnitImportActivities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** Imports one uploaded file of unit facts (`unit-import-<id>`); progress is in the import's record. */
export async function UnitImportWorkflow(input: { importId: string }): Promise<UnitImportSummary> {
  return activities.importUnitRows(input);
}
