// Shapes of the API's answers that the console reads. Enumerations come from the domain, so a
// state the API adds is a compile error here rather than a blank cell.
import type { DutyAction, DutyState, Role, SystemReason } from '@duban/domain';

export type { DutyAction, DutyState, Role };

export interface Page<T> {
  items: T[];
  total: number;
  limit?: number;
  offset?: number;
}

export interface DutySummary {
  id: string;
  departmentId: string;
  title: string;
  state: DutyState;
  dueAt: string;
  assignedAt: string;
  overdue: boolean;
  overdueSince: string | null;
  returnCount: number;
  closedAt: string | null;
  updatedAt: string;
  campaignId: string | null;
  phaseId: string | null;
  districtId: string | null;
  late: boolean;
}

export interface DutyDetail extends DutySummary {
  description: string;
  department: { id: string; code: string; name: string };
  result: string | null;
  remindedAt: string | null;
  allowedActions: DutyAction[];
  mayComment: boolean;
  mayAddEvidence: boolean;
}

export interface TimelineEntry {
  at: string;
  kind: 'transition' | 'reminder' | 'escalation' | 'email' | 'comment' | 'evidence';
  what: string;
  who: { id: string; username: string; role: string };
  from: DutyState | null;
  to: DutyState | null;
  fromDepartment: { id: string; code: string | null; name: string | null } | null;
  toDepartment: { id: string; code: string | null; name: string | null } | null;
  why: string | null;
  /** Set when the system wrote `why` (SYSTEM_REASONS): the console words it. */
  whyCode: SystemReason | null;
  details: Record<string, unknown>;
}

export interface EvidenceFile {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: { id: string; username: string; role: string; departmentId: string | null };
  uploadedAt: string;
  kind?: string;
}

export interface DutyComment {
  id: string;
  text: string;
  author: { id: string; username: string; role: Role };
  createdAt: string;
}
