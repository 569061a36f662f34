import type { DutyRoute, DutyRouteChange } from '@duban/contracts';
import type { DutyMatrixChangeRow, DutyMatrixRouteRow } from '@duban/persistence';

export function toDutyRoute(row: DutyMatrixRouteRow): DutyRoute {
  return {
    kind: row.kind,
    key: row.key,
    label: row.label,
    departmentId: row.departmentId,
    departmentCode: row.departmentCode,
    departmentName: row.departmentName,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toDutyRouteChange(row: DutyMatrixChangeRow): DutyRouteChange {
  return {
    kind: row.kind,
    key: row.key,
    label: row.label,
    fromDepartmentId: row.fromDepartmentId,
    toDepartmentId: row.toDepartmentId,
    reason: row.reason,
    changedBy: row.changedBy,
    changedAt: row.changedAt.toISOString(),
  };
}
