import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The credit codes an import has taken, each with the row that imported it: how a code appearing
 * again in the same file is found set-based, in the database, across the import's chunks and
 * across retried attempts, instead of in a map of every code that grows with the file in the
 * worker's memory. Written in each chunk's transaction (so it moves with the checkpoint),
 * emptied when the import ends. Logged, not UNLOGGED: a PostgreSQL restart must not forget the
 * codes of chunks already committed.
 *
 * The rows of a chunk themselves are staged in a TEMP table of the worker's connection
 * (unit-import-chunk.ts), which needs no migration: it lives and dies with the chunk's transaction.
 */
export class UnitImportCodes1765300000400 implements MigrationInterface {
  name = 'UnitImportCodes1765300000400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE unit_import_codes (
        import_id uuid NOT NULL,
        credit_code varchar(18) NOT NULL,
        row_number integer NOT NULL,
        PRIMARY KEY (import_id, credit_code)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE unit_import_codes`);
  }
}
