import type { Actor, DutyAction, DutyState } from '@duban/domain';
import type { DutyAssignment, DutyNotification, DutyRecordView } from './duty-contract';

export interface RecordDutyTransitionInput {
  dutyId: string;
  /** Position in the duty's history; (dutyId, seq) is unique, so a retry writes nothing twice. */
  seq: number;
  action: DutyAction;
  from: DutyState;
  to: DutyState;
  actor: Actor;
  reason?: string;
  result?: string;
  /** Set by an extension: the duty's new due time. */
  dueAt?: number;
  /** Set by a reassignment: the department the duty leaves and the one that takes it over. */
  fromDepartmentId?: string;
  toDepartmentId?: string;
  /** Set by a submission that names evidence files. */
  evidenceIds?: string[];
  occurredAt: number;
}

export interface RecordDutyEscalationInput {
  dutyId: string;
  step: string;
  dueAt: number;
  firedAt: number;
  notified: string[];
}

/**
 * The I/O a duty workflow needs. Implemented by the worker; workflows import this type only.
 * Every method is idempotent because Temporal may run it more than once.
 */
export interface DutyActivities {
  /** Creates the duty and its first history entry if they are not there yet. */
  recordDutyAssigned(assignment: DutyAssignment): Promise<void>;
  recordDutyTransition(input: RecordDutyTransitionInput): Promise<DutyRecordView>;
  recordDutyReminded(input: { dutyId: string; dueAt: number; remindedAt: number }): Promise<void>;
  recordDutyEscalation(input: RecordDutyEscalationInput): Promise<void>;
  sendDutyNotification(notification: DutyNotification): Promise<void>;
}
