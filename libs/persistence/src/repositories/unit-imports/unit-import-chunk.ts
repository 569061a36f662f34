import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { UnitFacts } from '@duban/domain';
import { upsertSourceFactsSql, type FactSource } from '../units/unit.repository';

/**
 * One chunk of an import, in one transaction on one connection: its valid rows are sent with
 * `COPY … FROM STDIN` into a staging table, then merged into the units and their facts with a
 * few set-based statements — the same outcome as recording each row's facts on their own
 * (UnitRepository.recordFacts), a fixed number of statements per chunk instead of several per row.
 *
 * The staging tables are TEMP tables of the connection (created once per connection, emptied
 * at every commit): they need no WAL, nobody else sees them, and whatever a failed attempt
 * staged goes with its transaction.
 */

/** The staging table's columns, in the order `stagedUnitLine` writes them. */
const STAGING_COLUMNS = [
  'row_number',
  'credit_code',
  'name',
  'sector_key',
  'district_id',
  'address',
  'contact_email',
  'employees',
  'arrears',
  'insured',
  'registered_with',
  'registrations',
] as const;

const CREATE_STAGING = `
  CREATE TEMP TABLE IF NOT EXISTS unit_import_staging (
    row_number integer NOT NULL,
    credit_code text NOT NULL,
    name text,
    sector_key text,
    district_id uuid,
    address text,
    contact_email text,
    employees integer,
    arrears numeric,
    insured jsonb,
    registered_with jsonb,
    registrations jsonb
  ) ON COMMIT DELETE ROWS`;

/** The codes whose unit or facts a chunk changed (a code may be listed more than once). */
const CREATE_CHANGED = `CREATE TEMP TABLE IF NOT EXISTS unit_import_changed (credit_code text NOT NULL) ON COMMIT DELETE ROWS`;

/** A value in COPY's text format: `\N` for none; backslash, tab, newline and carriage return escaped. */
function copyText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : text;
}

/**
 * A validated row as a line of COPY text for the staging table. Values are written as
 * recordFacts writes them (jsonb facts are `JSON.stringify` of the value), so the merge stores
 * the same facts. The text cannot hold a NUL (validation refuses it, and PostgreSQL would).
 */
export function stagedUnitLine(rowNumber: number, facts: UnitFacts): string {
  const registrations = facts.registeredWith ? JSON.stringify(Object.fromEntries(facts.registeredWith.map((registry) => [registry, true]))) : null;
  return `${[
    rowNumber,
    facts.creditCode,
    facts.name,
    facts.sectorKey,
    facts.districtId,
    facts.address,
    facts.contactEmail,
    facts.employees,
    facts.arrears,
    facts.insured === undefined ? null : JSON.stringify(facts.insured),
    facts.registeredWith === undefined ? null : JSON.stringify(facts.registeredWith),
    registrations,
  ]
    .map(copyText)
    .join('\t')}\n`;
}

