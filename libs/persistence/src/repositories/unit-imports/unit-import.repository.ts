import { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, ImportDataset, RowProblem } from '@duban/domain';

export type UnitImportStatus = 'uploading' | 'queued' | 'running' | 'completed' | 'failed';

export interface UnitImportRow {
  id: string;
  dataset: ImportDataset;
  format: 'csv' | 'xlsx' | null;
  fileName: string;
  sizeBytes: string | null;
  sha256: string | null;
  sourceDepartmentId: string;
  sourceDepartmentName: string;
  sourceDate: string;
  status: UnitImportStatus;
  rowsRead: number;
  rowsImported: number;
  rowsChanged: number;
  rowsUnchanged: number;
  rowsRejected: number;
  ignoredColumns: string[];
  error: string | null;
  requestedBy: string;
  requesterUsername: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface UnitImportError {
  rowNumber: number;
  field: string;
  reason: string;
}

const COLUMNS = `i.id, i.dataset, i.format, i.file_name AS "fileName", i.size_bytes::text AS "sizeBytes", i.sha256,
  i.source_department_id AS "sourceDepartmentId", d.name AS "sourceDepartmentName", i.source_date::text AS "sourceDate", i.status,
  i.rows_read AS "rowsRead", i.rows_imported AS "rowsImported", i.rows_changed AS "rowsChanged",
  i.rows_imported - i.rows_changed AS "rowsUnchanged", i.rows_rejected AS "rowsRejected", i.ignored_columns AS "ignoredColumns",
  i.error, i.requested_by AS "requestedBy", i.requester_username AS "requesterUsername", i.created_at AS "createdAt",
  i.started_at AS "startedAt", i.finished_at AS "finishedAt"`;

/** Text as PostgreSQL stores it: no NUL character, at most `max` characters. */
function storableText(text: string, max: number): string {
  const clean = text.replaceAll('\u0000', '\uFFFD');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/**
 * Imports of unit files: the file in chunks, the import's progress and counts, its rejected
 * rows. Progress moves in the same transaction as the batch it counts, so a retried import
 * resumes exactly after the last batch written.
 */
export class UnitImportRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(row: { id: string; dataset: ImportDataset; fileName: string; sourceDepartmentId: string; sourceDate: string; actor: Actor }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO unit_imports (id, dataset, file_name, source_department_id, source_date, status, requested_by, requester_username, created_at)
       VALUES ($1, $2, $3, $4, $5, 'uploading', $6, $7, now())`,
      [row.id, row.dataset, storableText(row.fileName, 300), row.sourceDepartmentId, row.sourceDate, row.actor.userId, row.actor.username],
    );
  }

  async appendChunk(importId: string, seq: number, bytes: Buffer): Promise<void> {
    await this.dataSource.query(`INSERT INTO unit_import_chunks (import_id, seq, bytes) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [importId, seq, bytes]);
  }

  async finishUpload(importId: string, file: { format: 'csv' | 'xlsx'; sizeBytes: number; sha256: string; ignoredColumns: string[] }): Promise<void> {
    await this.dataSource.query(
      `UPDATE unit_imports SET status = 'queued', format = $2, size_bytes = $3, sha256 = $4, ignored_columns = $5 WHERE id = $1 AND status = 'uploading'`,
      [importId, file.format, file.sizeBytes, file.sha256, file.ignoredColumns.map((c) => storableText(c, 200))],
    );
  }

