// Imports of a department's data file into the resource library (apps/api/src/unit-imports).
import type { ImportDataset } from '@duban/domain';
import type { IsoInstant } from './common';

export type UnitImportStatus = 'uploading' | 'queued' | 'running' | 'completed' | 'failed';

/** POST /unit-imports (202), GET /unit-imports/:id: an import and how far it got. */
export interface UnitImport {
  id: string;
  dataset: ImportDataset;
  format: 'csv' | 'xlsx' | null;
  fileName: string;
  /** The file's size as decimal text (a bigint column). */
  sizeBytes: string | null;
  sha256: string | null;
  sourceDepartmentId: string;
  sourceDepartmentName: string;
  /** The data's local date (YYYY-MM-DD). */
  sourceDate: string;
  status: UnitImportStatus;
  rowsRead: number;
  rowsImported: number;
  rowsChanged: number;
  rowsUnchanged: number;
  rowsRejected: number;
  /** Columns of the file the import does not read. */
  ignoredColumns: string[];
  error: string | null;
  requestedBy: string;
  requesterUsername: string;
  createdAt: IsoInstant;
  startedAt: IsoInstant | null;
  finishedAt: IsoInstant | null;
}

/** GET /unit-imports. */
export interface UnitImportList {
  items: UnitImport[];
  total: number;
}

/** A row the import rejected: its number in the file, the field, why. */
export interface UnitImportRowError {
  rowNumber: number;
  field: string;
  reason: string;
}

/** GET /unit-imports/:id/errors. */
export interface UnitImportErrors {
  importId: string;
  items: UnitImportRowError[];
  total: number;
}
