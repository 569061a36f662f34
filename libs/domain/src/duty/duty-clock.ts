import { isDutyWithDepartment, type DutyState } from './duty-state-machine';

/** Who an escalation step or reminder is addressed to. */
export type NotificationAudience = 'department_liaison' | 'department_head' | 'office';

export interface EscalationStep {
  /** Stable name; recorded on the duty and part of the e-mail's idempotency key. */
  step: string;
  /** How long after the due time the step fires (0 = at the due time). */
  afterDueMs: number;
  notify: readonly NotificationAudience[];
}

export interface DutyClockPolicy {
  /** How long before the due time the department is reminded. */
  reminderLeadMs: number;
  /** Steps in the order they fire; each fires at most once per duty. */
  escalationLadder: readonly EscalationStep[];
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * At the due time an undone duty is marked overdue and both the department and the office
 * hear of it. The longer ladder (head of department, leading group) builds on this list.
 */
export const DEFAULT_DUTY_CLOCK_POLICY: DutyClockPolicy = {
  reminderLeadMs: 24 * HOUR_MS,
  escalationLadder: [{ step: 'overdue', afterDueMs: 0, notify: ['department_liaison', 'office'] }],
};

/**
 * When the reminder goes out: `reminderLeadMs` before the due time, or half-way between
 * assignment and due time when the duty is shorter than twice the lead, so a short duty
 * still gets its reminder while there is time to act on it.
 */
export function dutyReminderAt(assignedAt: number, dueAt: number, policy: DutyClockPolicy): number {
  const span = dueAt - assignedAt;
  if (span >= 2 * policy.reminderLeadMs) return dueAt - policy.reminderLeadMs;
  return assignedAt + Math.floor(span / 2);
}

export interface DutyClockState {
  state: DutyState;
  assignedAt: number;
  dueAt: number;
  /** The due time the last reminder was sent for, so a changed due time earns a new one. */
  remindedForDueAt: number | null;
  firedEscalationSteps: readonly string[];
}

export type DutyTimer =
  | { kind: 'reminder'; at: number }
  | { kind: 'escalation'; at: number; step: EscalationStep };

/**
 * The next thing the clock must do for a duty, or null when nothing is pending. Only duties
 * the department still holds run the clock; a submitted duty waits on the office instead.
 * A reminder whose moment falls at or after the due time is skipped: the overdue notice says
 * more.
 */
export function nextDutyTimer(clock: DutyClockState, now: number, policy: DutyClockPolicy): DutyTimer | null {
  if (!isDutyWithDepartment(clock.state)) return null;
  if (clock.remindedForDueAt !== clock.dueAt && now < clock.dueAt && clock.firedEscalationSteps.length === 0) {
    return { kind: 'reminder', at: dutyReminderAt(clock.assignedAt, clock.dueAt, policy) };
  }
  const step = policy.escalationLadder.find((s) => !clock.firedEscalationSteps.includes(s.step));
  if (!step) return null;
  return { kind: 'escalation', at: clock.dueAt + step.afterDueMs, step };
}
