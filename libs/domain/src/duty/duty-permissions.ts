import type { Actor } from '../roles';
import { DomainError, DomainErrorCode } from '../errors';
import { dutyActionParty, type DutyAction } from './duty-state-machine';

/**
 * Who may see a duty: the office and viewers see every duty; a department officer sees the
 * duties of their own department; inspectors and the system administrator (who runs no
 * campaign) have no business with duties.
 */
export function mayViewDuty(actor: Actor, dutyDepartmentId: string): boolean {
  switch (actor.role) {
    case 'office':
    case 'viewer':
      return true;
    case 'department_officer':
      return actor.departmentId === dutyDepartmentId;
    case 'inspector':
    case 'admin':
      return false;
  }
}

export function assertMayViewDuty(actor: Actor, dutyDepartmentId: string): void {
  if (!mayViewDuty(actor, dutyDepartmentId)) {
    throw new DomainError(
      DomainErrorCode.ActionNotPermitted,
      actor.role === 'department_officer'
        ? 'This duty belongs to another department'
        : `A user with role ${actor.role} may not see duties`,
    );
  }
}

/**
 * Department actions (acknowledge, start, submit) belong to the officer of the duty's
 * department; office actions (accept, return, cancel, extend) to the office. Nobody else acts.
 * Returns why the actor may not, or null when they may.
 */
export function dutyActionRefusal(actor: Actor, dutyDepartmentId: string, action: DutyAction): string | null {
  if (dutyActionParty(action) === 'office') {
    return actor.role === 'office' ? null : `Only the office may ${action} a duty`;
  }
  if (actor.role !== 'department_officer') return `Only an officer of the responsible department may ${action} a duty`;
  if (actor.departmentId !== dutyDepartmentId) return 'This duty belongs to another department';
  return null;
}

export function assertMayTakeDutyAction(actor: Actor, dutyDepartmentId: string, action: DutyAction): void {
  const refusal = dutyActionRefusal(actor, dutyDepartmentId, action);
  if (refusal) throw new DomainError(DomainErrorCode.ActionNotPermitted, refusal);
}

export function assertMayAssignDuties(actor: Actor): void {
  if (actor.role !== 'office') {
    throw new DomainError(DomainErrorCode.ActionNotPermitted, 'Only the office may assign duties');
  }
}

/** Departments, districts and inspection teams: the office (as before) and the system administrator. */
export function assertMayManageDepartments(actor: Actor): void {
  if (actor.role !== 'office' && actor.role !== 'admin') {
    throw new DomainError(DomainErrorCode.ActionNotPermitted, 'Only the office or a system administrator may manage departments');
  }
}
