import type { UnitImport } from '@duban/contracts';
import type { UnitImportRow } from '@duban/persistence';
import { isoDate, isoDateOrNull } from '../common/instants';

// A row of the unit-import repository mapped to the answer of libs/contracts/src/unit-imports.ts.

export function unitImportView(i: UnitImportRow): UnitImport {
  return {
    id: i.id,
    dataset: i.dataset,
    format: i.format,
    fileName: i.fileName,
    sizeBytes: i.sizeBytes,
    sha256: i.sha256,
    sourceDepartmentId: i.sourceDepartmentId,
    sourceDepartmentName: i.sourceDepartmentName,
    sourceDate: i.sourceDate,
    status: i.status,
    rowsRead: i.rowsRead,
    rowsImported: i.rowsImported,
    rowsChanged: i.rowsChanged,
    rowsUnchanged: i.rowsUnchanged,
    rowsRejected: i.rowsRejected,
    ignoredColumns: i.ignoredColumns,
    error: i.error,
    requestedBy: i.requestedBy,
    requesterUsername: i.requesterUsername,
    createdAt: isoDate(i.createdAt),
    startedAt: isoDateOrNull(i.startedAt),
    finishedAt: isoDateOrNull(i.finishedAt),
  };
}
