import { Injectable } from '@nestjs/common';
import { Context, heartbeat } from '@temporalio/activity';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { importRowFacts, mapImportHeader, type ImportLookups, type RowProblem, type UnitFacts } from '@duban/domain';
import { DepartmentRepository, DutyMatrixRepository, UnitImportRepository, UnitRepository } from '@duban/persistence';
import { tableRows } from '@duban/unit-files';
import type { UnitImportActivities, UnitImportSummary } from '@duban/workflows';

/** Rows written per transaction (and per heartbeat). */
const BATCH_ROWS = 1000;

/** How sector and district cells are read: a sector's key or label; a district's name or code. */
export async function importLookups(matrix: DutyMatrixRepository, departments: DepartmentRepository): Promise<ImportLookups> {
  const sectors = new Map<string, string>();
  for (const route of await matrix.list()) {
    if (route.kind !== 'sector') continue;
    sectors.set(route.key, route.key);
    sectors.set(route.label, route.key);
  }
  const byName = new Map<string, string[]>();
  const byCode = new Map<string, string>();
  for (const unit of await departments.list()) {
    if (unit.kind !== 'district') continue;
    byName.set(unit.name, [...(byName.get(unit.name) ?? []), unit.id]);
    byCode.set(unit.code, unit.id);
  }
  // A name two districts share says nothing: the file must give the code.
  const districtId = (cell: string) => byCode.get(cell) ?? (byName.get(cell)?.length === 1 ? byName.get(cell)![0] : null);
  return { sectorKey: (cell) => sectors.get(cell) ?? null, districtId };
}

/** Reads an uploaded file of unit facts and records it, batch by batch. */
@Injectable()
export class UnitImportActivitiesService implements UnitImportActivities {
  constructor(
    private readonly imports: UnitImportRepository,
    private readonly units: UnitRepository,
    private readonly matrix: DutyMatrixRepository,
    private readonly departments: DepartmentRepository,
  ) {}

  async importUnitRows(input: { importId: string }): Promise<UnitImportSummary> {
    const record = await this.imports.find(input.importId);
    if (!record) throw ApplicationFailure.nonRetryable(`Import ${input.importId} is not in the database`, 'ImportMissing');
    if (record.status === 'completed' || record.status === 'failed') return summary(record);
    await this.imports.markRunning(record.id);
    // Rows up to here were written (and counted) by an earlier attempt: read past them. The
    // header is row 1, so the n-th data row is row n + 1.
    const resumeAfter = record.rowsRead + 1;
    const lookups = await importLookups(this.matrix, this.departments);
    const source = { departmentId: record.sourceDepartmentId, file: record.fileName, date: record.sourceDate };
    /** Code → the row that imported it: a second row with the code is a duplicate. */
    const firstRowOf = new Map<string, number>();
    let header: ReturnType<typeof mapImportHeader> | undefined;
    let lastRow = resumeAfter;
    let committedRowsRead = record.rowsRead;
    let pendingRows = 0;
    let good: UnitFacts[] = [];
    let rejected: Array<{ rowNumber: number } & RowProblem> = [];

    const flush = async () => {
      // A worker shutting down cancels the attempt: stop between batches, the retry resumes.
      if (Context.current().cancellationSignal.aborted) throw new CancelledFailure('The import was interrupted; it resumes after the last batch written');
      if (pendingRows === 0) return;
      const batch = good;
      const bad = rejected;
      good = [];
      rejected = [];
      pendingRows = 0;
      await this.imports.transaction(async (tx) => {
        const changed = await this.units.recordFactsBatch(batch, source, record.requestedBy, tx);
        await this.imports.recordBatch(tx, record.id, {
          fromRowsRead: committedRowsRead,
          rowsRead: lastRow - 1,
          imported: batch.length,
          changed: changed.size,
          rejected: bad,
        });
      });
      committedRowsRead = lastRow - 1;
      heartbeat({ rowsRead: lastRow - 1 });
    };

    try {
      for await (const { number, cells } of tableRows(this.imports.fileStream(record.id), record.format ?? 'csv')) {
        if (!header) {
          header = mapImportHeader(cells.map((cell) => String(cell ?? '')));
          if (header.problems.length > 0) throw ApplicationFailure.nonRetryable(header.problems.join('; '), 'ImportHeaderInvalid');
          continue;
        }
        if (cells.every((cell) => cell === null || cell === undefined || String(cell).trim() === '')) continue;
        const { facts, problems } = importRowFacts(cells, header, record.dataset, lookups);
        let duplicateOf: number | undefined;
        if (facts) {
          duplicateOf = firstRowOf.get(facts.creditCode);
          if (duplicateOf === undefined) firstRowOf.set(facts.creditCode, number);
        }
        // Rows an earlier attempt wrote only rebuild the codes seen.
        if (number <= resumeAfter) continue;
        lastRow = number;
        pendingRows++;
        if (facts && duplicateOf === undefined) good.push(facts);
        else if (facts) rejected.push({ rowNumber: number, field: 'creditCode', reason: `the code appears again: row ${duplicateOf} already imported it` });
        else rejected.push(...problems.map((p) => ({ rowNumber: number, ...p })));
        if (pendingRows >= BATCH_ROWS) await flush();
      }
      if (!header) throw ApplicationFailure.nonRetryable('The file is empty', 'ImportHeaderInvalid');
      await flush();
      await this.imports.finish(record.id, { status: 'completed' });
    } catch (error) {
      if (error instanceof ApplicationFailure && error.nonRetryable) {
        await this.imports.finish(record.id, { status: 'failed', error: error.message });
        return summary((await this.imports.find(record.id))!);
      }
      throw error;
    }
    return summary((await this.imports.find(record.id))!);
  }
}

function summary(row: { id: string; status: string; rowsRead: number; rowsImported: number; rowsChanged: number; rowsRejected: number; error: string | null }): UnitImportSummary {
  return {
    importId: row.id,
    status: row.status === 'failed' ? 'failed' : 'completed',
    rowsRead: row.rowsRead,
    rowsImported: row.rowsImported,
    rowsChanged: row.rowsChanged,
    rowsRejected: row.rowsRejected,
    error: row.error,
  };
}
