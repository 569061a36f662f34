import { DomainError, DomainErrorCode } from '../errors';
import type { Actor, Role } from '../roles';
import { assertDutyActionInput, assertDutyTakesEvidence, commentRefusal, evidenceUploadRefusal, MAX_EVIDENCE_PER_SUBMISSION } from './duty-collaboration';
import { dutyActionRefusal } from './duty-permissions';
import { DUTY_STATES, type DutyAction, type DutyState } from './duty-state-machine';

const DEPT = 'dept-a';
const NOW = Date.parse('2026-06-01T00:00:00Z');
const actor = (role: Role, departmentId: string | null = null): Actor => ({ userId: 'u', username: 'u', role, departmentId });

function codeOf(fn: () => void): DomainErrorCode | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

const input = (action: DutyAction, given: Parameters<typeof assertDutyActionInput>[1]) => codeOf(() => assertDutyActionInput(action, given, { departmentId: DEPT, now: NOW }));

describe('duty action input', () => {
  it('needs a note to record progress, and says "note"', () => {
    expect(input('record_progress', { reason: '已完成摸底 60%' })).toBeNull();
    expect(input('record_progress', { reason: '   ' })).toBe(DomainErrorCode.DutyActionInputMissing);
    expect(() => assertDutyActionInput('record_progress', {}, { departmentId: DEPT, now: NOW })).toThrow('give a note');
  });

  it('needs a reason and another department to reassign', () => {
    expect(input('reassign', { reason: '职责调整', departmentId: 'dept-b' })).toBeNull();
    expect(input('reassign', { departmentId: 'dept-b' })).toBe(DomainErrorCode.DutyActionInputMissing);
    expect(input('reassign', { reason: '职责调整' })).toBe(DomainErrorCode.DutyReassignTargetInvalid);
    expect(input('reassign', { reason: '职责调整', departmentId: DEPT })).toBe(DomainErrorCode.DutyReassignTargetInvalid);
  });

  it('keeps the older rules: a result to submit, a future due time and a reason to extend', () => {
    expect(input('submit', { result: '' })).toBe(DomainErrorCode.DutyActionInputMissing);
    expect(input('extend', { reason: '延期', dueAt: NOW - 1 })).toBe(DomainErrorCode.DueTimeNotInFuture);
    expect(input('extend', { reason: '延期', dueAt: NOW + 3600_000 })).toBeNull();
    expect(() => assertDutyActionInput('return', {}, { departmentId: DEPT, now: NOW })).toThrow('To return a duty, give a reason');
  });

  it('takes evidence ids only on a submission, each once, and not too many', () => {
    expect(input('submit', { result: '已办结', evidenceIds: ['e1', 'e2'] })).toBeNull();
    expect(input('submit', { result: '已办结', evidenceIds: [] })).toBeNull();
    expect(input('submit', { result: '已办结', evidenceIds: ['e1', 'e1'] })).toBe(DomainErrorCode.EvidenceInvalid);
    const many = Array.from({ length: MAX_EVIDENCE_PER_SUBMISSION + 1 }, (_, i) => `e${i}`);
    expect(input('submit', { result: '已办结', evidenceIds: many })).toBe(DomainErrorCode.EvidenceInvalid);
    expect(input('record_progress', { reason: '进展', evidenceIds: ['e1'] })).toBe(DomainErrorCode.EvidenceInvalid);
  });
});

describe('who records progress and who reassigns', () => {
  it('lets only the own department officer record progress', () => {
    expect(dutyActionRefusal(actor('department_officer', DEPT), DEPT, 'record_progress')).toBeNull();
    for (const other of [actor('department_officer', 'dept-b'), actor('office'), actor('viewer'), actor('inspector')]) {
      expect(dutyActionRefusal(other, DEPT, 'record_progress')).not.toBeNull();
    }
  });

  it('lets only the office reassign', () => {
    expect(dutyActionRefusal(actor('office'), DEPT, 'reassign')).toBeNull();
    for (const other of [actor('department_officer', DEPT), actor('viewer'), actor('inspector')]) {
      expect(dutyActionRefusal(other, DEPT, 'reassign')).not.toBeNull();
    }
  });
});

describe('evidence', () => {
  it('is added by an officer of the duty’s department only', () => {
    expect(evidenceUploadRefusal(actor('department_officer', DEPT), DEPT)).toBeNull();
    expect(evidenceUploadRefusal(actor('department_officer', 'dept-b'), DEPT)).toBe('This duty belongs to another department');
    for (const role of ['office', 'viewer', 'inspector'] as const) {
      expect(evidenceUploadRefusal(actor(role), DEPT)).not.toBeNull();
    }
  });

  it('is added while the department holds the duty, and refused with a 409 code otherwise', () => {
    const takes: DutyState[] = ['assigned', 'acknowledged', 'in_progress', 'returned'];
    for (const state of DUTY_STATES) {
      expect([state, codeOf(() => assertDutyTakesEvidence(state))]).toEqual([state, takes.includes(state) ? null : DomainErrorCode.DutyNotWithDepartment]);
    }
  });
});

describe('comments', () => {
  it('are written by the office and the duty’s department; viewers, inspectors and other departments may not', () => {
    expect(commentRefusal(actor('office'), DEPT)).toBeNull();
    expect(commentRefusal(actor('department_officer', DEPT), DEPT)).toBeNull();
    expect(commentRefusal(actor('department_officer', 'dept-b'), DEPT)).not.toBeNull();
    expect(commentRefusal(actor('viewer'), DEPT)).toContain('Viewers read');
    expect(commentRefusal(actor('inspector'), DEPT)).not.toBeNull();
  });
});
