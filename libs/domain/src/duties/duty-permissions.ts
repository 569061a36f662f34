import type { Actor } from '../roles';
import { DomainError, DomainErrorCode } from '../errors';
import { assertMay, refusalOf, scopeOf, type AccessAction } from '../access';
import { dutyActionParty, type DutyAction } from './duty-state-machine';

/**
 * Who may see a duty: the office and viewers see every duty; a department officer sees the
 * duties of their own department; inspectors and the system administrator (who runs no
 * campaign) have no business with duties.
 */
export function mayViewDuty(actor: Actor, dutyDepartmentId: string): boolean {
  return reachesDepartment(actor, scopeOf(actor, 'duty.read'), dutyDepartmentId);
}

/** Whether a scope the policy gave reaches a row of the given department. */
export function reachesDepartment(actor: Actor, scope: ReturnType<typeof scopeOf>, departmentId: string | null): boolean {
  if (scope === 'all') return true;
  if (scope === 'own-department') return actor.departmentId !== null && actor.departmentId === departmentId;
  return false;
}

export function assertMayViewDuty(actor: Actor, dutyDepartmentId: string): void {
  if (!mayViewDuty(actor, dutyDepartmentId)) {
    throw new DomainError(DomainErrorCode.ActionNotPermitted, actor.role === 'department_officer' ? 'This duty belongs to another department' : refusalOf(actor.role, 'duty.read'));
  }
}

/**
 * Department actions (acknowledge, start, submit) belong to the officer of the duty's
 * department; office actions (accept, return, cancel, extend) to the office. Nobody else acts.
 * Returns why the actor may not, or null when they may.
 */
export function dutyActionRefusal(actor: Actor, dutyDepartmentId: string, action: DutyAction): string | null {
  const capability = DUTY_ACTION_CAPABILITY[action];
  const scope = scopeOf(actor, capability);
  if (scope === null) return dutyActionParty(action) === 'office' ? `Only the office may ${action} a duty` : `Only an officer of the responsible department may ${action} a duty`;
  if (!reachesDepartment(actor, scope, dutyDepartmentId)) return 'This duty belongs to another department';
  return null;
}

/** The access-policy action of each duty transition. */
export const DUTY_ACTION_CAPABILITY: Readonly<Record<DutyAction, AccessAction>> = {
  acknowledge: 'duty.acknowledge',
  start: 'duty.start',
  submit: 'duty.submit',
  accept: 'duty.accept',
  return: 'duty.return',
  cancel: 'duty.cancel',
  extend: 'duty.extend',
  remind: 'duty.remind',
  record_progress: 'duty.report-progress',
  reassign: 'duty.reassign',
};

export function assertMayTakeDutyAction(actor: Actor, dutyDepartmentId: string, action: DutyAction): void {
  const refusal = dutyActionRefusal(actor, dutyDepartmentId, action);
  if (refusal) throw new DomainError(DomainErrorCode.ActionNotPermitted, refusal);
}

export function assertMayAssignDuties(actor: Actor): void {
  assertMay(actor, 'duty.assign');
}

/** Departments, districts and inspection teams: the office (as before) and the system administrator. */
export function assertMayManageDepartments(actor: Actor): void {
  assertMay(actor, 'department.register');
}