/** Text as PostgreSQL stores it: no NUL character, at most `max` characters. */
export function storableText(text: string, max: number): string {
  const clean = text.replaceAll('\u0000', '\uFFFD');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

export interface ChunkRowError {
  rowNumber: number;
  field: string;
  reason: string;
}

/** The facts a staged row gives, field → value, as recordFacts stores them (the fields given, each as jsonb). */
const STAGED_FACTS = `jsonb_strip_nulls(jsonb_build_object(
    'name', s.name, 'sectorKey', s.sector_key, 'districtId', s.district_id, 'address', s.address, 'contactEmail', s.contact_email,
    'employees', s.employees, 'insured', s.insured, 'arrears', s.arrears, 'registeredWith', s.registered_with))`;

/** What the unit's record holds that the staged row would change (a column given and different, a map not yet containing what is given). */
const UNIT_CHANGES = [
  ...['name', 'sector_key', 'district_id', 'address', 'contact_email', 'employees', 'arrears'].map((c) => `(EXCLUDED.${c} IS NOT NULL AND u.${c} IS DISTINCT FROM EXCLUDED.${c})`),
  `NOT u.insured @> EXCLUDED.insured`,
  `NOT u.registrations @> EXCLUDED.registrations`,
].join(' OR ');

export class UnitImportChunk {
  /** The recording (who, when) the chunk's facts are marked with, once it has one. */
  private recording?: string;
  /** Whether a merge of the chunk changed a fact (else its recording is not kept). */
  private factsChanged = false;

  constructor(
    private readonly client: PoolClient,
    readonly importId: string,
  ) {}

  /** Creates the connection's staging tables if this connection has none yet (inside the chunk's transaction). */
  async prepare(): Promise<void> {
    await this.client.query(CREATE_STAGING);
    await this.client.query(CREATE_CHANGED);
  }

  /** Sends lines of COPY text (from `stagedUnitLine`) into the staging table. */
  async stage(lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    await copyLines(this.client, `COPY unit_import_staging (${STAGING_COLUMNS.join(', ')}) FROM STDIN`, lines);
  }

  /** Row errors of the chunk (rows that failed validation), sent with COPY; one per row and field. */
  async recordErrors(errors: readonly ChunkRowError[]): Promise<void> {
    if (errors.length === 0) return;
    const seen = new Set<string>();
    const lines: string[] = [];
    for (const e of errors) {
      const field = e.field.slice(0, 64);
      const key = `${e.rowNumber}\t${field}`;
      if (seen.has(key)) continue;
      seen.add(key);
      lines.push(`${this.importId}\t${e.rowNumber}\t${copyText(field)}\t${copyText(storableText(e.reason, 2000))}\n`);
    }
    await copyLines(this.client, `COPY unit_import_errors (import_id, row_number, field, reason) FROM STDIN`, lines);
  }

  /**
   * Takes the staged rows' codes for the import (the first row of each, unless an earlier chunk
   * took it), and sets aside every other staged row with such a code: reported naming the row
   * that imported it, not merged. Returns how many rows it set aside.
   */
  async setAsideRepeatedCodes(): Promise<number> {
    await this.client.query(
      `INSERT INTO unit_import_codes (import_id, credit_code, row_number)
       SELECT DISTINCT ON (credit_code) $1::uuid, credit_code, row_number FROM unit_import_staging ORDER BY credit_code, row_number
       ON CONFLICT (import_id, credit_code) DO NOTHING`,
      [this.importId],
    );
    const { rowCount } = await this.client.query(
      `WITH repeated AS (
         DELETE FROM unit_import_staging s USING unit_import_codes k
         WHERE k.import_id = $1 AND k.credit_code = s.credit_code AND k.row_number <> s.row_number
         RETURNING s.row_number, k.row_number AS first_row)
       INSERT INTO unit_import_errors (import_id, row_number, field, reason)
       SELECT $1, row_number, 'creditCode', 'the code appears again: row ' || first_row || ' already imported it' FROM repeated
       ON CONFLICT DO NOTHING`,
      [this.importId],
    );
    return rowCount ?? 0;
  }

  /** The staged rows' numbers, in order (to find a row the database refuses). */
  async stagedRows(): Promise<number[]> {
    const { rows } = await this.client.query<{ n: number }>(`SELECT row_number AS n FROM unit_import_staging ORDER BY row_number`);
    return rows.map((r) => r.n);
  }

  /**
   * Merges the staged rows (or only `rows`) into the units and their facts, inside a savepoint:
   * when the database refuses one of them, what this call wrote is undone and the error thrown,
   * and the chunk's transaction goes on. A row's facts are upserted as one row per unit and
   * source, each field changing only when its value does; a unit takes the values given and
   * moves its updated_at only when its record or one of its facts changed — recordFacts' rules,
   * for many rows at once.
   */
  async merge(source: FactSource, recordedBy: string, rows?: readonly number[]): Promise<void> {
    const only = rows ? `WHERE s.row_number = ANY($1::int[])` : '';
    const params = rows ? [rows] : [];
    this.recording ??= (
      await this.client.query<{ id: string }>(`INSERT INTO unit_fact_recordings (recorded_by, recorded_at) VALUES ($1, now()) RETURNING id`, [recordedBy])
    ).rows[0].id;
    await this.client.query('SAVEPOINT duban_merge');
    try {
      await this.client.query(
        `WITH merged AS (
           INSERT INTO units AS u (credit_code, name, sector_key, district_id, address, contact_email, employees, arrears, insured, registrations, created_at, updated_at)
           SELECT s.credit_code, s.name, s.sector_key, s.district_id, s.address, s.contact_email, s.employees, s.arrears,
                  COALESCE(s.insured, '{}'), COALESCE(s.registrations, '{}'), now(), now()
           FROM unit_import_staging s ${only}
           ON CONFLICT (credit_code) DO UPDATE SET
             name = COALESCE(EXCLUDED.name, u.name), sector_key = COALESCE(EXCLUDED.sector_key, u.sector_key),
             district_id = COALESCE(EXCLUDED.district_id, u.district_id), address = COALESCE(EXCLUDED.address, u.address),
             contact_email = COALESCE(EXCLUDED.contact_email, u.contact_email), employees = COALESCE(EXCLUDED.employees, u.employees),
             arrears = COALESCE(EXCLUDED.arrears, u.arrears), insured = u.insured || EXCLUDED.insured,
             registrations = u.registrations || EXCLUDED.registrations, updated_at = EXCLUDED.updated_at
           WHERE ${UNIT_CHANGES}
           RETURNING u.credit_code)
         INSERT INTO unit_import_changed SELECT credit_code FROM merged`,
        params,
      );
      const p = params.length;
      const staged = `SELECT s.credit_code::varchar, $${p + 1}::uuid, $${p + 2}::varchar, $${p + 3}::date, ${STAGED_FACTS} FROM unit_import_staging s ${only}`;
      const { rowCount } = await this.client.query(
        `WITH recorded AS (${upsertSourceFactsSql(staged, `$${p + 4}::bigint`)} RETURNING r.credit_code)
         INSERT INTO unit_import_changed SELECT credit_code FROM recorded`,
        [...params, source.departmentId, source.file, source.date, this.recording],
      );
      if ((rowCount ?? 0) > 0) this.factsChanged = true;
      // A unit whose facts changed but whose record did not still moves (the record's rows moved it already: now() is the transaction's).
      await this.client.query(`UPDATE units SET updated_at = now() WHERE credit_code IN (SELECT credit_code FROM unit_import_changed) AND updated_at <> now()`);
    } catch (error) {
      await this.client.query('ROLLBACK TO SAVEPOINT duban_merge');
      await this.client.query('RELEASE SAVEPOINT duban_merge');
      throw error;
    }
    await this.client.query('RELEASE SAVEPOINT duban_merge');
  }

  /** How many units the chunk's merges changed (the last step of a chunk: a recording that set nothing is dropped). */
  async changedUnits(): Promise<number> {
    if (this.recording && !this.factsChanged) await this.client.query(`DELETE FROM unit_fact_recordings WHERE id = $1`, [this.recording]);
    const { rows } = await this.client.query<{ n: number }>(`SELECT count(DISTINCT credit_code)::int AS n FROM unit_import_changed`);
    return rows[0].n;
  }
}

/** Sends lines through one COPY … FROM STDIN, a few hundred at a time, as the connection takes them. */
async function copyLines(client: PoolClient, statement: string, lines: readonly string[]): Promise<void> {
  const batches = function* () {
    for (let i = 0; i < lines.length; i += 500) yield Buffer.from(lines.slice(i, i + 500).join(''), 'utf8');
  };
  await pipeline(Readable.from(batches()), client.query(copyFrom(statement)));
}
