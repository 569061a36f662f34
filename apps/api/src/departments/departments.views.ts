import type { Department } from '@duban/contracts';
import type { DepartmentEntity } from '@duban/persistence';
import { isoDate, isoDateOrNull } from '../common/instants';

/**
 * A unit's record mapped to the answer of libs/contracts/src/departments.ts. The entity's
 * columns with defaults are optional for an insert; a record read back always has them.
 */
export function departmentView(d: DepartmentEntity, districtIds?: string[]): Department {
  return {
    id: d.id,
    code: d.code,
    name: d.name,
    kind: d.kind,
    liaisonEmail: d.liaisonEmail,
    headEmail: d.headEmail,
    active: d.active!,
    liaisonName: d.liaisonName ?? null,
    liaisonPhone: d.liaisonPhone ?? null,
    headName: d.headName ?? null,
    headPhone: d.headPhone ?? null,
    updatedAt: isoDate(d.updatedAt!),
    updatedBy: d.updatedBy ?? null,
    deactivatedAt: isoDateOrNull(d.deactivatedAt ?? null),
    createdBy: d.createdBy,
    createdAt: isoDate(d.createdAt),
    ...(districtIds ? { districtIds } : {}),
  };
}
