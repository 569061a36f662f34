import type { DutyAction } from '@duban/domain';
import type { DepartmentEntity, DutyEntity, DutyEscalationEntity, DutyTransitionEntity, EmailEntity } from '@duban/persistence';
import type { DutyDetail, DutySummary } from '@duban/contracts';
import { isoDateOrNull } from '../common/instants';

export type { DutyDetail, DutyLiveStateView, DutySummary } from '@duban/contracts';

export function toDutySummary(duty: DutyEntity): DutySummary {
  return {
    id: duty.id,
    departmentId: duty.departmentId,
    title: duty.title,
    state: duty.state,
    dueAt: duty.dueAt.toISOString(),
    assignedAt: duty.assignedAt.toISOString(),
    overdue: duty.overdueSince !== null && duty.closedAt === null,
    overdueSince: isoDateOrNull(duty.overdueSince),
    returnCount: duty.returnCount,
    closedAt: isoDateOrNull(duty.closedAt),
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
    remindedAt: isoDateOrNull(duty.remindedAt),
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
      dueAt: isoDateOrNull(t.dueAt),
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
      sentAt: isoDateOrNull(m.sentAt),
    })),
  };
}
