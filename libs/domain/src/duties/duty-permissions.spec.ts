import { DomainError, DomainErrorCode } from '../errors';
import type { Actor, Role } from '../roles';
import { assertMayAssignDuties, assertMayTakeDutyAction, mayViewDuty } from './duty-permissions';
import { DUTY_ACTIONS, type DutyAction } from './duty-state-machine';

const DEPT = 'dept-a';
const actor = (role: Role, departmentId: string | null = null): Actor => ({ userId: 'u', username: 'u', role, departmentId });

function refusal(fn: () => void): DomainErrorCode | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('duty permissions', () => {
  const departmentActions: DutyAction[] = ['acknowledge', 'start', 'submit', 'record_progress'];
  const officeActions: DutyAction[] = ['accept', 'return', 'cancel', 'extend', 'remind', 'reassign'];

  it('splits every action between the department and the office', () => {
    expect([...departmentActions, ...officeActions].sort()).toEqual([...DUTY_ACTIONS].sort());
  });

  it.each(departmentActions)('lets only the own department officer %s', (action) => {
    expect(refusal(() => assertMayTakeDutyAction(actor('department_officer', DEPT), DEPT, action))).toBeNull();
    for (const other of [actor('department_officer', 'dept-b'), actor('office'), actor('viewer'), actor('inspector')]) {
      expect(refusal(() => assertMayTakeDutyAction(other, DEPT, action))).toBe(DomainErrorCode.ActionNotPermitted);
    }
  });

  it.each(officeActions)('lets only the office %s', (action) => {
    expect(refusal(() => assertMayTakeDutyAction(actor('office'), DEPT, action))).toBeNull();
    for (const other of [actor('department_officer', DEPT), actor('viewer'), actor('inspector')]) {
      expect(refusal(() => assertMayTakeDutyAction(other, DEPT, action))).toBe(DomainErrorCode.ActionNotPermitted);
    }
  });

  it('shows a duty to the office, viewers and its own department only', () => {
    expect(mayViewDuty(actor('office'), DEPT)).toBe(true);
    expect(mayViewDuty(actor('viewer'), DEPT)).toBe(true);
    expect(mayViewDuty(actor('department_officer', DEPT), DEPT)).toBe(true);
    expect(mayViewDuty(actor('department_officer', 'dept-b'), DEPT)).toBe(false);
    expect(mayViewDuty(actor('inspector'), DEPT)).toBe(false);
  });

  it('lets only the office assign', () => {
    expect(refusal(() => assertMayAssignDuties(actor('office')))).toBeNull();
    expect(refusal(() => assertMayAssignDuties(actor('viewer')))).toBe(DomainErrorCode.ActionNotPermitted);
    expect(refusal(() => assertMayAssignDuties(actor('department_officer', DEPT)))).toBe(DomainErrorCode.ActionNotPermitted);
  });
});
