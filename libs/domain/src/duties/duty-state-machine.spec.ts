import { DomainError, DomainErrorCode } from '../errors';
import { allowedDutyActions, DUTY_ACTIONS, DUTY_STATES, isDutyClosed, transitionDuty, type DutyAction, type DutyState } from './duty-state-machine';

// The life of a duty written out by hand (docs/domain.md, "Life of a duty"), independent of the implementation's table.
const ALLOWED: Record<DutyState, Partial<Record<DutyAction, DutyState>>> = {
  // Reassigned, a duty starts again at assigned with its new department.
  assigned: { acknowledge: 'acknowledged', cancel: 'cancelled', extend: 'assigned', remind: 'assigned', record_progress: 'assigned', reassign: 'assigned' },
  acknowledged: { start: 'in_progress', cancel: 'cancelled', extend: 'acknowledged', remind: 'acknowledged', record_progress: 'acknowledged', reassign: 'assigned' },
  in_progress: { submit: 'submitted', cancel: 'cancelled', extend: 'in_progress', remind: 'in_progress', record_progress: 'in_progress', reassign: 'assigned' },
  // Submitted: the duty waits on the office, so there is nobody to remind and no progress to note.
  submitted: { accept: 'accepted', return: 'returned', cancel: 'cancelled', extend: 'submitted', reassign: 'assigned' },
  returned: { start: 'in_progress', submit: 'submitted', cancel: 'cancelled', extend: 'returned', remind: 'returned', record_progress: 'returned', reassign: 'assigned' },
  accepted: {},
  cancelled: {},
};

const pairs = DUTY_STATES.flatMap((state) => DUTY_ACTIONS.map((action) => [state, action] as const));
const allowedPairs = pairs.filter(([state, action]) => ALLOWED[state][action] !== undefined);
const forbiddenPairs = pairs.filter(([state, action]) => ALLOWED[state][action] === undefined);

describe('duty state machine', () => {
  it('covers every state/action pair', () => {
    expect(allowedPairs.length + forbiddenPairs.length).toBe(DUTY_STATES.length * DUTY_ACTIONS.length);
    expect(allowedPairs).toHaveLength(30);
  });

  it.each(allowedPairs)('allows %s --%s-->', (state, action) => {
    expect(transitionDuty(state, action)).toBe(ALLOWED[state][action]);
  });

  it.each(forbiddenPairs)('forbids %s --%s--> with DUTY_TRANSITION_FORBIDDEN', (state, action) => {
    let thrown: unknown;
    try {
      transitionDuty(state, action);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).code).toBe(DomainErrorCode.DutyTransitionForbidden);
    expect((thrown as DomainError).message).toContain(state);
  });

  it('lists the allowed actions of each state', () => {
    for (const state of DUTY_STATES) {
      expect(allowedDutyActions(state).sort()).toEqual(Object.keys(ALLOWED[state]).sort());
    }
  });

  it('treats accepted and cancelled as closed, and only those', () => {
    expect(DUTY_STATES.filter(isDutyClosed)).toEqual(['accepted', 'cancelled']);
  });
});
