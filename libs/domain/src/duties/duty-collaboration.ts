import type { Actor } from '../roles';
import { DomainError, DomainErrorCode } from '../errors';
import { refusalFor } from '../access';
import { dutyActionInputName, dutyActionRequires, isDutyWithDepartment, type DutyAction, type DutyState } from './duty-state-machine';
import { isValidNewDueTime } from './duty-clock';

/** A submission names at most this many evidence files (the form shows them as a list). */
export const MAX_EVIDENCE_PER_SUBMISSION = 50;

/** What an action carries besides who takes it (the workflow's request, the API's input). */
export interface DutyActionInput {
  reason?: string;
  result?: string;
  /** Extend: the new due time (epoch ms). */
  dueAt?: number;
  /** Reassign: the department that takes the duty over. */
  departmentId?: string;
  /** Submit: evidence files of this duty that support the result. */
  evidenceIds?: string[];
}

/**
 * Checks the input of an action against the duty as it stands (its current department, the
 * time now); the state machine and the permission rules are checked separately.
 */
export function assertDutyActionInput(action: DutyAction, input: DutyActionInput, duty: { departmentId: string; now: number }): void {
  const required = dutyActionRequires(action);
  if (required && !input[required]?.trim()) {
    throw new DomainError(DomainErrorCode.DutyActionInputMissing, `To ${action} a duty, give a ${dutyActionInputName(action)}`);
  }
  if (action === 'extend' && !isValidNewDueTime(input.dueAt ?? NaN, duty.now)) {
    throw new DomainError(DomainErrorCode.DueTimeNotInFuture, 'The new due time must be in the future');
  }
  if (action === 'reassign') {
    if (!input.departmentId) {
      throw new DomainError(DomainErrorCode.DutyReassignTargetInvalid, 'To reassign a duty, name the department that takes it over');
    }
    if (input.departmentId === duty.departmentId) {
      throw new DomainError(DomainErrorCode.DutyReassignTargetInvalid, 'The duty is already with that department');
    }
  }
  if (input.evidenceIds !== undefined) {
    if (action !== 'submit') {
      throw new DomainError(DomainErrorCode.EvidenceInvalid, 'Evidence files are named only when submitting a result');
    }
    if (input.evidenceIds.length > MAX_EVIDENCE_PER_SUBMISSION) {
      throw new DomainError(DomainErrorCode.EvidenceInvalid, `A submission names at most ${MAX_EVIDENCE_PER_SUBMISSION} evidence files`);
    }
    if (new Set(input.evidenceIds).size !== input.evidenceIds.length) {
      throw new DomainError(DomainErrorCode.EvidenceInvalid, 'An evidence file is named twice');
    }
  }
}

/**
 * Evidence belongs to the department's work: only an officer of the duty's department adds it.
 * Returns why the actor may not, or null when they may (the state is checked apart, a 409).
 */
export function evidenceUploadRefusal(actor: Actor, dutyDepartmentId: string): string | null {
  return refusalFor(actor, 'duty.add-evidence', { departmentId: dutyDepartmentId });
}

/** Evidence is added while the department holds the duty: not once submitted or closed. */
export function assertDutyTakesEvidence(state: DutyState): void {
  if (!isDutyWithDepartment(state)) {
    throw new DomainError(DomainErrorCode.DutyNotWithDepartment, `A duty that is ${state} takes no more evidence; evidence is added while the department holds the duty`, {
      state,
    });
  }
}

/**
 * The comment thread is between the office and the responsible department: both write;
 * viewers read (whoever may read the duty, duty.read); inspectors and other departments have no part in it.
 */
export function commentRefusal(actor: Actor, dutyDepartmentId: string): string | null {
  return refusalFor(actor, 'duty.comment', { departmentId: dutyDepartmentId });
}

export function assertNotRefused(refusal: string | null): void {
  if (refusal) throw new DomainError(DomainErrorCode.ActionNotPermitted, refusal);
}
