import type { UserAdminView } from '@duban/contracts';
import type { AdministeredUserRow } from '@duban/persistence';

/** A row of the administered users mapped to the answer of libs/contracts/src/users.ts. */
export function toAdminView(row: AdministeredUserRow): UserAdminView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    departmentId: row.departmentId,
    department: row.departmentId ? { id: row.departmentId, code: row.departmentCode!, name: row.departmentName!, kind: row.departmentKind! } : null,
    email: row.email,
    phone: row.phone,
    active: row.active,
    mustChangePassword: row.mustChangePassword,
    hasLocalPassword: row.hasLocalPassword,
    externalSubject: row.externalSubject,
    locked: row.locked,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    deactivatedAt: row.deactivatedAt ? new Date(row.deactivatedAt).toISOString() : null,
  };
}
