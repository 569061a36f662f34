import { DateTime } from 'luxon';
import { DEFAULT_DUTY_CLOCK_POLICY, dutyReminderAt, nextDutyTimer, normalizeDutyClockPolicy, type DutyClockPolicy, type DutyClockState } from './duty-clock';

const HOUR = 3600_000;
const shanghai = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Shanghai' }).toMillis();
const policy = DEFAULT_DUTY_CLOCK_POLICY;
const nationalDay2025: DutyClockPolicy = {
  ...policy,
  calendar: {
    holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
    makeUpWorkdays: ['2025-09-28', '2025-10-11'],
  },
};
/** Time compressed as the integration tests do it: a working day lasts one second. */
const compressed: DutyClockPolicy = { ...policy, workingDayMs: 1000 };

const clock = (over: Partial<DutyClockState> = {}): DutyClockState => ({
  state: 'assigned',
  assignedAt: 0,
  dueAt: 10_000,
  remindedForDueAt: null,
  firedEscalationSteps: [],
  ...over,
});

describe('duty clock', () => {
  it('reminds two working days before the due time, across weekends and holidays', () => {
    const assigned = shanghai('2025-09-01T09:00');
    expect(dutyReminderAt(assigned, shanghai('2025-10-10T18:00'), nationalDay2025)).toBe(shanghai('2025-09-30T18:00'));
    expect(dutyReminderAt(assigned, shanghai('2025-09-22T18:00'), policy)).toBe(shanghai('2025-09-18T18:00'));
  });

  it('reminds half-way through a duty too short for the lead', () => {
    expect(dutyReminderAt(1000, 1000 + 10 * HOUR, policy)).toBe(1000 + 5 * HOUR);
    expect(dutyReminderAt(0, 6000, compressed)).toBe(4000);
    expect(dutyReminderAt(0, 3000, compressed)).toBe(1500);
  });

  it('climbs the default ladder: overdue at the due time, head after 1 working day, leading group after 3', () => {
    const dueAt = shanghai('2025-09-30T18:00');
    const at = (fired: string[]) => nextDutyTimer(clock({ dueAt, remindedForDueAt: dueAt, firedEscalationSteps: fired }), dueAt, nationalDay2025);
    expect(at([])).toMatchObject({ kind: 'escalation', at: dueAt, step: { step: 'overdue', notify: ['department_liaison', 'office'] } });
    expect(at(['overdue'])).toMatchObject({ at: shanghai('2025-10-09T18:00'), step: { step: 'chase_head' } });
    expect(at(['overdue', 'chase_head'])).toMatchObject({ at: shanghai('2025-10-11T18:00'), step: { step: 'leading_group' } });
    expect(at(['overdue', 'chase_head', 'leading_group'])).toBeNull();
  });

  it('fires the overdue step at the due time itself, even on a holiday', () => {
    const dueAt = shanghai('2025-10-01T18:00');
    expect(nextDutyTimer(clock({ dueAt, remindedForDueAt: dueAt }), dueAt, nationalDay2025)).toMatchObject({ at: dueAt });
  });

  it('plans the reminder first, and skips one that would come at or after the due time', () => {
    expect(nextDutyTimer(clock(), 0, compressed)).toEqual({ kind: 'reminder', at: 8000 });
    expect(nextDutyTimer(clock(), 10_000, compressed)).toMatchObject({ kind: 'escalation', at: 10_000 });
  });

  it('runs only while the department holds the duty', () => {
    for (const state of ['assigned', 'acknowledged', 'in_progress', 'returned'] as const) {
      expect(nextDutyTimer(clock({ state }), 0, compressed)).not.toBeNull();
    }
    for (const state of ['submitted', 'accepted', 'cancelled'] as const) {
      expect(nextDutyTimer(clock({ state }), 0, compressed)).toBeNull();
    }
  });

  it('fires the overdue step at once for a duty returned after its due time', () => {
    expect(nextDutyTimer(clock({ state: 'returned', remindedForDueAt: 10_000 }), 20_000, compressed)).toMatchObject({
      kind: 'escalation',
      at: 10_000,
    });
  });

  it('reads the policy the first duty workflows were started with', () => {
    const legacy = normalizeDutyClockPolicy({
      reminderLeadMs: 24 * HOUR,
      escalationLadder: [{ step: 'overdue', afterDueMs: 0, notify: ['department_liaison', 'office'] }],
    });
    expect(dutyReminderAt(0, 10 * 24 * HOUR, legacy)).toBe(9 * 24 * HOUR);
    expect(dutyReminderAt(0, 6000, legacy)).toBe(3000);
    expect(nextDutyTimer(clock({ remindedForDueAt: 10_000 }), 5000, legacy)).toMatchObject({ at: 10_000, step: { step: 'overdue' } });
    expect(normalizeDutyClockPolicy(policy)).toBe(policy);
  });
});
