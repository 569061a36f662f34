// Duties: one department's task with a due time (GET/POST /duties, its timeline, live state,
// comments and evidence).
import type { DutyAction, DutyState, DutyTimelineEvent, Role, SystemReason } from '@duban/domain';
import type { IsoInstant } from './common';

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

/** The duty workflow's live state (a Temporal query), with its instants as ISO text. */
export interface DutyLiveStateView {
  dutyId: string;
  /** The department holding the duty (it changes on a reassignment). */
  departmentId: string;
  state: DutyState;
  dueAt: IsoInstant;
  lastSeq: number;
  overdue: boolean;
  remindedForDueAt: IsoInstant | null;
  firedEscalationSteps: string[];
  pendingNotifications: number;
}

export type DutyTimelineKind = 'transition' | 'reminder' | 'escalation' | 'email' | 'comment' | 'evidence';

export interface TimelineDepartment {
  id: string;
  code: string | null;
  name: string | null;
}

/**
 * One thing that happened to a duty: when, what, who (the clock is `system`), from and to
 * (states; departments on a reassignment), why (the reason given), and what else belongs to it.
 */
export interface DutyTimelineEntry {
  at: IsoInstant;
  kind: DutyTimelineKind;
  /**
   * The action (assign, acknowledge, …, record_progress, reassign), reminder, email_sent,
   * email_pending, comment, evidence_added (DUTY_TIMELINE_EVENTS), or the escalation step's name.
   */
  what: DutyTimelineEvent | string;
  who: { id: string; username: string; role: string };
  from: DutyState | null;
  to: DutyState | null;
  fromDepartment: TimelineDepartment | null;
  toDepartment: TimelineDepartment | null;
  why: string | null;
  /** When the system wrote `why`, its code (SYSTEM_REASONS): the console words it, `why` stays for API clients. */
  whyCode: SystemReason | null;
  details: Record<string, unknown>;
}

/** GET /duties/:id/timeline. */
export interface DutyTimeline {
  dutyId: string;
  entries: DutyTimelineEntry[];
}

/** A message in the thread between the office and the duty's department. */
export interface CommentView {
  id: string;
  dutyId: string;
  text: string;
  author: { id: string; username: string; role: Role; departmentId: string | null };
  createdAt: IsoInstant;
}

/** An evidence file of a duty. */
export interface EvidenceView {
  id: string;
  dutyId: string;
  fileName: string;
  contentType: string;
  kind: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: { id: string; username: string; role: string; departmentId: string | null };
  uploadedAt: IsoInstant;
  downloadPath: string;
}
