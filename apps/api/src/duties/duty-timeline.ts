import { DUTY_ACTIONS, dutyActionRequires, SYSTEM_ACTOR, SYSTEM_REASONS, systemReasonOf, type DutyAction } from '@duban/domain';
import type { DepartmentEntity, DutyCommentEntity, DutyEscalationEntity, DutyEvidenceEntity, DutyReminderEntity, DutyTransitionEntity, EmailEntity } from '@duban/persistence';
import type { DutyTimelineEntry, DutyTimelineKind, TimelineDepartment } from '@duban/contracts';

export type { DutyTimelineEntry, DutyTimelineKind, TimelineDepartment } from '@duban/contracts';

/** Reminders, escalations and e-mails are the clock's doing. */
const SYSTEM = { id: SYSTEM_ACTOR.userId, username: SYSTEM_ACTOR.username, role: 'system' };

// Within the same instant: the step first, then what it caused (an e-mail is sent after the
// transition or escalation that queued it).
const KIND_ORDER: Record<DutyTimelineKind, number> = { transition: 0, reminder: 1, escalation: 2, evidence: 3, comment: 4, email: 5 };

export interface DutyTimelineSources {
  history: DutyTransitionEntity[];
  reminders: DutyReminderEntity[];
  escalations: DutyEscalationEntity[];
  emails: EmailEntity[];
  comments: DutyCommentEntity[];
  evidence: DutyEvidenceEntity[];
  departments: DepartmentEntity[];
}

/** Merges every record of a duty into one list, oldest first. */
export function buildDutyTimeline(sources: DutyTimelineSources): DutyTimelineEntry[] {
  const byId = new Map(sources.departments.map((d) => [d.id, d]));
  const department = (id: string | null): TimelineDepartment | null => {
    if (!id) return null;
    const d = byId.get(id);
    return { id, code: d?.code ?? null, name: d?.name ?? null };
  };
  const fileNames = new Map(sources.evidence.map((e) => [e.id, e.fileName]));
  const base = { from: null, to: null, fromDepartment: null, toDepartment: null, why: null, whyCode: null };
  const entries: Array<DutyTimelineEntry & { order: number }> = [];

  for (const t of sources.history) {
    // Return, cancel, extend and reassign must say why; on other actions the text is a note.
    const isAction = (DUTY_ACTIONS as readonly string[]).includes(t.action);
    const isReason = isAction && t.action !== 'record_progress' && dutyActionRequires(t.action as DutyAction) === 'reason';
    entries.push({
      ...base,
      order: t.seq,
      at: t.occurredAt.toISOString(),
      kind: 'transition',
      what: t.action,
      who: t.actorUserId === SYSTEM_ACTOR.userId ? SYSTEM : { id: t.actorUserId, username: t.actorUsername, role: t.actorRole },
      from: t.fromState,
      to: t.toState,
      fromDepartment: department(t.fromDepartmentId),
      toDepartment: department(t.toDepartmentId),
      why: isReason ? t.reason : null,
      whyCode: isReason ? systemReasonOf(t.reason) : null,
      details: {
        seq: t.seq,
        ...(!isReason && t.reason ? { note: t.reason } : {}),
        ...(t.result ? { result: t.result } : {}),
        ...(t.dueAt ? { newDueAt: t.dueAt.toISOString() } : {}),
        ...(t.evidenceIds?.length ? { evidence: t.evidenceIds.map((id) => ({ id, fileName: fileNames.get(id) ?? null })) } : {}),
      },
    });
  }
  for (const r of sources.reminders) {
    entries.push({
      ...base,
      order: 0,
      at: r.remindedAt.toISOString(),
      kind: 'reminder',
      what: 'reminder',
      who: SYSTEM,
      toDepartment: department(r.departmentId),
      why: SYSTEM_REASONS.due_time_near,
      whyCode: 'due_time_near',
      details: { dueAt: r.dueAt ? r.dueAt.toISOString() : null },
    });
  }
  for (const e of sources.escalations) {
    entries.push({
      ...base,
      order: 0,
      at: e.firedAt.toISOString(),
      kind: 'escalation',
      what: e.step,
      who: SYSTEM,
      why: SYSTEM_REASONS.past_due_time,
      whyCode: 'past_due_time',
      details: { step: e.step, dueAt: e.dueAt.toISOString(), notified: e.notified },
    });
  }
  for (const e of sources.evidence) {
    entries.push({
      ...base,
      order: 0,
      at: e.uploadedAt.toISOString(),
      kind: 'evidence',
      what: 'evidence_added',
      who: { id: e.uploadedBy, username: e.uploaderUsername, role: e.uploaderRole },
      details: { id: e.id, fileName: e.fileName, contentType: e.contentType, sizeBytes: e.sizeBytes, sha256: e.sha256 },
    });
  }
  for (const c of sources.comments) {
    entries.push({
      ...base,
      order: 0,
      at: c.createdAt.toISOString(),
      kind: 'comment',
      what: 'comment',
      who: { id: c.authorUserId, username: c.authorUsername, role: c.authorRole },
      details: { id: c.id, text: c.body },
    });
  }
  for (const m of sources.emails) {
    entries.push({
      ...base,
      order: Number(m.id),
      at: (m.sentAt ?? m.createdAt).toISOString(),
      kind: 'email',
      what: m.status === 'sent' ? 'email_sent' : 'email_pending',
      who: SYSTEM,
      details: { key: m.idempotencyKey, subject: m.subject, recipients: m.recipients, status: m.status, sentAt: m.sentAt?.toISOString() ?? null },
    });
  }
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.order - b.order).map(({ order: _order, ...entry }) => entry);
}
