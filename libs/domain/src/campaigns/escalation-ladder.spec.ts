import { DEFAULT_DUTY_CLOCK_POLICY, type ClockOffset, type EscalationStep, type NotificationAudience } from '../duties/duty-clock';
import { DomainError, DomainErrorCode } from '../errors';
import { assertValidEscalationLadder, escalationLadderProblems, escalationStepTiming, NOTIFICATION_AUDIENCES, type EscalationLadderPolicy } from './escalation-ladder';

const step = (name: string, workingDays: number, notify: readonly NotificationAudience[] = ['office']): EscalationStep => ({
  step: name,
  after: { workingDays },
  notify,
});
const ladder = (...steps: EscalationStep[]): EscalationLadderPolicy => ({ reminderBefore: { workingDays: 2 }, escalationLadder: steps });
const withReminder = (reminderBefore: ClockOffset): EscalationLadderPolicy => ({ ...ladder(step('overdue', 0)), reminderBefore });

describe('escalation ladder', () => {
  it('accepts the default ladder of docs/domain.md', () => {
    expect(escalationLadderProblems(DEFAULT_DUTY_CLOCK_POLICY)).toEqual({});
    expect(() => assertValidEscalationLadder(DEFAULT_DUTY_CLOCK_POLICY)).not.toThrow();
  });

  it('takes the reminder lead in whole working days, 0–60', () => {
    for (const n of [0, 2, 60]) expect(escalationLadderProblems(withReminder({ workingDays: n }))).toEqual({});
    for (const offset of [{ workingDays: -1 }, { workingDays: 1.5 }, { workingDays: 61 }, { ms: 3600_000 }]) {
      expect(escalationLadderProblems(withReminder(offset))).toEqual({
        'reminderBefore.workingDays': ['a whole number of working days, 0–60'],
      });
    }
  });

  it('needs at least one step', () => {
    expect(escalationLadderProblems(ladder())).toEqual({ escalationLadder: ['a ladder has at least one step'] });
  });

  it('names steps with lower-case slugs, since they key the e-mails', () => {
    expect(escalationLadderProblems(ladder(step('ok', 0), step('step_2', 1), step('a'.repeat(40), 2)))).toEqual({});
    for (const name of ['Overdue', 'chase-head', '1st', 'a', '', '_overdue', 'leading group', 'a'.repeat(41)]) {
      expect(escalationLadderProblems(ladder(step(name, 0)))).toEqual({
        'escalationLadder.0.step': ['a lower-case name: letters, digits, _'],
      });
    }
  });

  it('refuses a step name used twice', () => {
    expect(escalationLadderProblems(ladder(step('overdue', 0), step('chase_head', 1), step('overdue', 3)))).toEqual({
      'escalationLadder.2.step': ['"overdue" is named twice'],
    });
  });

  it('keeps the steps in the order they fire, allowing two at the same offset', () => {
    expect(escalationLadderProblems(ladder(step('overdue', 0), step('chase_head', 1), step('tell_office', 1)))).toEqual({});
    expect(escalationLadderProblems(ladder(step('overdue', 0), step('leading_group', 3), step('chase_head', 1)))).toEqual({
      'escalationLadder.2.after.workingDays': ['steps are listed in the order they fire'],
    });
  });

  it('judges the order against the last valid step, not a refused one', () => {
    expect(escalationLadderProblems(ladder(step('overdue', 3), step('chase_head', -1), step('leading_group', 2)))).toEqual({
      'escalationLadder.1.after.workingDays': ['a whole number of working days after the due time, 0–60'],
      'escalationLadder.2.after.workingDays': ['steps are listed in the order they fire'],
    });
  });

  it('takes step offsets in whole working days after the due time, 0–60', () => {
    expect(escalationLadderProblems(ladder(step('overdue', 0), step('late', 60)))).toEqual({});
    for (const after of [{ workingDays: -1 }, { workingDays: 0.5 }, { workingDays: 61 }, { workingDays: NaN }, { ms: 0 }]) {
      expect(escalationLadderProblems(ladder({ step: 'overdue', after, notify: ['office'] }))).toEqual({
        'escalationLadder.0.after.workingDays': ['a whole number of working days after the due time, 0–60'],
      });
    }
  });

  it('has every step notify someone it knows', () => {
    expect(escalationLadderProblems(ladder(step('overdue', 0, [])))).toEqual({ 'escalationLadder.0.notify': ['a step notifies someone'] });
    const mayor = ['office', 'mayor'] as unknown as NotificationAudience[];
    expect(escalationLadderProblems(ladder(step('overdue', 0, mayor)))).toEqual({
      'escalationLadder.0.notify.1': ['one of department_liaison, department_head, office'],
    });
    expect(escalationLadderProblems(ladder(step('overdue', 0, NOTIFICATION_AUDIENCES)))).toEqual({});
  });

  it('throws INVALID_CAMPAIGN with the problems by field when asserted', () => {
    const policy = ladder(step('Overdue', 0, []));
    try {
      assertValidEscalationLadder(policy);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(DomainErrorCode.InvalidCampaign);
      expect((error as DomainError).details).toEqual({
        fields: {
          'escalationLadder.0.step': ['a lower-case name: letters, digits, _'],
          'escalationLadder.0.notify': ['a step notifies someone'],
        },
      });
    }
  });

  it("reads a step's offset and the step after it from the ladder the duty runs on", () => {
    const twoAndFive = ladder(step('overdue', 0), step('chase_head', 2), step('leading_group', 5));
    expect(escalationStepTiming(twoAndFive, 'overdue')).toEqual({ after: { workingDays: 0 }, next: { step: 'chase_head', after: { workingDays: 2 } } });
    expect(escalationStepTiming(twoAndFive, 'chase_head')).toEqual({ after: { workingDays: 2 }, next: { step: 'leading_group', after: { workingDays: 5 } } });
    expect(escalationStepTiming(twoAndFive, 'leading_group')).toEqual({ after: { workingDays: 5 }, next: null });
    expect(escalationStepTiming(twoAndFive, 'no_such_step')).toBeNull();
    expect(escalationStepTiming(DEFAULT_DUTY_CLOCK_POLICY, 'chase_head')?.after).toEqual({ workingDays: 1 });
  });
});
