import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, DutyAction, DutyClockPolicy, DutyState, LegacyDutyClockPolicy, NotificationAudience } from '@duban/domain';

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
}

export interface DutyWorkflowInput {
  assignment: DutyAssignment;
  /** Workflows started before the working-day ladder carry the legacy shape. */
  policy: DutyClockPolicy | LegacyDutyClockPolicy;
  carried?: DutyWorkflowCarriedState;
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
}

/** The duty as the record holds it after an action: the caller reads its own write. */
export interface DutyRecordView {
  id: string;
  state: DutyState;
  lastSeq: number;
}

export interface DutyLiveState {
  dutyId: string;
  state: DutyState;
  dueAt: number;
  lastSeq: number;
  overdue: boolean;
  remindedForDueAt: number | null;
  firedEscalationSteps: string[];
  pendingNotifications: number;
}

export type DutyNotificationKind = 'assigned' | 'reminder' | 'escalation' | 'transition';

/** An e-mail the workflow owes; `key` makes the send idempotent. */
export interface DutyNotification {
  key: string;
  kind: DutyNotificationKind;
  dutyId: string;
  audience: NotificationAudience[];
  /** For escalations: the step; for transitions: the action. */
  detail?: string;
  reason?: string;
}

export const dutyActionUpdate = defineUpdate<DutyRecordView, [DutyActionRequest]>('dutyAction');
export const dutyLiveStateQuery = defineQuery<DutyLiveState>('dutyLiveState');
