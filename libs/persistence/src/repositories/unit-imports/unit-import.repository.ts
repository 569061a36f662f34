import { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, ImportDataset } from '@duban/domain';
import { storableText, UnitImportChunk } from './unit-import-chunk';

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

/** What one chunk of an import counted, as its checkpoint adds it to the import. */
export interface ChunkCounts {
  /** Data rows read up to the end of the chunk (the new checkpoint). */
  rowsRead: number;
  imported: number;
  changed: number;
  /** Rows with at least one error. */
  rejectedRows: number;
}

/**
 * Imports of unit files: the file in chunks, the import's progress and counts, its rejected
 * rows. Progress moves in the same transaction as the chunk of rows it counts, so a retried
 * import resumes exactly after the last chunk written.
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
   * Writes one chunk of rows (`work`, given the chunk's staging on a connection of its own) and
   * moves the checkpoint past it, in one transaction. The import's row is locked first and its
   * checkpoint must still be `fromRowsRead`: otherwise another attempt of the import got there
   * first, and this one stops (throws, writing nothing) — two attempts never both write a chunk.
   */
  async writeChunk(importId: string, fromRowsRead: number, work: (chunk: UnitImportChunk) => Promise<ChunkCounts>): Promise<ChunkCounts> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    let broken: unknown;
    try {
      await client.query('BEGIN');
      try {
        const { rows } = await client.query<{ rowsRead: number }>(`SELECT rows_read AS "rowsRead" FROM unit_imports WHERE id = $1 FOR UPDATE`, [importId]);
        if (rows[0]?.rowsRead !== fromRowsRead) throw new Error(`Import ${importId} moved past row ${fromRowsRead + 1} in another attempt; this attempt stops`);
        const chunk = new UnitImportChunk(client, importId);
        await chunk.prepare();
        const counts = await work(chunk);
        await client.query(
          `UPDATE unit_imports SET rows_read = $2, rows_imported = rows_imported + $3, rows_changed = rows_changed + $4, rows_rejected = rows_rejected + $5 WHERE id = $1`,
          [importId, counts.rowsRead, counts.imported, counts.changed, counts.rejectedRows],
        );
        await client.query('COMMIT');
        return counts;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackFailed: unknown) => (broken = rollbackFailed));
        throw error;
      }
    } finally {
      // A connection that cannot even roll back is not given back to the pool.
      await (runner as unknown as { releasePostgresConnection(error?: unknown): Promise<void> }).releasePostgresConnection(broken);
    }
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
    // The file has served its purpose, and the codes it took; its checksum and counts stay.
    await this.dataSource.query(`DELETE FROM unit_import_chunks WHERE import_id = $1`, [importId]);
    await this.dataSource.query(`DELETE FROM unit_import_codes WHERE import_id = $1`, [importId]);
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
