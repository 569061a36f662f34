import type { DataSource } from 'typeorm';
import { UNIT_FACT_FIELDS, type UnitFactField, type UnitFacts } from '@duban/domain';

export interface FactSource {
  departmentId: string;
  file: string;
  /** Local date of the source file (YYYY-MM-DD). */
  date: string;
}

export interface UnitRow {
  creditCode: string;
  name: string | null;
  sectorKey: string | null;
  districtId: string | null;
  address: string | null;
  contactEmail: string | null;
  employees: number | null;
  insured: Record<string, number>;
  /** Registries known to hold the unit (registry → true). */
  registrations: Record<string, boolean>;
  /** Yuan to the fen, as every answer gives money. */
  arrears: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface UnitFactRow {
  field: UnitFactField;
  value: unknown;
  sourceDepartmentId: string;
  sourceFile: string;
  sourceDate: string;
  recordedBy: string;
  recordedAt: Date;
}

const UNIT_COLUMNS = `credit_code AS "creditCode", name, sector_key AS "sectorKey", district_id AS "districtId", address,
  contact_email AS "contactEmail", employees, insured, registrations, arrears::float8 AS arrears, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Facts merged into a jsonb map of the unit rather than replacing a column. */
const MAP_COLUMN_OF: Partial<Record<UnitFactField, 'insured' | 'registrations'>> = { insured: 'insured', registeredWith: 'registrations' };

/** The map a fact merges into the unit: insured counts as given, registries as registry → true. */
function mapValueOf(field: UnitFactField, value: unknown): Record<string, unknown> {
  return field === 'registeredWith' ? Object.fromEntries((value as string[]).map((registry) => [registry, true])) : (value as Record<string, unknown>);
}

type ColumnField = Exclude<UnitFactField, 'insured' | 'registeredWith'>;
const COLUMN_OF: Record<ColumnField, string> = {
  name: 'name',
  sectorKey: 'sector_key',
  districtId: 'district_id',
  address: 'address',
  contactEmail: 'contact_email',
  employees: 'employees',
  arrears: 'arrears',
};

/**
 * The upsert of what sources say of units (unit_source_facts: one row per unit and source,
 * field → value), from `rows` — a VALUES list or a SELECT of (code, department, file, date,
 * facts) — marking the fields it sets with the recording `recording` (an SQL expression). A
 * field changes only when its value does, compared as a whole as one fact row each used to be;
 * a row none of whose fields changes is left alone and not returned.
 */
export function upsertSourceFactsSql(rows: string, recording: string): string {
  return `INSERT INTO unit_source_facts AS r (credit_code, source_department_id, source_file, source_date, facts, recordings)
    SELECT g.code, g.department_id, g.file, g.date, g.facts, COALESCE((SELECT jsonb_object_agg(k, ${recording}) FROM jsonb_object_keys(g.facts) k), '{}')
    FROM (${rows}) AS g(code, department_id, file, date, facts)
    ON CONFLICT (credit_code, source_department_id, source_file, source_date) DO UPDATE SET
      facts = r.facts || EXCLUDED.facts,
      recordings = r.recordings || (SELECT jsonb_object_agg(e.key, ${recording}) FROM jsonb_each(EXCLUDED.facts) e WHERE r.facts -> e.key IS DISTINCT FROM e.value)
    WHERE EXISTS (SELECT 1 FROM jsonb_each(EXCLUDED.facts) e WHERE r.facts -> e.key IS DISTINCT FROM e.value)`;
}

/**
 * Units and their facts. Recording facts is an upsert by credit code: the unit takes the
 * values given, each fact is kept with its source, and the same facts from the same source
 * again change nothing (not even the unit's updated_at).
 */
export class UnitRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Returns whether anything changed. */
  async recordFacts(facts: UnitFacts, source: FactSource, recordedBy: string): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const now = new Date();
      await tx.query(`INSERT INTO units (credit_code, created_at, updated_at) VALUES ($1, $2, $2) ON CONFLICT (credit_code) DO NOTHING`, [facts.creditCode, now]);
      const given = Object.fromEntries(UNIT_FACT_FIELDS.filter((field) => facts[field] !== undefined).map((field) => [field, facts[field]]));
      const [{ id: recording }]: Array<{ id: string }> = await tx.query(`INSERT INTO unit_fact_recordings (recorded_by, recorded_at) VALUES ($1, $2) RETURNING id`, [
        recordedBy,
        now,
      ]);
      const recorded: unknown[] = await tx.query(`${upsertSourceFactsSql(`VALUES ($1::varchar, $2::uuid, $3::varchar, $4::date, $5::jsonb)`, '$6::bigint')} RETURNING r.id`, [
        facts.creditCode,
        source.departmentId,
        source.file,
        source.date,
        JSON.stringify(given),
        recording,
      ]);
      // Nobody needs a recording that set nothing.
      if (recorded.length === 0) await tx.query(`DELETE FROM unit_fact_recordings WHERE id = $1`, [recording]);
      let changed = recorded.length > 0;
      for (const field of UNIT_FACT_FIELDS) {
        const value = facts[field];
        if (value === undefined) continue;
        const mapColumn = MAP_COLUMN_OF[field];
        const [, updated] = mapColumn
          ? await tx.query(`UPDATE units SET ${mapColumn} = ${mapColumn} || $2::jsonb WHERE credit_code = $1 AND NOT ${mapColumn} @> $2::jsonb`, [
              facts.creditCode,
              JSON.stringify(mapValueOf(field, value)),
            ])
          : await tx.query(`UPDATE units SET ${COLUMN_OF[field as ColumnField]} = $2 WHERE credit_code = $1 AND ${COLUMN_OF[field as ColumnField]} IS DISTINCT FROM $2`, [
              facts.creditCode,
              value,
            ]);
        if (updated > 0) changed = true;
      }
      if (changed) await tx.query(`UPDATE units SET updated_at = $2 WHERE credit_code = $1`, [facts.creditCode, now]);
      return changed;
    });
  }

  async find(creditCode: string): Promise<UnitRow | null> {
    const rows: UnitRow[] = await this.dataSource.query(`SELECT ${UNIT_COLUMNS} FROM units WHERE credit_code = $1`, [creditCode]);
    return rows[0] ?? null;
  }

  facts(creditCode: string): Promise<UnitFactRow[]> {
    return this.dataSource.query(
      `SELECT field, value, source_department_id AS "sourceDepartmentId", source_file AS "sourceFile",
              source_date::text AS "sourceDate", recorded_by AS "recordedBy", recorded_at AS "recordedAt"
       FROM unit_facts WHERE credit_code = $1 ORDER BY source_date, id`,
      [creditCode],
    );
  }

  async list(filter: { sectorKey?: string; districtId?: string; limit: number; offset: number }): Promise<{ items: UnitRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.sectorKey) where.push(`sector_key = $${params.push(filter.sectorKey)}`);
    if (filter.districtId) where.push(`district_id = $${params.push(filter.districtId)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM units ${clause}`, params);
    const items: UnitRow[] = await this.dataSource.query(
      `SELECT ${UNIT_COLUMNS} FROM units ${clause} ORDER BY credit_code LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items, total };
  }
}
