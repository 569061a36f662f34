import { Injectable } from '@nestjs/common';
import { Context, heartbeat } from '@temporalio/activity';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { importRowFacts, missingImportHeaderProblems, searchImportHeader, type ImportHeader, type ImportLookups, type RowProblem, type UnitFacts } from '@duban/domain';
import { DepartmentRepository, DutyMatrixRepository, inSavepoint, isDataRefusal, UnitImportRepository, UnitRepository } from '@duban/persistence';
import { tableRows, UnreadableFileError } from '@duban/unit-files';
import type { UnitImportActivities, UnitImportSummary } from '@duban/workflows';
import { writeSettingAsideRefusals } from '../common/set-aside-refused-rows';

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
    if (!(await this.imports.markRunning(record.id))) {
      const now = await this.imports.find(record.id);
      if (now) return summary(now);
      throw ApplicationFailure.nonRetryable(`Import ${input.importId} was discarded before it started`, 'ImportMissing');
    }
    const lookups = await importLookups(this.matrix, this.departments);
    const source = { departmentId: record.sourceDepartmentId, file: record.fileName, date: record.sourceDate };
    /** Code → the row that imported it: a second row with the code is a duplicate. */
    const firstRowOf = new Map<string, number>();
    let header: ImportHeader | undefined;
    /** The header's row: rows read count from the one below it. */
    let headerRow = 0;
    /** Rows up to here were written (and counted) by an earlier attempt: they only rebuild the codes seen. */
    let resumeAfter = 0;
    let lastRow = 0;
    let rowsSeen = 0;
    let committedRowsRead = record.rowsRead;
    let pendingRows = 0;
    let good: ImportedRow[] = [];
    let rejected: RejectedField[] = [];

    const flush = async () => {
      // A worker shutting down cancels the attempt: stop between batches, the retry resumes.
      if (Context.current().cancellationSignal.aborted) throw new CancelledFailure('The import was interrupted; it resumes after the last batch written');
      if (pendingRows === 0) return;
      const batch = good;
      const bad = rejected;
      const rowsRead = lastRow - headerRow;
      good = [];
      rejected = [];
      pendingRows = 0;
      await this.imports.transaction(async (tx) => {
        // Rows the database refuses although they passed validation are set aside and reported,
        // instead of failing the batch on every retry.
        const { written, refused } = await writeSettingAsideRefusals(
          batch,
          (rows) =>
            inSavepoint(tx, async () => [
              ...(await this.units.recordFactsBatch(
                rows.map((r) => r.facts),
                source,
                record.requestedBy,
                tx,
              )),
            ]),
          isDataRefusal,
        );
        await this.imports.recordBatch(tx, record.id, {
          fromRowsRead: committedRowsRead,
          rowsRead,
          imported: batch.length - refused.length,
          changed: written.length,
          rejected: [...bad, ...refused.map(({ row, reason }) => ({ rowNumber: row.rowNumber, field: 'row', reason: `the database refused the row: ${reason}` }))],
        });
      });
      committedRowsRead = rowsRead;
      heartbeat({ rowsRead });
    };

    const readRows = async () => {
      for await (const { number, cells } of tableRows(this.imports.fileStream(record.id), record.format ?? 'csv')) {
        rowsSeen++;
        if (!header) {
          const found = searchImportHeader(cells, number);
          if (found.kind === 'refused') throw ApplicationFailure.nonRetryable(found.problems.join('; '), 'ImportHeaderInvalid');
          if (found.kind === 'header') {
            header = found.header;
            headerRow = number;
            resumeAfter = headerRow + record.rowsRead;
          }
          continue;
        }
        // Also while a retry re-reads what an earlier attempt wrote, which takes a while in a large file.
        if (rowsSeen % BATCH_ROWS === 0) heartbeat({ rowsRead: committedRowsRead, row: number });
        if (cells.every((cell) => cell === null || cell === undefined || String(cell).trim() === '')) continue;
        const { facts, problems } = importRowFacts(cells, header, record.dataset, lookups);
        let duplicateOf: number | undefined;
        if (facts) {
          duplicateOf = firstRowOf.get(facts.creditCode);
          if (duplicateOf === undefined) firstRowOf.set(facts.creditCode, number);
        }
        if (number <= resumeAfter) continue;
        lastRow = number;
        pendingRows++;
        if (facts && duplicateOf === undefined) good.push({ rowNumber: number, facts });
        else if (facts) rejected.push({ rowNumber: number, field: 'creditCode', reason: `the code appears again: row ${duplicateOf} already imported it` });
        else rejected.push(...problems.map((p) => ({ rowNumber: number, ...p })));
        if (pendingRows >= BATCH_ROWS) await flush();
      }
    };

    try {
      try {
        await readRows();
      } catch (error) {
        if (!(error instanceof UnreadableFileError)) throw error;
        // Reading it again fails the same way: the rows before the damage are kept, the import ends.
        await flush();
        const kept = committedRowsRead > 0 ? `; the ${committedRowsRead} rows above it were read and imported or reported` : '';
        throw ApplicationFailure.nonRetryable(`${error.message}${kept}`, 'ImportFileUnreadable');
      }
      if (!header) throw ApplicationFailure.nonRetryable(missingImportHeaderProblems(rowsSeen).join('; '), 'ImportHeaderInvalid');
      await flush();
      await this.imports.finish(record.id, { status: 'completed' });
    } catch (error) {
      if (error instanceof ApplicationFailure && error.nonRetryable) {
        await this.imports.finish(record.id, { status: 'failed', error: error.message });
        return summary((await this.imports.find(record.id))!);
      }
      // Shown on the import while it is retried (GET /unit-imports/:id → error), so a stuck import says why.
      const attempt = Context.current().info.attempt;
      await this.imports
        .noteAttemptFailed(
          record.id,
          `Attempt ${attempt} stopped after row ${committedRowsRead + headerRow}: ${error instanceof Error ? error.message : String(error)}; it is retried`,
        )
        .catch(() => undefined);
      throw error;
    }
    return summary((await this.imports.find(record.id))!);
  }
}

interface ImportedRow {
  rowNumber: number;
  facts: UnitFacts;
}

type RejectedField = { rowNumber: number } & RowProblem;

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
