import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sector → department and function → department, with every change kept (who, when, from, to, why). */
export class DutyMatrix1764300000000 implements MigrationInterface {
  name = 'DutyMatrix1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE duty_matrix_routes (
        kind varchar(16) NOT NULL CHECK (kind IN ('sector', 'function')),
        key varchar(64) NOT NULL,
        label varchar(200) NOT NULL,
        department_id uuid NOT NULL REFERENCES departments(id),
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, key)
      )`);
    await db.query(`
      CREATE TABLE duty_matrix_changes (
        id bigserial PRIMARY KEY,
        kind varchar(16) NOT NULL,
        key varchar(64) NOT NULL,
        from_department_id uuid REFERENCES departments(id),
        to_department_id uuid NOT NULL REFERENCES departments(id),
        label varchar(200) NOT NULL,
        reason text,
        changed_by uuid REFERENCES users(id),
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE duty_matrix_changes`);
    await db.query(`DROP TABLE duty_matrix_routes`);
  }
}
