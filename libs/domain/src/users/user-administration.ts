import type { Actor, Role } from '../roles';

/** What kind of unit a role's users belong to (none: office, viewer, administrator). */
export function unitKindForRole(role: Role): ReadonlyArray<'department' | 'district' | 'inspection_team'> | null {
  switch (role) {
    case 'department_officer':
      return ['department', 'district'];
    case 'inspector':
      return ['inspection_team'];
    default:
      return null;
  }
}

/**
 * The field problems of a user's role and unit: an officer belongs to a department or
 * district, an inspector to an inspection team, everyone else to none. `unitKind` is the
 * kind of the named unit (null: no unit named; 'unknown': named but not registered).
 */
export function userUnitProblems(role: Role, unitKind: 'department' | 'district' | 'inspection_team' | 'unknown' | null, unitActive = true): Record<string, string[]> {
  const allowed = unitKindForRole(role);
  if (allowed === null) return unitKind === null ? {} : { departmentId: [`a user with role ${role} belongs to no department`] };
  if (unitKind === null)
    return { departmentId: [role === 'inspector' ? 'an inspector belongs to an inspection team' : 'a department officer belongs to a department or district'] };
  if (unitKind === 'unknown') return { departmentId: ['not a registered department, district or inspection team'] };
  if (!allowed.includes(unitKind)) {
    return {
      departmentId: [
        role === 'inspector' ? 'an inspector belongs to an inspection team, not a department' : 'a department officer belongs to a department or district, not an inspection team',
      ],
    };
  }
  if (!unitActive) return { departmentId: ['the department is deactivated'] };
  return {};
}

/** What an administrator may not do to their own account: raise (or change) their role, reactivate themselves. */
export function selfAdministrationRefusal(actor: Actor, targetUserId: string, change: { role?: Role; reactivate?: boolean; deactivate?: boolean }): string | null {
  if (actor.userId !== targetUserId) return null;
  if (change.role !== undefined && change.role !== actor.role) return 'An administrator cannot change their own role';
  if (change.reactivate) return 'An administrator cannot reactivate themselves';
  return null;
}
