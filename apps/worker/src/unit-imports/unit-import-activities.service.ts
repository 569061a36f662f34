import { Injectable } from '@nestjs/common';
import { Context, heartbeat } from '@temporalio/activity';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { importRowFacts, missingImportHeaderProblems, searchImportHeader, type ImportHeader, type ImportLookups } from '@duban/domain';
import { DepartmentRepository, DutyMatrixRepository, isDataRefusal, stagedUnitLine, UnitImportRepository, type ChunkRowError } from '@duban/persistence';
import { tableRows, UnreadableFileError } from '@duban/unit-files';
import type { UnitImportActivities, UnitImportSummary } from '@duban/workflows';
import { writeSettingAsideRefusals } from '../common/set-aside-refused-rows';

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

/**
 * Valid rows per chunk: one transaction, one COPY into the staging table and one set-based
 * merge each. A retry repeats at most one chunk; memory holds at most two (one being merged
 * while the next is read).
 */
export const CHUNK_ROWS = 20_000;

/** Rows between heartbeats while reading (also while a retry reads past what was written). */
const HEARTBEAT_ROWS = 1000;

/** While a chunk is being written, the activity says it is alive this often. */
const CHUNK_HEARTBEAT_MS = 5000;

/**
 * Reads an uploaded file of unit facts and records it chunk by chunk: each row is validated by
 * the domain's rules as it streams in; valid rows go into PostgreSQL with COPY into a staging
 * table and are merged from there with set-based SQL, with the chunk's row errors and the
 * import's checkpoint, in one transaction (UnitImportRepository.writeChunk).
 */
@Injectable()
export class UnitImportActivitiesService implements UnitImportActivities {
  constructor(
    private readonly imports: UnitImportRepository,
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
    const cancellation = Context.current().cancellationSignal;
    let header: ImportHeader | undefined;
    /** The header's row: rows read count from the one below it. */
    let headerRow = 0;
    /** Rows up to here were written (and counted) by an earlier attempt: they are skipped. */
    let resumeAfter = 0;
    let lastRow = 0;
    let rowsSeen = 0;
    let committedRowsRead = record.rowsRead;
    /** Where the chunk being read starts: the checkpoint its transaction must find. */
    let chunkFrom = record.rowsRead;
    let pendingRows = 0;
    let staged: string[] = [];
    let errors: ChunkRowError[] = [];
    let rejectedRows = 0;
    /** The chunk being written while the next is read; it commits before the next one starts. */
    let inFlight: Promise<void> | undefined;

    const interrupted = () => new CancelledFailure('The import was interrupted; it resumes after the last chunk written');

    const writeChunk = async (chunk: { from: number; rowsRead: number; lines: string[]; errors: ChunkRowError[]; rejectedRows: number }) => {
      const alive = setInterval(() => heartbeat({ rowsRead: committedRowsRead, writing: chunk.rowsRead }), CHUNK_HEARTBEAT_MS);
      try {
        const counts = await this.imports.writeChunk(record.id, chunk.from, async (staging) => {
          await staging.stage(chunk.lines);
          await staging.recordErrors(chunk.errors);
          const repeated = await staging.setAsideRepeatedCodes();
          let refused: Array<{ row: number; reason: string }> = [];
          try {
            await staging.merge(source, record.requestedBy);
          } catch (error) {
            if (!isDataRefusal(error)) throw error;
            // Rows the database refuses although they passed validation are set aside and reported,
            // instead of failing the chunk on every retry.
            ({ refused } = await writeSettingAsideRefusals(
              await staging.stagedRows(),
              async (rows) => {
                await staging.merge(source, record.requestedBy, rows);
                return rows;
              },
              isDataRefusal,
            ));
            await staging.recordErrors(refused.map(({ row, reason }) => ({ rowNumber: row, field: 'row', reason: `the database refused the row: ${reason}` })));
          }
          const changed = await staging.changedUnits();
          // A worker shutting down cancels the attempt: the chunk is rolled back, the retry writes it.
          if (cancellation.aborted) throw interrupted();
          return {
            rowsRead: chunk.rowsRead,
            imported: chunk.lines.length - repeated - refused.length,
            changed,
            rejectedRows: chunk.rejectedRows + repeated + refused.length,
          };
        });
        committedRowsRead = counts.rowsRead;
        heartbeat({ rowsRead: counts.rowsRead });
      } finally {
        clearInterval(alive);
      }
    };

    /** Hands the rows read so far to be written, once the chunk before them has committed. */
    const flush = async () => {
      await inFlight;
      inFlight = undefined;
      // A worker shutting down cancels the attempt: stop between chunks, the retry resumes.
      if (cancellation.aborted) throw interrupted();
      if (pendingRows === 0) return;
      const chunk = { from: chunkFrom, rowsRead: lastRow - headerRow, lines: staged, errors, rejectedRows };
      chunkFrom = chunk.rowsRead;
      staged = [];
      errors = [];
      rejectedRows = 0;
      pendingRows = 0;
      inFlight = writeChunk(chunk);
      // Awaited by the next flush (or at the end); meanwhile the next chunk is read.
      inFlight.catch(() => undefined);
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
        // Also while a retry reads past what an earlier attempt wrote, which takes a while in a large file.
        if (rowsSeen % HEARTBEAT_ROWS === 0) heartbeat({ rowsRead: committedRowsRead, row: number });
        if (number <= resumeAfter) continue;
        if (cells.every((cell) => cell === null || cell === undefined || String(cell).trim() === '')) continue;
        const { facts, problems } = importRowFacts(cells, header, record.dataset, lookups);
        lastRow = number;
        pendingRows++;
        if (facts) staged.push(stagedUnitLine(number, facts));
        else {
          rejectedRows++;
          for (const p of problems) errors.push({ rowNumber: number, ...p });
        }
        if (pendingRows >= CHUNK_ROWS) await flush();
      }
    };

    try {
      try {
        await readRows();
      } catch (error) {
        if (!(error instanceof UnreadableFileError)) throw error;
        // Reading it again fails the same way: the rows before the damage are kept, the import ends.
        await flush();
        await inFlight;
        const kept = committedRowsRead > 0 ? `; the ${committedRowsRead} rows above it were read and imported or reported` : '';
        throw ApplicationFailure.nonRetryable(`${error.message}${kept}`, 'ImportFileUnreadable');
      }
      if (!header) throw ApplicationFailure.nonRetryable(missingImportHeaderProblems(rowsSeen).join('; '), 'ImportHeaderInvalid');
      await flush();
      await inFlight;
      await this.imports.finish(record.id, { status: 'completed' });
    } catch (error) {
      // The chunk being written ends (commits or rolls back) before the attempt does: a retry finds the checkpoint where it stays.
      await inFlight?.catch(() => undefined);
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
