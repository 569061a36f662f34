import { DomainError, DomainErrorCode } from '../errors';
import type { Actor, Role } from '../roles';
import { assertMay, may } from '../access';
import { DUTY_ACTION_CAPABILITY } from './duty-permissions';
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
    expect(refusal(() => assertMay(actor('department_officer', DEPT), DUTY_ACTION_CAPABILITY[action], { departmentId: DEPT }))).toBeNull();
    for (const other of [actor('department_officer', 'dept-b'), actor('office'), actor('viewer'), actor('inspector')]) {
      expect(refusal(() => assertMay(other, DUTY_ACTION_CAPABILITY[action], { departmentId: DEPT }))).toBe(DomainErrorCode.ActionNotPermitted);
    }
  });

  it.each(officeActions)('lets only the office %s', (action) => {
    expect(refusal(() => assertMay(actor('office'), DUTY_ACTION_CAPABILITY[action], { departmentId: DEPT }))).toBeNull();
    for (const other of [actor('department_officer', DEPT), actor('viewer'), actor('inspector')]) {
      expect(refusal(() => assertMay(other, DUTY_ACTION_CAPABILITY[action], { departmentId: DEPT }))).toBe(DomainErrorCode.ActionNotPermitted);
    }
  });

  it('shows a duty to the office, viewers and its own department only', () => {
    expect(may(actor('office'), 'duty.read', { departmentId: DEPT })).toBe(true);
    expect(may(actor('viewer'), 'duty.read', { departmentId: DEPT })).toBe(true);
    expect(may(actor('department_officer', DEPT), 'duty.read', { departmentId: DEPT })).toBe(true);
    expect(may(actor('department_officer', 'dept-b'), 'duty.read', { departmentId: DEPT })).toBe(false);
    expect(may(actor('inspector'), 'duty.read', { departmentId: DEPT })).toBe(false);
  });

  it('lets only the office assign', () => {
    expect(refusal(() => assertMay(actor('office'), 'duty.assign'))).toBeNull();
    expect(refusal(() => assertMay(actor('viewer'), 'duty.assign'))).toBe(DomainErrorCode.ActionNotPermitted);
    expect(refusal(() => assertMay(actor('department_officer', DEPT), 'duty.assign'))).toBe(DomainErrorCode.ActionNotPermitted);
  });
});
