import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Units (employers) by unified social credit code, what is known of them, and where each
 * fact came from. A fact from the same source (department, file, date) is kept once, so a
 * repeated import changes nothing.
 */
export class Units1764600000000 implements MigrationInterface {
  name = 'Units1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE units (
        credit_code varchar(18) PRIMARY KEY,
        name varchar(300),
        sector_key varchar(64),
        district_id uuid REFERENCES departments(id),
        address text,
        contact_email varchar(320),
        employees integer CHECK (employees >= 0),
        insured jsonb NOT NULL DEFAULT '{}',
        arrears numeric(16, 2) CHECK (arrears >= 0),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX units_sector_district ON units (sector_key, district_id)`);
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
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE unit_facts`);
    await db.query(`DROP TABLE units`);
  }
}