  /**
   * An upload that failed or was refused leaves nothing behind — also when it failed after the
   * import was queued (Temporal did not answer the start). An import a worker has begun is left
   * alone: its workflow did start after all.
   */
  async discard(importId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const [row]: Array<{ status: UnitImportStatus }> = await tx.query(`SELECT status FROM unit_imports WHERE id = $1 FOR UPDATE`, [importId]);
      if (row && row.status !== 'uploading' && row.status !== 'queued') return;
      await tx.query(`DELETE FROM unit_imports WHERE id = $1`, [importId]);
      await tx.query(`DELETE FROM unit_import_chunks WHERE import_id = $1`, [importId]);
    });
  }

  /** The stored file, read back one chunk at a time. */
  fileStream(importId: string): Readable {
    const dataSource = this.dataSource;
    return Readable.from(
      (async function* () {
        for (let seq = 0; ; seq++) {
          const rows: Array<{ bytes: Buffer }> = await dataSource.query(`SELECT bytes FROM unit_import_chunks WHERE import_id = $1 AND seq = $2`, [importId, seq]);
          if (rows.length === 0) return;
          yield rows[0].bytes;
        }
      })(),
      { objectMode: false },
    );
  }

  async find(importId: string): Promise<UnitImportRow | null> {
    const rows: UnitImportRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM unit_imports i JOIN departments d ON d.id = i.source_department_id WHERE i.id = $1`, [
      importId,
    ]);
    return rows[0] ?? null;
  }

  async list(filter: { sourceDepartmentId?: string; limit: number; offset: number }): Promise<{ items: UnitImportRow[]; total: number }> {
    const where = filter.sourceDepartmentId ? `WHERE i.source_department_id = $1` : '';
    const params: unknown[] = filter.sourceDepartmentId ? [filter.sourceDepartmentId] : [];
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM unit_imports i ${where}`, params);
    const items: UnitImportRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM unit_imports i JOIN departments d ON d.id = i.source_department_id ${where}
       ORDER BY i.created_at DESC, i.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items, total };
  }

  /** Whether the import is (now) running: false when it ended, or was discarded meanwhile. */
  async markRunning(importId: string): Promise<boolean> {
    const [, moved]: [unknown, number] = await this.dataSource.query(
      `UPDATE unit_imports SET status = 'running', started_at = COALESCE(started_at, now()) WHERE id = $1 AND status IN ('queued', 'running')`,
      [importId],
    );
    return moved === 1;
  }

  /**
   * Counts one batch, in the transaction that wrote it: rows read from `fromRowsRead` up to
   * `rowsRead`. Throws (rolling the batch back) when the checkpoint is no longer where this
   * attempt left it — another attempt of the import got there first.
   */
  async recordBatch(
    tx: EntityManager,
    importId: string,
    batch: { fromRowsRead: number; rowsRead: number; imported: number; changed: number; rejected: Array<{ rowNumber: number } & RowProblem> },
  ): Promise<void> {
    if (batch.rejected.length > 0) {
      await tx.query(
        `INSERT INTO unit_import_errors (import_id, row_number, field, reason)
         SELECT $1, e.row_number, e.field, e.reason FROM jsonb_to_recordset($2::jsonb) AS e(row_number integer, field text, reason text)
         ON CONFLICT DO NOTHING`,
        [importId, JSON.stringify(batch.rejected.map((e) => ({ row_number: e.rowNumber, field: e.field.slice(0, 64), reason: storableText(e.reason, 2000) })))],
      );
    }
    const rejectedRows = new Set(batch.rejected.map((e) => e.rowNumber)).size;
    const [, moved] = await tx.query(
      `UPDATE unit_imports SET rows_read = $2, rows_imported = rows_imported + $3, rows_changed = rows_changed + $4, rows_rejected = rows_rejected + $5
       WHERE id = $1 AND rows_read = $6`,
      [importId, batch.rowsRead, batch.imported, batch.changed, rejectedRows, batch.fromRowsRead],
    );
    if (moved !== 1) throw new Error(`Import ${importId} moved past row ${batch.fromRowsRead + 1} in another attempt; this attempt stops`);
  }

  /** An attempt that failed and will be retried leaves its reason on the running import (cleared when it completes). */
  async noteAttemptFailed(importId: string, reason: string): Promise<void> {
    await this.dataSource.query(`UPDATE unit_imports SET error = $2 WHERE id = $1 AND status = 'running'`, [importId, storableText(reason, 2000)]);
  }

  async finish(importId: string, outcome: { status: 'completed' } | { status: 'failed'; error: string }): Promise<void> {
    await this.dataSource.query(`UPDATE unit_imports SET status = $2, error = $3, finished_at = COALESCE(finished_at, now()) WHERE id = $1`, [
      importId,
      outcome.status,
      outcome.status === 'failed' ? storableText(outcome.error, 2000) : null,
    ]);
    // The file has served its purpose; its checksum and counts stay.
    await this.dataSource.query(`DELETE FROM unit_import_chunks WHERE import_id = $1`, [importId]);
  }

  async errors(importId: string, page: { limit: number; offset: number }): Promise<{ items: UnitImportError[]; total: number }> {
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM unit_import_errors WHERE import_id = $1`, [importId]);
    const items: UnitImportError[] = await this.dataSource.query(
      `SELECT row_number AS "rowNumber", field, reason FROM unit_import_errors WHERE import_id = $1 ORDER BY row_number, field LIMIT $2 OFFSET $3`,
      [importId, page.limit, page.offset],
    );
    return { items, total };
  }

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
