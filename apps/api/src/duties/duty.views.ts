import type { DutyAction, DutyState, Role } from '@duban/domain';
import type {
  DepartmentEntity,
  DutyEntity,
  DutyEscalationEntity,
  DutyTransitionEntity,
  EmailEntity,
} from '@duban/persistence';
import type { DutyLiveState } from '@duban/workflows';
import type { IsoInstant } from '../common/instants';

export interface DutySummary {
  id: string;
  departmentId: string;
  title: string;
  state: DutyState;
  dueAt: IsoInstant;
  assignedAt: IsoInstant;
  overdue: boolean;
  overdueSince: IsoInstant | null;
  returnCount: number;
  closedAt: IsoInstant | null;
  updatedAt: IsoInstant;
  /** Where a fanned-out duty comes from (null for duties the office assigned by hand). */
  campaignId: string | null;
  phaseId: string | null;
  districtId: string | null;
  /** Still open when its phase closed. */
  late: boolean;
}

export interface DutyDetail extends DutySummary {
  description: string;
  department: { id: string; code: string; name: string };
  result: string | null;
  remindedAt: IsoInstant | null;
  /** What the caller may do next. */
  allowedActions: DutyAction[];
  /** Whether the caller may write in the comment thread, and add evidence now. */
  mayComment: boolean;
  mayAddEvidence: boolean;
  history: Array<{
    seq: number;
    action: string;
    from: DutyState | null;
    to: DutyState;
    actor: { id: string; username: string; role: Role };
    reason: string | null;
    result: string | null;
    /** The new due time, on an extension. */
    dueAt: IsoInstant | null;
    /** A reassignment: the department the duty left and the one it went to. */
    fromDepartmentId: string | null;
    toDepartmentId: string | null;
    /** A submission: the evidence files it names. */
    evidenceIds: string[];
    occurredAt: IsoInstant;
  }>;
  escalations: Array<{ step: string; dueAt: IsoInstant; firedAt: IsoInstant; notified: string[] }>;
  emails: Array<{ key: string; recipients: string[]; subject: string; status: string; sentAt: IsoInstant | null }>;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toDutySummary(duty: DutyEntity): DutySummary {
  return {
    id: duty.id,
    departmentId: duty.departmentId,
    title: duty.title,
    state: duty.state,
    dueAt: duty.dueAt.toISOString(),
    assignedAt: duty.assignedAt.toISOString(),
    overdue: duty.overdueSince !== null && duty.closedAt === null,
    overdueSince: iso(duty.overdueSince),
    returnCount: duty.returnCount,
    closedAt: iso(duty.closedAt),
    updatedAt: duty.updatedAt.toISOString(),
    campaignId: duty.campaignId,
    phaseId: duty.phaseId,
    districtId: duty.districtId,
    late: duty.late,
  };
}

export function toDutyDetail(
  duty: DutyEntity,
  department: DepartmentEntity,
  history: DutyTransitionEntity[],
  escalations: DutyEscalationEntity[],
  emails: EmailEntity[],
  allowedActions: DutyAction[],
  may: { mayComment: boolean; mayAddEvidence: boolean },
): DutyDetail {
  return {
    ...toDutySummary(duty),
    description: duty.description,
    department: { id: department.id, code: department.code, name: department.name },
    result: duty.result,
    remindedAt: iso(duty.remindedAt),
    allowedActions,
    ...may,
    history: history.map((t) => ({
      seq: t.seq,
      action: t.action,
      from: t.fromState,
      to: t.toState,
      actor: { id: t.actorUserId, username: t.actorUsername, role: t.actorRole },
      reason: t.reason,
      result: t.result,
      dueAt: iso(t.dueAt),
      fromDepartmentId: t.fromDepartmentId,
      toDepartmentId: t.toDepartmentId,
      evidenceIds: t.evidenceIds ?? [],
      occurredAt: t.occurredAt.toISOString(),
    })),
    escalations: escalations.map((e) => ({
      step: e.step,
      dueAt: e.dueAt.toISOString(),
      firedAt: e.firedAt.toISOString(),
      notified: e.notified,
    })),
    emails: emails.map((m) => ({
      key: m.idempotencyKey,
      recipients: m.recipients,
      subject: m.subject,
      status: m.status,
      sentAt: iso(m.sentAt),
    })),
  };
}

/** The duty workflow's live state with its instants as ISO text, as every answer gives them. */
export type DutyLiveStateView = Omit<DutyLiveState, 'dueAt' | 'remindedForDueAt'> & {
  dueAt: IsoInstant;
  remindedForDueAt: IsoInstant | null;
};
