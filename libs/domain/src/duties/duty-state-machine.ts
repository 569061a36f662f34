import { DomainError, DomainErrorCode } from '../errors';

/**
 * Life of a duty (docs/domain.md, "Life of a duty"): assigned → acknowledged → in_progress →
 * submitted → accepted, with `returned` (the office sends a submission back with a reason; the
 * department resumes or resubmits) and `cancelled` (the office withdraws the duty). Overdue is
 * not a state: it is a mark set by the clock on a duty that is still with the department.
 */
export const DUTY_STATES = ['assigned', 'acknowledged', 'in_progress', 'submitted', 'returned', 'accepted', 'cancelled'] as const;
export type DutyState = (typeof DUTY_STATES)[number];

export const DUTY_ACTIONS = ['acknowledge', 'start', 'submit', 'accept', 'return', 'cancel', 'extend', 'remind', 'record_progress', 'reassign'] as const;
export type DutyAction = (typeof DUTY_ACTIONS)[number];

/** Which side of the office/department line may take an action. */
export type DutyActionParty = 'department' | 'office';

interface ActionRule {
  from: readonly DutyState[];
  /** 'same': the action is recorded but leaves the state as it is (an extension). */
  to: DutyState | 'same';
  party: DutyActionParty;
  /** The action is refused without this piece of text. */
  requires?: 'result' | 'reason';
}

const OPEN_STATES: readonly DutyState[] = ['assigned', 'acknowledged', 'in_progress', 'submitted', 'returned'];

const RULES: Record<DutyAction, ActionRule> = {
  acknowledge: { from: ['assigned'], to: 'acknowledged', party: 'department' },
  start: { from: ['acknowledged', 'returned'], to: 'in_progress', party: 'department' },
  submit: { from: ['in_progress', 'returned'], to: 'submitted', party: 'department', requires: 'result' },
  accept: { from: ['submitted'], to: 'accepted', party: 'office' },
  return: { from: ['submitted'], to: 'returned', party: 'office', requires: 'reason' },
  cancel: { from: OPEN_STATES, to: 'cancelled', party: 'office', requires: 'reason' },
  // The office moves the due time of an open duty; the clock restarts from the new time.
  extend: { from: OPEN_STATES, to: 'same', party: 'office', requires: 'reason' },
  // The office chases (催办) the department now, outside the ladder: only while the department
  // holds the duty (DEPARTMENT_HOLDS_DUTY_STATES), since a submitted duty waits on the office.
  remind: { from: ['assigned', 'acknowledged', 'in_progress', 'returned'], to: 'same', party: 'office' },
  // The department notes how far it has got (the note travels as `reason`), while it holds the duty.
  record_progress: {
    from: ['assigned', 'acknowledged', 'in_progress', 'returned'],
    to: 'same',
    party: 'department',
    requires: 'reason',
  },
  // The office hands an open duty to another department, which must acknowledge it afresh.
  reassign: { from: OPEN_STATES, to: 'assigned', party: 'office', requires: 'reason' },
};

/** Closed duties take no further action and their workflow ends. */
export const CLOSED_DUTY_STATES: readonly DutyState[] = ['accepted', 'cancelled'];

/** States in which the duty is waiting on the department: the clock (reminder, overdue) runs. */
export const DEPARTMENT_HOLDS_DUTY_STATES: readonly DutyState[] = ['assigned', 'acknowledged', 'in_progress', 'returned'];

export function isDutyClosed(state: DutyState): boolean {
  return CLOSED_DUTY_STATES.includes(state);
}

export function isDutyWithDepartment(state: DutyState): boolean {
  return DEPARTMENT_HOLDS_DUTY_STATES.includes(state);
}

export function dutyActionParty(action: DutyAction): DutyActionParty {
  return RULES[action].party;
}

export function dutyActionRequires(action: DutyAction): 'result' | 'reason' | undefined {
  return RULES[action].requires;
}

/** What to call the required text in a message: a progress note is carried as `reason`. */
export function dutyActionInputName(action: DutyAction): string | undefined {
  return action === 'record_progress' ? 'note' : RULES[action].requires;
}

/** The actions the state machine allows from a state (for the API to show what can be done next). */
export function allowedDutyActions(state: DutyState): DutyAction[] {
  return DUTY_ACTIONS.filter((action) => RULES[action].from.includes(state));
}

/** The next state, or a DomainError(DutyTransitionForbidden) naming the state and the action. */
export function transitionDuty(state: DutyState, action: DutyAction): DutyState {
  const rule = RULES[action];
  if (!rule.from.includes(state)) {
    throw new DomainError(
      DomainErrorCode.DutyTransitionForbidden,
      `A duty that is ${state} cannot be ${pastTense(action)}; allowed from ${state}: ${allowedDutyActions(state).join(', ') || 'nothing (the duty is closed)'}`,
      { state, action, allowed: allowedDutyActions(state) },
    );
  }
  return rule.to === 'same' ? state : rule.to;
}

function pastTense(action: DutyAction): string {
  switch (action) {
    case 'acknowledge':
      return 'acknowledged';
    case 'start':
      return 'started';
    case 'submit':
      return 'submitted';
    case 'accept':
      return 'accepted';
    case 'return':
      return 'returned';
    case 'cancel':
      return 'cancelled';
    case 'extend':
      return 'extended';
    case 'remind':
      return 'reminded';
    case 'record_progress':
      return 'given a progress note';
    case 'reassign':
      return 'reassigned';
  }
}
