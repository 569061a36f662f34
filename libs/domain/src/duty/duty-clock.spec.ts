import { DEFAULT_DUTY_CLOCK_POLICY, dutyReminderAt, nextDutyTimer, type DutyClockState } from './duty-clock';

const HOUR = 3600_000;
const policy = DEFAULT_DUTY_CLOCK_POLICY;

describe('duty clock', () => {
  it('reminds a day before a long duty is due', () => {
    expect(dutyReminderAt(0, 10 * 24 * HOUR, policy)).toBe(9 * 24 * HOUR);
    expect(dutyReminderAt(0, 48 * HOUR, policy)).toBe(24 * HOUR);
  });

  it('reminds half-way through a duty shorter than two days', () => {
    expect(dutyReminderAt(1000, 1000 + 10 * HOUR, policy)).toBe(1000 + 5 * HOUR);
    expect(dutyReminderAt(0, 6000, policy)).toBe(3000);
  });

  const clock = (over: Partial<DutyClockState> = {}): DutyClockState => ({
    state: 'assigned',
    assignedAt: 0,
    dueAt: 10_000,
    remindedForDueAt: null,
    firedEscalationSteps: [],
    ...over,
  });

  it('plans the reminder, then the overdue step, then nothing', () => {
    expect(nextDutyTimer(clock(), 0, policy)).toEqual({ kind: 'reminder', at: 5000 });
    expect(nextDutyTimer(clock({ remindedForDueAt: 10_000 }), 5000, policy)).toEqual({
      kind: 'escalation',
      at: 10_000,
      step: policy.escalationLadder[0],
    });
    expect(nextDutyTimer(clock({ remindedForDueAt: 10_000, firedEscalationSteps: ['overdue'] }), 10_000, policy)).toBeNull();
  });

  it('skips a reminder that would come at or after the due time', () => {
    expect(nextDutyTimer(clock(), 10_000, policy)).toMatchObject({ kind: 'escalation', at: 10_000 });
  });

  it('runs only while the department holds the duty', () => {
    for (const state of ['assigned', 'acknowledged', 'in_progress', 'returned'] as const) {
      expect(nextDutyTimer(clock({ state }), 0, policy)).not.toBeNull();
    }
    for (const state of ['submitted', 'accepted', 'cancelled'] as const) {
      expect(nextDutyTimer(clock({ state }), 0, policy)).toBeNull();
    }
  });

  it('fires the overdue step at once for a duty returned after its due time', () => {
    expect(nextDutyTimer(clock({ state: 'returned', remindedForDueAt: 10_000 }), 20_000, policy)).toMatchObject({
      kind: 'escalation',
      at: 10_000,
    });
  });
});
