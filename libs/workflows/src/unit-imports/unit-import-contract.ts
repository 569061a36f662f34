/** One workflow per import; the id is derived from the import's id. */
export const unitImportWorkflowId = (importId: string) => `unit-import-${importId}`;

export interface UnitImportSummary {
  importId: string;
  status: 'completed' | 'failed';
  rowsRead: number;
  rowsImported: number;
  rowsChanged: number;
  rowsRejected: number;
  error: string | null;
}

/** The worker's side of an import. Idempotent: a retry resumes after the last chunk committed. */
export interface UnitImportActivities {
  importUnitRows(input: { importId: string }): Promise<UnitImportSummary>;
}
