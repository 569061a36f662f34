import { DUTY_STATES, type DutyState } from '../duties/duty-state-machine';
import { summarisePhase, type OutcomeCounts, type PhaseDutyOutcome } from './phase-summary';

const DUE = 1_000_000;
const CLOSED_AT = 2_000_000;

const duty = (state: DutyState, over: Partial<PhaseDutyOutcome> = {}): PhaseDutyOutcome => ({
  departmentId: 'dept-tax',
  districtId: null,
  state,
  dueAt: DUE,
  closedAt: state === 'accepted' || state === 'cancelled' ? DUE - 1 : null,
  ...over,
});

const byState = (counts: Partial<Record<DutyState, number>>): Record<DutyState, number> =>
  Object.fromEntries(DUTY_STATES.map((s) => [s, counts[s] ?? 0])) as Record<DutyState, number>;

const outcome = (over: Partial<OutcomeCounts>): OutcomeCounts => ({
  total: 0,
  byState: byState({}),
  onTime: 0,
  late: 0,
  openAtClose: 0,
  cancelled: 0,
  ...over,
});

describe('phase summary', () => {
  it('counts an empty phase as nothing, with every state present', () => {
    expect(summarisePhase([], CLOSED_AT, 'all_duties_closed')).toEqual({
      ...outcome({}),
      closedAt: CLOSED_AT,
      closeReason: 'all_duties_closed',
      byDepartment: {},
      byDistrict: {},
    });
  });

  it('carries the close time and reason', () => {
    const summary = summarisePhase([duty('accepted')], 1234, 'window_ended');
    expect(summary.closedAt).toBe(1234);
    expect(summary.closeReason).toBe('window_ended');
  });

  it('counts an accepted duty on time when it closed at or before its due time', () => {
    const summary = summarisePhase([duty('accepted', { closedAt: DUE - 1 }), duty('accepted', { closedAt: DUE })], CLOSED_AT, 'all_duties_closed');
    expect(summary).toMatchObject({ total: 2, onTime: 2, late: 0, openAtClose: 0, cancelled: 0 });
  });

  it('counts an accepted duty late when it closed after its due time', () => {
    const summary = summarisePhase([duty('accepted', { closedAt: DUE + 1 })], CLOSED_AT, 'all_duties_closed');
    expect(summary).toMatchObject({ total: 1, onTime: 0, late: 1, openAtClose: 0 });
  });

  it('counts every duty still open at the close as late and open at close', () => {
    const open: DutyState[] = ['assigned', 'acknowledged', 'in_progress', 'submitted', 'returned'];
    const summary = summarisePhase(
      open.map((s) => duty(s)),
      CLOSED_AT,
      'window_ended',
    );
    expect(summary).toMatchObject({ total: 5, onTime: 0, late: 5, openAtClose: 5, cancelled: 0 });
    // Open although its due time has not come: the phase closed on it all the same.
    expect(summarisePhase([duty('in_progress', { dueAt: CLOSED_AT + 1 })], CLOSED_AT, 'window_ended')).toMatchObject({ late: 1, openAtClose: 1 });
  });

  it('counts a cancelled duty neither on time nor late, whenever it was cancelled', () => {
    const summary = summarisePhase([duty('cancelled', { closedAt: DUE - 1 }), duty('cancelled', { closedAt: DUE + 1 })], CLOSED_AT, 'all_duties_closed');
    expect(summary).toMatchObject({ total: 2, cancelled: 2, onTime: 0, late: 0, openAtClose: 0 });
  });

  it('counts by state, each duty once', () => {
    const duties = [duty('assigned'), duty('assigned'), duty('submitted'), duty('accepted'), duty('accepted', { closedAt: DUE + 5 }), duty('accepted'), duty('cancelled')];
    const summary = summarisePhase(duties, CLOSED_AT, 'window_ended');
    expect(summary.byState).toEqual(byState({ assigned: 2, submitted: 1, accepted: 3, cancelled: 1 }));
    expect(summary).toMatchObject({ total: 7, onTime: 2, late: 4, openAtClose: 3, cancelled: 1 });
    // Every duty falls in exactly one of on time, late and cancelled.
    expect(summary.onTime + summary.late + summary.cancelled).toBe(summary.total);
  });

  it('splits the counts per department and per district', () => {
    const duties = [
      duty('accepted', { departmentId: 'dept-tax', districtId: 'yanfeng' }),
      duty('accepted', { departmentId: 'dept-tax', districtId: 'zhuhui', closedAt: DUE + 1 }),
      duty('in_progress', { departmentId: 'dept-psb', districtId: 'yanfeng' }),
      duty('cancelled', { departmentId: 'dept-psb', districtId: null }),
      // A district government's own duty: the district is the department.
      duty('accepted', { departmentId: 'zhuhui', districtId: 'zhuhui' }),
    ];
    const summary = summarisePhase(duties, CLOSED_AT, 'window_ended');
    expect(summary.byDepartment).toEqual({
      'dept-tax': outcome({ total: 2, byState: byState({ accepted: 2 }), onTime: 1, late: 1 }),
      'dept-psb': outcome({ total: 2, byState: byState({ in_progress: 1, cancelled: 1 }), late: 1, openAtClose: 1, cancelled: 1 }),
      zhuhui: outcome({ total: 1, byState: byState({ accepted: 1 }), onTime: 1 }),
    });
    expect(summary.byDistrict).toEqual({
      yanfeng: outcome({ total: 2, byState: byState({ accepted: 1, in_progress: 1 }), onTime: 1, late: 1, openAtClose: 1 }),
      zhuhui: outcome({ total: 2, byState: byState({ accepted: 2 }), onTime: 1, late: 1 }),
    });
  });

  it('leaves duties without a district out of the district counts only', () => {
    const summary = summarisePhase([duty('accepted', { districtId: null }), duty('assigned', { districtId: null })], CLOSED_AT, 'window_ended');
    expect(summary.byDistrict).toEqual({});
    expect(summary.total).toBe(2);
    expect(summary.byDepartment['dept-tax'].total).toBe(2);
  });
});
