import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, DutyAction, DutyClockPolicy, DutyState, EscalationStepTiming, LegacyDutyClockPolicy, NotificationAudience } from '@duban/domain';

/** One workflow per duty; the id is derived from the duty's id so a repeat start is a no-op. */
export function dutyWorkflowId(dutyId: string): string {
  return `duty-${dutyId}`;
}

export interface DutyAssignment {
  dutyId: string;
  departmentId: string;
  title: string;
  description: string;
  /** Epoch milliseconds. */
  assignedAt: number;
  dueAt: number;
  assignedBy: Actor;
  /** Set when a campaign phase fanned the duty out. */
  campaign?: DutyCampaignContext;
}

/** Where a fanned-out duty comes from. Data only: the workflow's commands do not depend on it. */
export interface DutyCampaignContext {
  campaignId: string;
  phaseId: string;
  templateId: string;
  districtId: string | null;
  sectorKey: string | null;
}

/** What survives a continue-as-new. */
export interface DutyWorkflowCarriedState {
  state: DutyState;
  lastSeq: number;
  remindedForDueAt: number | null;
  firedEscalationSteps: string[];
  outbox: DutyNotification[];
  /** Absent in states carried before extensions existed: the assignment's due time holds. */
  dueAt?: number;
  /** The department holding the duty now; absent before reassignments existed: the assignment's. */
  departmentId?: string;
  /** The last actions' answers by update id, so that an action sent again after a rollover is not done twice. */
  answeredUpdates?: Array<[string, DutyRecordView]>;
}

export interface DutyWorkflowInput {
  assignment: DutyAssignment;
  /** Workflows started before the working-day ladder carry the legacy shape. */
  policy: DutyClockPolicy | LegacyDutyClockPolicy;
  carried?: DutyWorkflowCarriedState;
  /**
   * The history length past which the duty continues as new (default 2,000); set lower by a
   * deployment's DUBAN_DUTY_HISTORY_EVENTS (tests, benchmarks). Carried across runs.
   */
  historyEventsBound?: number;
}

export interface DutyActionRequest {
  action: DutyAction;
  actor: Actor;
  /** Required to return or cancel. */
  reason?: string;
  /** Required to submit. */
  result?: string;
  /** Required to extend: the new due time (epoch ms). */
  dueAt?: number;
  /** Required to reassign: the department that takes the duty over. */
  departmentId?: string;
  /** Optional on submit: evidence files of this duty (the API checks they are). */
  evidenceIds?: string[];
}

/** The duty as the record holds it after an action: the caller reads its own write. */
export interface DutyRecordView {
  id: string;
  state: DutyState;
  lastSeq: number;
}

export interface DutyLiveState {
  dutyId: string;
  /** The department holding the duty (it changes on a reassignment). */
  departmentId: string;
  state: DutyState;
  dueAt: number;
  lastSeq: number;
  overdue: boolean;
  remindedForDueAt: number | null;
  firedEscalationSteps: string[];
  pendingNotifications: number;
}

/** `reassigned` goes to the department that takes a duty over, `reassigned_away` to the one that gave it up. */
export type DutyNotificationKind = 'assigned' | 'reminder' | 'escalation' | 'transition' | 'reassigned' | 'reassigned_away';

/** An e-mail the workflow owes; `key` makes the send idempotent. */
export interface DutyNotification {
  key: string;
  kind: DutyNotificationKind;
  dutyId: string;
  audience: NotificationAudience[];
  /** For escalations: the step; for transitions: the action. */
  detail?: string;
  reason?: string;
  /**
   * The department addressed (its liaison or head): the one holding the duty when the
   * notification was queued. Absent in notifications queued before reassignments existed: the
   * duty's department.
   */
  departmentId?: string;
  /** For reassignments: the department on the other side (where the duty went, or came from). */
  otherDepartmentId?: string;
  /**
   * For escalations: the step's offset and the next step, from the ladder this duty runs on, so
   * the e-mail says the periods the timers use. Absent in escalations queued before it existed:
   * the e-mail then names no period.
   */
  stepTiming?: EscalationStepTiming;
}

/** The type of an update refused while the duty continues as new; the API sends it again. */
export const DUTY_ROLLING_OVER = 'DutyRollingOver';

export const dutyActionUpdate = defineUpdate<DutyRecordView, [DutyActionRequest]>('dutyAction');
export const dutyLiveStateQuery = defineQuery<DutyLiveState>('dutyLiveState');
