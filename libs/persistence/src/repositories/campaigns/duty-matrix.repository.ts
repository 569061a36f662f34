import type { DataSource } from 'typeorm';
import type { DutyRouteKind } from '@duban/domain';
import { assertUnitsActive } from '../departments/department.repository';

export interface DutyMatrixRouteRow {
  kind: DutyRouteKind;
  key: string;
  label: string;
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  updatedBy: string | null;
  updatedAt: Date;
}

export interface DutyMatrixChangeRow {
  kind: DutyRouteKind;
  key: string;
  label: string;
  fromDepartmentId: string | null;
  toDepartmentId: string;
  reason: string | null;
  changedBy: string | null;
  changedAt: Date;
}

export class DutyMatrixRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<DutyMatrixRouteRow[]> {
    return this.dataSource.query(
      `SELECT r.kind, r.key, r.label, r.department_id AS "departmentId", d.code AS "departmentCode",
              d.name AS "departmentName", r.updated_by AS "updatedBy", r.updated_at AS "updatedAt"
       FROM duty_matrix_routes r JOIN departments d ON d.id = r.department_id
       ORDER BY r.kind, r.key`,
    );
  }

  changes(): Promise<DutyMatrixChangeRow[]> {
    return this.dataSource.query(
      `SELECT kind, key, label, from_department_id AS "fromDepartmentId", to_department_id AS "toDepartmentId",
              reason, changed_by AS "changedBy", changed_at AS "changedAt"
       FROM duty_matrix_changes ORDER BY id`,
    );
  }

  /**
   * Sets the department for a sector or function and logs the change, in one transaction; the
   * route row is locked so two editors cannot both record "from" the same department.
   */
  async setRoute(route: { kind: DutyRouteKind; key: string; label: string; departmentId: string }, changedBy: string | null, reason: string | null): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const current: Array<{ department_id: string; label: string }> = await tx.query(
        `SELECT department_id, label FROM duty_matrix_routes WHERE kind = $1 AND key = $2 FOR UPDATE`,
        [route.kind, route.key],
      );
      if (current[0]?.department_id === route.departmentId && current[0]?.label === route.label) return;
      // A deactivated unit gets no new duties: no route to it either (409 naming it).
      await assertUnitsActive(tx, [route.departmentId]);
      await tx.query(
        `INSERT INTO duty_matrix_routes (kind, key, label, department_id, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (kind, key) DO UPDATE
           SET label = EXCLUDED.label, department_id = EXCLUDED.department_id,
               updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
        [route.kind, route.key, route.label, route.departmentId, changedBy],
      );
      await tx.query(
        `INSERT INTO duty_matrix_changes (kind, key, label, from_department_id, to_department_id, reason, changed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [route.kind, route.key, route.label, current[0]?.department_id ?? null, route.departmentId, reason, changedBy],
      );
    });
  }

  /** For seeds: adds a route only where the matrix has none. */
  async ensureRoute(route: { kind: DutyRouteKind; key: string; label: string; departmentId: string }): Promise<void> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM duty_matrix_routes WHERE kind = $1 AND key = $2`, [route.kind, route.key]);
    if (rows.length === 0) await this.setRoute(route, null, 'seeded from docs/domain.md');
  }
}
