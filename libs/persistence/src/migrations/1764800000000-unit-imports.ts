import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports of departments' unit files: the file itself, kept in PostgreSQL in chunks of about a
 * mebibyte while it streams in (so neither the API nor the worker holds it whole), the
 * import's history and progress, and one row per rejected field of a rejected row.
 */
export class UnitImports1764800000000 implements MigrationInterface {
  name = 'UnitImports1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE unit_imports (
        id uuid PRIMARY KEY,
        dataset varchar(32) NOT NULL CHECK (dataset IN ('market_registration', 'tax_registration', 'social_insurance_registration', 'employment')),
        format varchar(8) CHECK (format IN ('csv', 'xlsx')),
        file_name varchar(300) NOT NULL,
        size_bytes bigint,
        sha256 char(64),
        source_department_id uuid NOT NULL REFERENCES departments(id),
        source_date date NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('uploading', 'queued', 'running', 'completed', 'failed')),
        -- Data rows read so far (the header is row 1); a retried import resumes after it.
        rows_read integer NOT NULL DEFAULT 0,
        rows_imported integer NOT NULL DEFAULT 0,
        rows_changed integer NOT NULL DEFAULT 0,
        rows_rejected integer NOT NULL DEFAULT 0,
        ignored_columns text[] NOT NULL DEFAULT '{}',
        error text,
        requested_by uuid NOT NULL REFERENCES users(id),
        requester_username varchar(64) NOT NULL,
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await db.query(`CREATE INDEX unit_imports_department ON unit_imports (source_department_id, created_at)`);
    await db.query(`
      CREATE TABLE unit_import_chunks (
        import_id uuid NOT NULL,
        seq integer NOT NULL,
        bytes bytea NOT NULL,
        PRIMARY KEY (import_id, seq)
      )`);
    await db.query(`
      CREATE TABLE unit_import_errors (
        import_id uuid NOT NULL REFERENCES unit_imports(id),
        row_number integer NOT NULL,
        field varchar(64) NOT NULL,
        reason text NOT NULL,
        PRIMARY KEY (import_id, row_number, field)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE unit_import_errors`);
    await db.query(`DROP TABLE unit_import_chunks`);
    await db.query(`DROP TABLE unit_imports`);
  }
}
