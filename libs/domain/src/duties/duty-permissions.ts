import type { Actor } from '../roles';
import { listDepartmentOf, refusalFor, type AccessAction } from '../access';
import type { DutyAction } from './duty-state-machine';

/**
 * Department actions (acknowledge, start, submit) belong to the officer of the duty's
 * department; office actions (accept, return, cancel, extend) to the office. Nobody else acts.
 * Returns why the actor may not, or null when they may.
 */
export function dutyActionRefusal(actor: Actor, dutyDepartmentId: string, action: DutyAction): string | null {
  return refusalFor(actor, DUTY_ACTION_CAPABILITY[action], { departmentId: dutyDepartmentId });
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

/**
 * The department a list of duties (or their statistics) covers: a department officer always
 * their own (naming another is refused), the office and viewers whichever they name (or all),
 * inspectors and the system administrator none.
 */
export function dutyListDepartment(actor: Actor, requested: string | undefined, action: 'duty.list' | 'duty-statistics.read' = 'duty.list'): string | undefined {
  return listDepartmentOf(actor, action, requested, 'A department officer sees their own department only');
}
