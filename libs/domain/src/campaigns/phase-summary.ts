import { DUTY_STATES, isDutyClosed, type DutyState } from '../duties/duty-state-machine';

/** A duty as the phase summary needs it. */
export interface PhaseDutyOutcome {
  departmentId: string;
  districtId: string | null;
  state: DutyState;
  dueAt: number;
  closedAt: number | null;
}

export interface OutcomeCounts {
  total: number;
  byState: Record<DutyState, number>;
  /** Accepted at or before the due time. */
  onTime: number;
  /** Accepted after the due time, or still open when the phase closed. */
  late: number;
  /** Still open when the phase closed (they stay open, marked late). */
  openAtClose: number;
  cancelled: number;
}

export interface PhaseSummary extends OutcomeCounts {
  closedAt: number;
  closeReason: PhaseCloseReason;
  byDepartment: Record<string, OutcomeCounts>;
  byDistrict: Record<string, OutcomeCounts>;
}

export type PhaseCloseReason = 'all_duties_closed' | 'window_ended';

function emptyCounts(): OutcomeCounts {
  return {
    total: 0,
    byState: Object.fromEntries(DUTY_STATES.map((s) => [s, 0])) as Record<DutyState, number>,
    onTime: 0,
    late: 0,
    openAtClose: 0,
    cancelled: 0,
  };
}

function count(into: OutcomeCounts, duty: PhaseDutyOutcome): void {
  into.total++;
  into.byState[duty.state]++;
  if (duty.state === 'cancelled') into.cancelled++;
  else if (!isDutyClosed(duty.state)) {
    into.openAtClose++;
    into.late++;
  } else if (duty.closedAt !== null && duty.closedAt <= duty.dueAt) into.onTime++;
  else into.late++;
}

/** Counts by state, on time against late, for the phase and per department and district. */
export function summarisePhase(duties: readonly PhaseDutyOutcome[], closedAt: number, closeReason: PhaseCloseReason): PhaseSummary {
  const summary: PhaseSummary = { ...emptyCounts(), closedAt, closeReason, byDepartment: {}, byDistrict: {} };
  for (const duty of duties) {
    count(summary, duty);
    count((summary.byDepartment[duty.departmentId] ??= emptyCounts()), duty);
    if (duty.districtId) count((summary.byDistrict[duty.districtId] ??= emptyCounts()), duty);
  }
  return summary;
}
