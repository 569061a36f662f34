import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The fields a unit fact can be, in the order a source's facts are listed (UNIT_FACT_FIELDS). */
const FIELDS = ['name', 'sectorKey', 'districtId', 'address', 'contactEmail', 'employees', 'insured', 'arrears', 'registeredWith'];

/**
 * Unit facts kept one row per unit and source instead of one row per fact: what a source
 * (department, file, date) says of a unit is one jsonb map, field → value, beside a map field →
 * the recording (who, when) that set it. An import of N rows now writes N provenance rows, not
 * seven times as many, each with its own foreign-key checks and index entries — which is what
 * bounded the import (docs/benchmarks.md, "Unit imports").
 *
 * `unit_facts` stays, as a view with the table's old columns and meaning: one row per fact,
 * with its source and who recorded it when, ordered within a source as the fields are listed.
 */
export class UnitSourceFacts1765300000500 implements MigrationInterface {
  name = 'UnitSourceFacts1765300000500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE unit_fact_recordings (
        id bigserial PRIMARY KEY,
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE unit_source_facts (
        id bigserial PRIMARY KEY,
        credit_code varchar(18) NOT NULL REFERENCES units(credit_code),
        source_department_id uuid NOT NULL REFERENCES departments(id),
        source_file varchar(300) NOT NULL,
        source_date date NOT NULL,
        -- field → value, as this source last gave it
        facts jsonb NOT NULL CHECK (jsonb_typeof(facts) = 'object'),
        -- field → unit_fact_recordings.id of the recording that set that value
        recordings jsonb NOT NULL CHECK (jsonb_typeof(recordings) = 'object'),
        UNIQUE (credit_code, source_department_id, source_file, source_date)
      )`);
    // What is already recorded: one recording per (who, when), one row per unit and source.
    await db.query(`INSERT INTO unit_fact_recordings (recorded_by, recorded_at) SELECT DISTINCT recorded_by, recorded_at FROM unit_facts ORDER BY recorded_at, recorded_by`);
    await db.query(`
      INSERT INTO unit_source_facts (credit_code, source_department_id, source_file, source_date, facts, recordings)
      SELECT f.credit_code, f.source_department_id, f.source_file, f.source_date, jsonb_object_agg(f.field, f.value), jsonb_object_agg(f.field, r.id)
      FROM unit_facts f JOIN unit_fact_recordings r ON r.recorded_by = f.recorded_by AND r.recorded_at = f.recorded_at
      GROUP BY f.credit_code, f.source_department_id, f.source_file, f.source_date
      ORDER BY min(f.id)`);
    await db.query(`DROP TABLE unit_facts`);
    await db.query(`
      CREATE VIEW unit_facts AS
      SELECT s.id * 16 + f.ord AS id, s.credit_code, f.field::varchar(32) AS field, s.facts -> f.field AS value,
             s.source_department_id, s.source_file, s.source_date, r.recorded_by, r.recorded_at
      FROM unit_source_facts s
      CROSS JOIN LATERAL unnest(ARRAY[${FIELDS.map((f) => `'${f}'`).join(', ')}]) WITH ORDINALITY AS f(field, ord)
      JOIN unit_fact_recordings r ON r.id = (s.recordings ->> f.field)::bigint
      WHERE s.facts ? f.field`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER VIEW unit_facts RENAME TO unit_facts_view`);
    await db.query(`
      CREATE TABLE unit_facts (
        id bigserial PRIMARY KEY,
        credit_code varchar(18) NOT NULL REFERENCES units(credit_code),
        field varchar(32) NOT NULL,
        value jsonb NOT NULL,
        source_department_id uuid NOT NULL REFERENCES departments(id),
        source_file varchar(300) NOT NULL,
        source_date date NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz NOT NULL,
        UNIQUE (credit_code, field, source_department_id, source_file, source_date)
      )`);
    await db.query(`
      INSERT INTO unit_facts (credit_code, field, value, source_department_id, source_file, source_date, recorded_by, recorded_at)
      SELECT credit_code, field, value, source_department_id, source_file, source_date, recorded_by, recorded_at FROM unit_facts_view ORDER BY id`);
    await db.query(`DROP VIEW unit_facts_view`);
    await db.query(`DROP TABLE unit_source_facts`);
    await db.query(`DROP TABLE unit_fact_recordings`);
  }
}
