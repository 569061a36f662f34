import { EMPTY_CALENDAR, WorkingCalendar, type WorkingCalendarDays } from '../calendar/working-calendar';
import { isDutyWithDepartment, type DutyState } from './duty-state-machine';

/** Who a reminder or an escalation step is addressed to. */
export type NotificationAudience = 'department_liaison' | 'department_head' | 'office';

/** How far from the due time: in working days (the plan's unit) or in plain milliseconds. */
export type ClockOffset = { workingDays: number } | { ms: number };

export interface EscalationStep {
  /** Stable name; recorded on the duty and part of the e-mail's idempotency key. */
  step: string;
  /** How long after the due time the step fires. */
  after: ClockOffset;
  notify: readonly NotificationAudience[];
}

/** When a duty's department is reminded and how a late duty climbs the ladder: policy data. */
export interface DutyClockPolicy {
  reminderBefore: ClockOffset;
  /** Steps in the order they fire; each fires at most once per due time. */
  escalationLadder: readonly EscalationStep[];
  calendar: WorkingCalendarDays;
  /**
   * Compresses time for tests and demonstrations: one working day lasts this many
   * milliseconds and every day counts. Unset in production.
   */
  workingDayMs?: number;
}

/**
 * The ladder of docs/domain.md ("Reminders and the escalation ladder"): remind two working
 * days before the due time; at the due time the duty is overdue and the liaison and the office
 * are told; a working day later the head of the department is chased; three working days later
 * the office reports it to the leading group.
 */
export const DEFAULT_DUTY_CLOCK_POLICY: DutyClockPolicy = {
  reminderBefore: { workingDays: 2 },
  escalationLadder: [
    { step: 'overdue', after: { workingDays: 0 }, notify: ['department_liaison', 'office'] },
    { step: 'chase_head', after: { workingDays: 1 }, notify: ['department_head', 'department_liaison'] },
    { step: 'leading_group', after: { workingDays: 3 }, notify: ['office', 'department_head'] },
  ],
  calendar: EMPTY_CALENDAR,
};

/** The policy as the first deployed duty workflows received it; their histories still replay. */
export interface LegacyDutyClockPolicy {
  reminderLeadMs: number;
  escalationLadder: ReadonlyArray<{ step: string; afterDueMs: number; notify: readonly NotificationAudience[] }>;
}

/** Accepts the current policy or the first one, and returns the current shape. */
export function normalizeDutyClockPolicy(policy: DutyClockPolicy | LegacyDutyClockPolicy): DutyClockPolicy {
  if ('reminderBefore' in policy) return policy;
  return {
    reminderBefore: { ms: policy.reminderLeadMs },
    escalationLadder: policy.escalationLadder.map((s) => ({ step: s.step, after: { ms: s.afterDueMs }, notify: s.notify })),
    calendar: EMPTY_CALENDAR,
  };
}

/** `base` moved by `offset` (`sign` -1 for before). */
export function applyClockOffset(base: number, offset: ClockOffset, sign: 1 | -1, policy: Pick<DutyClockPolicy, 'calendar' | 'workingDayMs'>): number {
  if ('ms' in offset) return base + sign * offset.ms;
  if (policy.workingDayMs !== undefined) return base + sign * offset.workingDays * policy.workingDayMs;
  return new WorkingCalendar(policy.calendar).addWorkingDays(base, sign * offset.workingDays);
}

/**
 * When the reminder goes out: `reminderBefore` ahead of the due time, but never before the
 * half-way point between assignment and due time, so a short duty still gets its reminder
 * while there is time to act on it.
 */
export function dutyReminderAt(assignedAt: number, dueAt: number, policy: DutyClockPolicy): number {
  const halfway = assignedAt + Math.floor((dueAt - assignedAt) / 2);
  return Math.max(halfway, applyClockOffset(dueAt, policy.reminderBefore, -1, policy));
}

export interface DutyClockState {
  state: DutyState;
  assignedAt: number;
  dueAt: number;
  /** The due time the last reminder was sent for, so a changed due time earns a new one. */
  remindedForDueAt: number | null;
  /** Steps fired for the current due time. */
  firedEscalationSteps: readonly string[];
}

export type DutyTimer = { kind: 'reminder'; at: number } | { kind: 'escalation'; at: number; step: EscalationStep };

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
  return { kind: 'escalation', at: applyClockOffset(clock.dueAt, step.after, 1, policy), step };
}

/** A new due time must lie in the future. */
export function isValidNewDueTime(dueAt: number, now: number): boolean {
  return Number.isFinite(dueAt) && dueAt > now;
}
